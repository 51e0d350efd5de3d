import { runEvidenceCli } from './cli/evidence-cli';

runEvidenceCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`evidence export failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
