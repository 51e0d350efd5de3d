import { createInterface } from 'node:readline/promises';
import type { Terminal } from './reporter';

/** The process's own streams; questions go to stderr so stdout stays the command's output. */
export function processTerminal(): Terminal {
  return {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    interactive: process.stdin.isTTY === true,
    async confirm(question) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await prompt.question(`${question} [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        prompt.close();
      }
    },
  };
}
