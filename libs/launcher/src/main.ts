import { runLauncher } from './launcher';

runLauncher(process.env).catch((error: unknown) => {
  process.stderr.write(`launcher failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
