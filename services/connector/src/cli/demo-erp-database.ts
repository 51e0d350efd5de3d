import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';

/** The demo ERP: a real PostgreSQL database beside Tenure's own, reached through the PostgreSQL connector. */
export const DEMO_ERP = {
  database: 'tenure_demo_erp',
  /** The login role the connector uses: CREATEROLE, and ADMIN OPTION on the entitlement roles (demo-erp.sql). */
  connectorRole: 'tenure_demo_erp_connector',
  /** In the data directory, readable by its owner only, like the embedded cluster's own credentials. */
  passwordFile: 'demo-erp-credentials.json',
} as const;

/** The variables the demo applications file reads: the settings' host and port, and the connector role's password. */
export const DEMO_ERP_VARIABLES = {
  host: 'TENURE_DEMO_ERP_HOST',
  port: 'TENURE_DEMO_ERP_PORT',
  password: 'TENURE_DEMO_ERP_PASSWORD',
} as const;

const SETUP_SQL = path.join(__dirname, '..', '..', 'demo', 'demo-erp.sql');

/**
 * Creates, or repairs, the demo ERP on the server `databaseUrl` names, as that URL's user (the
 * embedded cluster's superuser): the database, the connector's login role with a password generated
 * once into the data directory, and the tables and entitlement roles of demo-erp.sql. Every step
 * may run again. Returns the variables the demo applications file reads (DEMO_ERP_VARIABLES).
 */
export async function prepareDemoErpDatabase(databaseUrl: string, dataDir: string): Promise<Record<string, string>> {
  const password = await readOrCreatePassword(path.join(dataDir, DEMO_ERP.passwordFile));
  await withClient(databaseUrl, async (client) => {
    await createDatabaseUnlessItExists(client);
    await ensureConnectorRole(client, password);
  });
  const setup = await readFile(SETUP_SQL, 'utf8');
  await withClient(onDatabase(databaseUrl, DEMO_ERP.database), (client) => client.query(setup));
  const server = new URL(databaseUrl);
  return {
    [DEMO_ERP_VARIABLES.host]: server.hostname.replace(/^\[(.*)\]$/, '$1'),
    [DEMO_ERP_VARIABLES.port]: server.port || '5432',
    [DEMO_ERP_VARIABLES.password]: password,
  };
}

async function createDatabaseUnlessItExists(client: Client): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_ERP.database]);
  if (rowCount) return;
  try {
    await client.query(`CREATE DATABASE ${escapeIdentifier(DEMO_ERP.database)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile: fine
  }
}

/** The role gets the stored password every time: the file is what the demo application's credential was set from. */
async function ensureConnectorRole(client: Client, password: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [DEMO_ERP.connectorRole]);
  const verb = rowCount ? 'ALTER' : 'CREATE';
  await client.query(`${verb} ROLE ${escapeIdentifier(DEMO_ERP.connectorRole)} LOGIN CREATEROLE PASSWORD ${escapeLiteral(password)}`);
}

/** The password a well-formed file holds; undefined for anything else, which is then replaced. */
const storedPassword = (value: unknown): string | undefined => {
  const password = (value as { password?: unknown } | null)?.password;
  return typeof password === 'string' && password.length >= 16 ? password : undefined;
};

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    const stored = storedPassword(JSON.parse(await readFile(file, 'utf8')));
    if (stored !== undefined) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  const password = randomBytes(24).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ user: DEMO_ERP.connectorRole, password })}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return password;
}

function onDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString, application_name: 'tenure-connector-load' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
