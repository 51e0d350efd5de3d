import type { AssignmentsCommand } from './assignments';

/**
 * What a process manager decides for one identity: commands to its assignments, or an explicit
 * reason to do nothing (logged, so "why did nothing happen?" has an answer).
 */
export type ProcessOutcome =
  { readonly kind: 'commands'; readonly commands: readonly AssignmentsCommand[] } | { readonly kind: 'ignored'; readonly reason: string };

export function commands(...list: readonly AssignmentsCommand[]): ProcessOutcome {
  return { kind: 'commands', commands: list };
}

export function ignored(reason: string): ProcessOutcome {
  return { kind: 'ignored', reason };
}
