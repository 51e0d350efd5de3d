import type { Terminal } from '../output/reporter';

/** A terminal that keeps what was written, and answers confirmations as told. */
export class RecordingTerminal implements Terminal {
  out = '';
  err = '';
  readonly questions: string[] = [];

  constructor(
    readonly interactive = false,
    private readonly answer = false,
  ) {}

  writeOut(text: string): void {
    this.out += text;
  }

  writeErr(text: string): void {
    this.err += text;
  }

  async confirm(question: string): Promise<boolean> {
    this.questions.push(question);
    return this.answer;
  }
}
