import type { ChaosReport } from './chaos-run';

/** The run's report: counts first, then what went wrong, then one JSON line for records. */
export function describeReport(report: ChaosReport): string {
  const counts = report.findings.counts();
  const lines = [
    `chaos run (${report.plan}), seed ${report.seed} (replay: CHAOS_SEED=${report.seed} CHAOS_PLAN=${report.plan} npm run test:chaos), ${report.durationS} s`,
    `flows: ${Object.entries(report.flows)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}`,
    `kills: ${report.kills} (${Object.entries(report.killsByService)
      .map(([service, count]) => `${service} ${count}`)
      .join(', ')})`,
    `injected faults: ${report.injectedFaultsTotal} (${Object.entries(report.injectedFaults)
      .map(
        ([target, faults]) =>
          `${target}: ${
            Object.entries(faults)
              .map(([kind, count]) => `${count} ${kind}`)
              .join(', ') || 'none'
          }`,
      )
      .join('; ')})`,
    `reconciliations: ${
      Object.entries(report.reconciliationOutcomes)
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', ') || 'none'
    }`,
    `client retries after an uncertain outcome: ${report.clientRetriesAfterUncertainty}; dead letters (recorded, then retried): ${report.deadLettersRetried}; circuits seen open on /ready: ${report.circuitsSeenOpen.join(', ') || 'none'}`,
    `lost effects: ${counts['lost_effects']}, duplicated effects: ${counts['duplicated_effects']}, missed revocations: ${counts['missed_revocations']}, other problems: ${counts['other_problems']}`,
  ];
  if (report.findings.failed) lines.push(report.findings.describe());
  const { findings, ...rest } = report;
  lines.push(JSON.stringify({ ...rest, ...findings.counts() }));
  return lines.join('\n');
}
