import type { HrImportCorrectionOutcome, HrImportOutcome } from '../hr-imports';

/** The full report: applied counts, rejected rows with their errors, failures, or why it is held. */
export function describeOutcome(outcome: HrImportOutcome): string[] {
  const lines: string[] = [];
  switch (outcome.status) {
    case 'refused':
      lines.push(`refused: the file was not imported (run ${outcome.runId})`, ...outcome.fileErrors.map((error) => `  ${error}`));
      return lines;
    case 'discarded':
      lines.push(`discarded: run ${outcome.runId}; nothing of its held changes was applied`);
      return lines;
    case 'held':
      lines.push(
        `held: ${outcome.holdReasons.join('; ')} — confirm with \`npm run hris:import -- --confirm ${outcome.runId}\`` +
          ` (or discard with \`npm run hris:import -- --discard ${outcome.runId} --reason "..."\`)`,
        `  held changes: ${kinds(outcome.heldSummary ?? {})}`,
      );
      break;
    case 'applied': {
      const c = outcome.counts;
      lines.push(
        `applied (run ${outcome.runId}): ${c.hires} hires, ${c.rehires} rehires, ${c.movers} movers, ${c.updates} updates, ${c.leavers} leavers; ` +
          `${c.rejected} rejected rows, ${c.failed} failed changes`,
      );
      break;
    }
    default: {
      const unexpected: never = outcome.status;
      throw new Error(`unknown outcome ${String(unexpected)}`);
    }
  }
  if (outcome.rejected.length > 0) {
    lines.push(`rejected rows (kept with their values for correction):`);
    for (const row of outcome.rejected) for (const error of row.errors) lines.push(`  ${error}`);
  }
  if (outcome.failures.length > 0) {
    lines.push(`failed changes:`);
    for (const failure of outcome.failures) lines.push(`  employee ${failure.employeeNumber} (${failure.kind}): ${failure.error}`);
  }
  if (outcome.warnings.length > 0) {
    lines.push(`warnings:`);
    for (const warning of outcome.warnings) lines.push(`  ${warning.message}`);
  }
  return lines;
}

/** What a correction did, then its warnings (a manager not known yet). */
export function describeCorrection(outcome: HrImportCorrectionOutcome): string[] {
  const record = `run ${outcome.runId}, line ${outcome.line}, employee ${outcome.employeeNumber}`;
  const what =
    outcome.result === 'applied' ? `applied as ${outcome.changes.join(' and ')}` : 'unchanged: the directory already holds this record';
  return [`corrected (${record}): ${what}`, ...outcome.warnings.map((warning) => `  warning: ${warning.message}`)];
}

/** One line, for the launcher's demo seeding. */
export function summariseOutcome(outcome: HrImportOutcome): string {
  const c = outcome.counts;
  switch (outcome.status) {
    case 'applied':
      return `${c.hires + c.rehires} people imported (${c.leavers} leavers, ${c.rejected} rejected rows, ${c.failed} failed)`;
    case 'held':
      return `held (${outcome.holdReasons.join('; ')}); confirm with npm run hris:import -- --confirm ${outcome.runId}`;
    case 'refused':
      return `file refused: ${outcome.fileErrors.join('; ')}`;
    case 'discarded':
      return `discarded run ${outcome.runId}`;
    default: {
      const unexpected: never = outcome.status;
      throw new Error(`unknown outcome ${String(unexpected)}`);
    }
  }
}

function kinds(summary: Readonly<Record<string, number>>): string {
  return Object.entries(summary)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`)
    .join(', ');
}
