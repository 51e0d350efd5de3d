import { runPolicyLoad } from './policy-load-main';

// `npm run policy:load -- <file.json> [--publish]`; see policy-load-args.ts for every option.
runPolicyLoad(process.argv.slice(2), process.env, {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
