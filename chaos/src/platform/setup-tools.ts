import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/**
 * Runs one of the services' own command-line tools from its build output (`hris:import`,
 * `policy:load`, `connector:load`), as the launcher seeds the demo: the run's people, policy and
 * applications enter the platform the way an administrator's would. Fails with the tool's output.
 */
export function runTool(relativeScript: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<string> {
  const script = join(REPOSITORY_ROOT, relativeScript);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${relativeScript} ${args.join(' ')} failed (${error.message}):\n${stdout}\n${stderr}`));
        else resolve(stdout.trim());
      },
    );
  });
}
