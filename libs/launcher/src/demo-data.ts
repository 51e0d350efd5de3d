import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readOrCreateConnectorCredentialsKey } from './connector-credentials-key';
import { readOrCreatePersonalDataKey } from './personal-data-key';

/**
 * The master key of personal data for a seeding CLI: the seeds append and read events as the services
 * do, so they must wrap and open the per-person keys with the same key (docs/personal-data.md).
 */
function personalDataKeyFor(dataDir: string): string {
  return process.env['PERSONAL_DATA_KEY'] || readOrCreatePersonalDataKey(dataDir);
}

/**
 * Loads the demo company through the identity service's own CSV import (`hris:import`), once: the
 * import skips itself when the directory already knows someone, so restarts change nothing. Runs
 * before the services start, so the import is the only writer of the read models it catches up.
 * Returns the line to print; a failure is reported, never fatal.
 */
export async function seedDemoData(root: string, databaseUrl: string, dataDir: string): Promise<string> {
  const cli = path.join(root, 'services', 'identity', 'dist', 'cli', 'hris-import.js');
  const file = path.join(root, 'services', 'identity', 'demo', 'demo-company.csv');
  if (!existsSync(cli)) return `demo data: not loaded (${path.relative(root, cli)} is not built)`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, file, '--if-empty', '--one-line', '--demo'],
      { env: { ...process.env, DATABASE_URL: databaseUrl, PERSONAL_DATA_KEY: personalDataKeyFor(dataDir) }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const said = stdout.trim() || stderr.trim().split('\n').at(-1) || (error ? error.message : 'nothing to report');
        resolve(`demo data: ${error && error.code !== 2 ? `not loaded (${said})` : said}`);
      },
    );
  });
}

/**
 * Loads and publishes the demo policy through the policy service's own CLI (`policy:load`), once:
 * it skips itself when a version is published already. Runs after the demo company, so the
 * identities are in the log before the first version and detective SoD has people to check.
 * Returns the line to print; a failure is reported, never fatal.
 */
export async function seedDemoPolicy(root: string, databaseUrl: string, dataDir: string): Promise<string> {
  const cli = path.join(root, 'services', 'policy', 'dist', 'cli', 'policy-load.js');
  const file = path.join(root, 'services', 'policy', 'demo', 'demo-policy.json');
  if (!existsSync(cli)) return `demo policy: not loaded (${path.relative(root, cli)} is not built)`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, file, '--if-empty', '--publish', '--one-line'],
      { env: { ...process.env, DATABASE_URL: databaseUrl, PERSONAL_DATA_KEY: personalDataKeyFor(dataDir) }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const said = stdout.trim() || stderr.trim().split('\n').at(-1) || (error ? error.message : 'nothing to report');
        resolve(`demo policy: ${error ? `not loaded (${said})` : said}`);
      },
    );
  });
}

/**
 * Registers the demo applications through the connector service's own CLI (`connector:load`), once:
 * it skips itself when an application is registered already. `--demo` first creates the demo ERP
 * database (a real PostgreSQL target) beside Tenure's own, its connector role's password generated
 * into the data directory. Runs after the demo policy and before the services start, so the
 * applications exist before the first assignment reaches the connector service. Credentials are
 * sealed with the key the connector service is given (generated into the data directory once).
 * Returns the line to print; a failure is reported, never fatal.
 */
export async function seedDemoApplications(root: string, databaseUrl: string, dataDir: string): Promise<string> {
  const cli = path.join(root, 'services', 'connector', 'dist', 'cli', 'connector-load.js');
  const file = path.join(root, 'services', 'connector', 'demo', 'demo-applications.json');
  if (!existsSync(cli)) return `demo applications: not loaded (${path.relative(root, cli)} is not built)`;
  const credentialsKey = process.env['CONNECTOR_CREDENTIALS_KEY'] || readOrCreateConnectorCredentialsKey(dataDir);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, file, '--if-empty', '--demo', '--one-line'],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          TENURE_DATA_DIR: dataDir,
          CONNECTOR_CREDENTIALS_KEY: credentialsKey,
          PERSONAL_DATA_KEY: personalDataKeyFor(dataDir),
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        // A run that got as far as loading says so on stdout, problems included; one refused earlier only on stderr.
        const said = stdout.trim() || stderr.trim().split('\n').at(-1)?.trim() || (error ? error.message : 'nothing to report');
        resolve(`demo applications: ${error && !stdout.trim() ? `not loaded (${said})` : said}`);
      },
    );
  });
}
