import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { confirmDeviceSignIn, DEV_IDENTITY_PROVIDER_DEFAULTS } from '@tenure/dev-identity-provider/testing';

/** The built command line, run as people and scripts run it. */
export const CLI_SCRIPT = join(__dirname, '..', '..', 'dist', 'main.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const RUN_TIMEOUT_MS = 60_000;

export interface RunOptions {
  /** Called with all of stderr so far, each time more arrives. */
  readonly onStderr?: (stderr: string) => void;
  /** Kills the command. */
  readonly signal?: AbortSignal;
}

/** Runs `node cli/dist/main.js <args>` with exactly `env` (and PATH), stdin not a terminal. */
export function runTenure(args: readonly string[], env: Readonly<Record<string, string>>, options: RunOptions = {}): Promise<Run> {
  const { onStderr, signal } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_SCRIPT, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal, killSignal: 'SIGKILL' as const } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(stderr);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tenure ${args.join(' ')} did not finish in ${RUN_TIMEOUT_MS} ms; stderr:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    // An abort is reported by the caller, which knows why; the exit (code null) is enough here.
    child.once('error', (error) => {
      if (!signal?.aborted) reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The parsed JSON document of a `--json` run. */
export function jsonOf<Body>(run: Run): Body {
  try {
    return JSON.parse(run.stdout) as Body;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/**
 * `tenure login` as a person does it: the command prints where to go and the code; the person opens the provider's
 * verification page in a browser, enters the code, confirms, signs in with the demo password; the command finishes.
 */
export async function loginAs(
  employeeNumber: string,
  env: Readonly<Record<string, string>>,
  extraArgs: readonly string[] = [],
): Promise<Run> {
  let confirming: Promise<void> | undefined;
  const abort = new AbortController();
  const run = runTenure(['login', ...extraArgs], env, {
    signal: abort.signal,
    onStderr: (stderr) => {
      const shown = /open (\S+) and enter the code: (\S+)/.exec(stderr);
      if (shown && !confirming) {
        confirming = confirmDeviceSignIn({
          verificationUri: shown[1]!,
          userCode: shown[2]!,
          username: employeeNumber,
          password: DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
        });
        // Otherwise the command would poll until the code expires.
        confirming.catch(() => abort.abort());
      }
    },
  });
  const finished = await run;
  if (!confirming) throw new Error(`tenure login showed no code (exit ${finished.code}):\n${finished.stderr}`);
  await confirming;
  return finished;
}
