import type { LoadOutcome } from './application-loader';

/** What connector:load prints: a line per application, and one summary line (all the launcher shows). */
export const describeLoad = {
  /** "registered erp (postgresql): 3 entitlements listed (3 new), 3 annotated". */
  application(outcome: LoadOutcome): string {
    const { applicationId, connectorType, registration, discovery } = outcome;
    const head = registration === 'failed' ? `not registered: ${applicationId}` : `${registration} ${applicationId}`;
    if (registration === 'failed') return `${head} (${connectorType})`;
    if (discovery === null) return `${head} (${connectorType}): its catalog could not be discovered`;
    const changes = [`${discovery.discovered} new`, ...(discovery.vanished > 0 ? [`${discovery.vanished} vanished`] : [])];
    return `${head} (${connectorType}): ${count(discovery.listed, 'entitlement')} listed (${changes.join(', ')}), ${outcome.annotated} annotated`;
  },

  /** "7 applications from demo-applications.json: 7 registered (5 simulated, 1 postgresql, 1 manual); 18 entitlements discovered, 15 annotated". */
  summary(fileName: string, outcomes: readonly LoadOutcome[]): string {
    const registrations = tally(outcomes.map((outcome) => outcome.registration));
    const types = tally(outcomes.map((outcome) => outcome.connectorType));
    const discovered = sum(outcomes.map((outcome) => outcome.discovery?.discovered ?? 0));
    const annotated = sum(outcomes.map((outcome) => outcome.annotated));
    const problems = outcomes.flatMap((outcome) => outcome.problems);
    const line =
      `${count(outcomes.length, 'application')} from ${fileName}: ${registrations} (${types}); ` +
      `${count(discovered, 'entitlement')} discovered, ${annotated} annotated`;
    if (problems.length === 0) return line;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return `${line}; ${count(problems.length, 'problem')}: ${problems[0]!.message}${more}`;
  },
};

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${n} ${value}`).join(', ');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}
