import type { RoundResult } from '../../../measure/interleaved-rounds';
import { formatRate } from '../../../report/format';

/** One progress line per round: each contender's rate, so drift between rounds is visible. */
export function describeRound(phase: string, round: number, results: ReadonlyMap<string, RoundResult>, unit: string): string {
  const parts = [...results].map(([name, result]) => `${name} ${formatRate((result.operations * 1000) / result.elapsedMs)} ${unit}/s`);
  return `  [${phase}] round ${round + 1}: ${parts.join(', ')}`;
}
