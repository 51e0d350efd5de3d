import { CliError, ExitCode } from '../exit-codes';
import { errorJson, errorLines } from './format-error';

/** Where the command line writes and reads: the process's streams in main, pipes in tests. */
export interface Terminal {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether a person can answer questions (stdin is a TTY). */
  readonly interactive: boolean;
  /** Asks a yes/no question on stderr and reads the answer from stdin. */
  confirm(question: string): Promise<boolean>;
}

/**
 * What a command shows. With `--json`, stdout carries exactly one JSON document (the result, or `{ error }`) and
 * everything for people goes to stderr or nowhere; without it, people read stdout and errors go to stderr.
 */
export class Reporter {
  constructor(
    private readonly terminal: Terminal,
    readonly json: boolean,
  ) {}

  get interactive(): boolean {
    return this.terminal.interactive;
  }

  /** Lines for people as the command goes (e.g. the policy decision before a request); nothing with --json. */
  show(lines: readonly string[]): void {
    if (!this.json && lines.length > 0) this.terminal.writeOut(`${lines.join('\n')}\n`);
  }

  /** A note for people that is not the command's output (progress, instructions): always stderr. */
  note(line: string): void {
    this.terminal.writeErr(`${line}\n`);
  }

  /** The command's result: its data as JSON with --json, else its lines. */
  result(data: unknown, lines: readonly string[]): void {
    if (this.json) this.terminal.writeOut(`${JSON.stringify(data, null, 2)}\n`);
    else this.show(lines);
  }

  confirm(question: string): Promise<boolean> {
    return this.terminal.confirm(question);
  }

  /** Reports a failure; returns the exit code. Anything that is not a CliError is a bug or an unforeseen failure. */
  failure(error: unknown): ExitCode {
    const failure =
      error instanceof CliError ? error : new CliError(error instanceof Error ? error.message : String(error), ExitCode.FAILURE);
    this.terminal.writeErr(`${errorLines(failure).join('\n')}\n`);
    if (this.json) this.terminal.writeOut(`${JSON.stringify(errorJson(failure, failure.data), null, 2)}\n`);
    return failure.exitCode;
  }
}
