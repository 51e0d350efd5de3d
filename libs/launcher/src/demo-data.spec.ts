import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONNECTOR_CREDENTIALS_KEY_FILE } from './connector-credentials-key';
import { seedDemoApplications } from './demo-data';

// A stand-in for the built connector:load: it prints what the launcher handed it, as the real one prints its summary.
const STAND_IN = `
const { DATABASE_URL, TENURE_DATA_DIR, CONNECTOR_CREDENTIALS_KEY } = process.env;
process.stdout.write(JSON.stringify({ args: process.argv.slice(2), DATABASE_URL, TENURE_DATA_DIR, CONNECTOR_CREDENTIALS_KEY }) + '\\n');
`;

describe('seeding the demo applications', () => {
  let root: string;
  let dataDir: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tenure-root-'));
    dataDir = path.join(root, '.tenure');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function buildStandIn(script = STAND_IN): void {
    const folder = path.join(root, 'services', 'connector', 'dist', 'cli');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'connector-load.js'), script);
  }

  it('given connector:load is not built, when seeding, then it says so and nothing else happens', async () => {
    await expect(seedDemoApplications(root, 'postgres://db', dataDir)).resolves.toBe(
      'demo applications: not loaded (services/connector/dist/cli/connector-load.js is not built)',
    );
  });

  it('given connector:load is built, when seeding, then it loads the demo file once, with the credentials key the connector service gets', async () => {
    buildStandIn();

    const line = await seedDemoApplications(root, 'postgres://db', dataDir);

    const handed = JSON.parse(line.replace(/^demo applications: /, '')) as Record<string, unknown>;
    const { key } = JSON.parse(readFileSync(path.join(dataDir, CONNECTOR_CREDENTIALS_KEY_FILE), 'utf8')) as { key: string };
    expect(handed).toEqual({
      args: [path.join(root, 'services', 'connector', 'demo', 'demo-applications.json'), '--if-empty', '--demo', '--one-line'],
      DATABASE_URL: 'postgres://db',
      TENURE_DATA_DIR: dataDir,
      CONNECTOR_CREDENTIALS_KEY: key,
    });
    expect(statSync(path.join(dataDir, CONNECTOR_CREDENTIALS_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('given connector:load refuses before loading, when seeding, then its last word is reported as not loaded', async () => {
    buildStandIn(`process.stderr.write('refused: demo-applications.json cannot be loaded:\\n  the reason\\n'); process.exitCode = 1;`);

    await expect(seedDemoApplications(root, 'postgres://db', dataDir)).resolves.toBe('demo applications: not loaded (the reason)');
  });
});
