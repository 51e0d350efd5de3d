import type { ExitReport, SupervisedState } from './supervision';

export interface StatusRow {
  readonly name: string;
  readonly port?: number | undefined;
  readonly state: SupervisedState;
}

/** A compact table of every process, printed whenever one changes state. */
export function renderStatusTable(rows: readonly StatusRow[], now: number): string {
  const cells = rows.map((row) => [
    row.name,
    row.state.status,
    'pid' in row.state ? String(row.state.pid) : '-',
    row.port === undefined ? '-' : String(row.port),
    String(row.state.history.restarts),
    describeState(row.state, now),
  ]);
  const header = ['PROCESS', 'STATE', 'PID', 'PORT', 'RESTARTS', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]?.length ?? 0)));
  const line = (cell: readonly string[]): string =>
    `  ${cell
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()}`;
  return [line(header), ...cells.map(line)].join('\n');
}

export function describeState(state: SupervisedState, now: number): string {
  switch (state.status) {
    case 'crashed':
      return `${describeExit(state.lastExit)}; restarting in ${formatSeconds(Math.max(state.restartAt - now, 0))}`;
    case 'failed':
      return `gave up after ${state.history.consecutiveFastCrashes} crashes in a row, each soon after start; last: ${describeExit(state.lastExit)}`;
    case 'unready':
      return 'running but its readiness check fails';
    case 'stopped':
      // Exiting on SIGTERM (or with 0) is what we asked for; anything else is worth a note.
      return state.lastExit && !isOrderlyStop(state.lastExit) ? describeExit(state.lastExit) : '';
    case 'waiting':
    case 'starting':
    case 'ready':
    case 'stopping':
      return '';
    default: {
      const unexpected: never = state;
      return String(unexpected);
    }
  }
}

export function describeExit(exit: ExitReport): string {
  if (exit.error !== undefined) return `could not start: ${exit.error}`;
  if (exit.signal !== null) return `killed by ${exit.signal}`;
  return `exit code ${exit.code}`;
}

function isOrderlyStop(exit: ExitReport): boolean {
  return exit.code === 0 || exit.signal === 'SIGTERM';
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
