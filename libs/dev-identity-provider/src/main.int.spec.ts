import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@tenure/platform';
import { removeScratch, scratchDirectory } from './testing/scratch-directory';

const REGISTER_TYPESCRIPT = path.resolve(__dirname, '../../platform/src/testing/register-typescript.js');
const MAIN = path.join(__dirname, 'main.ts');

interface Finished {
  readonly code: number | null;
  readonly output: string;
}

/** Runs main.ts as its own process; `whenOutput` is called with everything printed so far until it returns true. */
function runMain(env: Record<string, string>, whenOutput?: (output: string, stop: () => void) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER_TYPESCRIPT, MAIN], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      whenOutput?.(output, () => child.kill('SIGTERM'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('development identity provider process', () => {
  test('given NODE_ENV=production, when the process starts, then it refuses with a clear message and exits 1', async () => {
    const { code, output } = await runMain({ NODE_ENV: 'production' });

    expect(code).toBe(1);
    expect(output).toContain(
      'dev-identity-provider refuses to start: the development identity provider does not run with NODE_ENV=production',
    );
  });

  test('given development settings, when the process starts and gets SIGTERM, then it logs where it listens and stops cleanly', async () => {
    const directory = await scratchDirectory();
    const port = await freePort();
    let discovered: unknown;
    try {
      const { code, output } = await runMain({ IDP_PORT: String(port), TENURE_DATA_DIR: directory }, (printed, stop) => {
        if (discovered === undefined && printed.includes(`"msg":"development identity provider listening on http://localhost:${port}"`)) {
          discovered = null;
          void fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`)
            .then((response) => response.json())
            .then((json) => (discovered = json))
            .finally(stop);
        }
      });

      expect(discovered).toMatchObject({ issuer: `http://localhost:${port}` });
      expect(output).toContain('"msg":"shutting down"');
      expect(code).toBe(0);
    } finally {
      await removeScratch(directory);
    }
  });
});
