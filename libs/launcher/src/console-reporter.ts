import { formatChildLine, renderStatusTable, type StatusRow } from './supervisor';

export interface ConsoleReporterOptions {
  readonly write: (text: string) => void;
  readonly names: readonly string[];
  readonly color: boolean;
  readonly now?: () => number;
}

const LAUNCHER = 'launcher';
const palette = [36, 35, 33, 34, 32, 96, 95] as const;

/**
 * What the launcher prints: every child's output under its name (pino lines made compact), its own
 * messages, and a status table when states change. Changes that come together (four services
 * becoming ready within a moment) are shown as one table.
 */
export class ConsoleReporter {
  private readonly width: number;
  private tableTimer: NodeJS.Timeout | undefined;
  private pendingRows: (() => readonly StatusRow[]) | undefined;

  constructor(private readonly options: ConsoleReporterOptions) {
    this.width = Math.max(LAUNCHER.length, ...options.names.map((name) => name.length));
  }

  output(name: string, line: string): void {
    const prefix = this.prefix(name, palette[this.options.names.indexOf(name) % palette.length] ?? 0);
    for (const part of formatChildLine(line).split('\n')) this.options.write(`${prefix}${part}\n`);
  }

  say(message: string): void {
    const prefix = this.prefix(LAUNCHER, 1);
    for (const part of message.split('\n')) this.options.write(`${prefix}${part}\n`);
  }

  error(message: string): void {
    const prefix = this.prefix(LAUNCHER, 31);
    for (const part of message.split('\n')) this.options.write(`${prefix}${part}\n`);
  }

  /** Shows the table a moment after the last of a burst of changes. */
  scheduleStatusTable(rows: () => readonly StatusRow[]): void {
    if (this.tableTimer) clearTimeout(this.tableTimer);
    this.pendingRows = rows;
    this.tableTimer = setTimeout(() => this.printStatusTable(rows()), 150);
  }

  /** Shows a scheduled table now, e.g. before exiting. */
  flushStatusTable(): void {
    if (this.tableTimer && this.pendingRows) this.printStatusTable(this.pendingRows());
  }

  printStatusTable(rows: readonly StatusRow[]): void {
    if (this.tableTimer) clearTimeout(this.tableTimer);
    this.tableTimer = undefined;
    this.pendingRows = undefined;
    this.options.write(`${renderStatusTable(rows, (this.options.now ?? Date.now)())}\n`);
  }

  private prefix(name: string, colorCode: number): string {
    const label = `${name.padEnd(this.width)} │ `;
    return this.options.color ? `\u001b[${colorCode}m${label}\u001b[0m` : label;
  }
}
