import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A private OpenLDAP server for one test file: started from a generated config, stopped and removed by `stop()`. */
export interface RunningSlapd {
  /** e.g. `ldap://127.0.0.1:38123` */
  readonly url: string;
  readonly suffix: string;
  readonly rootDn: string;
  readonly rootPassword: string;
  /** `ou=people,<suffix>`, created empty. */
  readonly usersBase: string;
  /** `ou=groups,<suffix>`, created empty. */
  readonly groupsBase: string;
  /** What `slapd -VV` printed, e.g. `OpenLDAP: slapd 2.5.13+dfsg-5`. */
  readonly version: string;
  stop(): Promise<void>;
}

export interface SlapdOptions {
  /** Default `dc=tenure,dc=test`. */
  readonly suffix?: string;
  /** Loads the ppolicy overlay (account locking with `pwdAccountLockedTime`). */
  readonly ppolicy?: boolean;
  /** Listen on this port instead of a free one (e.g. to restart a server where a client expects it). */
  readonly port?: number;
  /** How long to wait for the server to answer; default 15 s. */
  readonly startTimeoutMs?: number;
}

const SCHEMAS = ['core', 'cosine', 'inetorgperson', 'nis'];
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';
const ROOT_PASSWORD = 'tenure-test-root';

const NOT_INSTALLED =
  "OpenLDAP's slapd is not installed (looked in /usr/sbin and PATH). The LDAP tests run against a real OpenLDAP: " +
  'install it with `sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slapd ldap-utils` ' +
  '(Debian/Ubuntu; `.ci/run` does this when it runs as root), then run the tests again.';

/** The slapd binary, or an error that says how to install it (tests fail, never skip, without it). */
export function findSlapd(candidates: readonly string[] = slapdCandidates()): string {
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next place
    }
  }
  throw new Error(NOT_INSTALLED);
}

function slapdCandidates(): string[] {
  return ['/usr/sbin/slapd', ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'slapd'))];
}

/** `slapd -VV` prints the version and exits (a single `-V` would go on to start the packaged daemon). */
export function slapdVersion(slapd = findSlapd()): string {
  const result = spawnSync(slapd, ['-VV'], { encoding: 'utf8', timeout: 10_000 });
  const line = `${result.stdout}\n${result.stderr}`.split('\n').find((text) => text.includes('slapd'));
  const match = line?.match(/OpenLDAP: slapd [^\s$]+/);
  return match ? match[0] : (line ?? 'unknown').trim();
}

/**
 * Starts slapd from a generated slapd.conf in a temporary directory: mdb backend, the core, cosine,
 * inetorgperson and nis schemas, `cn=admin,<suffix>` as root DN, `ou=people` and `ou=groups` under
 * the suffix, listening on 127.0.0.1 at a free port. Runs in the foreground as the current user
 * (root in CI is fine: no `-u`/`-g` needed) so that stopping it is killing one child process.
 */
export async function startSlapd(options: SlapdOptions = {}): Promise<RunningSlapd> {
  const slapd = findSlapd();
  const version = slapdVersion(slapd);
  const suffix = options.suffix ?? 'dc=tenure,dc=test';
  const rootDn = `cn=admin,${suffix}`;
  const dir = mkdtempSync(join(tmpdir(), 'tenure-slapd-'));
  let child: ChildProcess | undefined;
  try {
    mkdirSync(join(dir, 'data'));
    const configFile = join(dir, 'slapd.conf');
    writeFileSync(configFile, slapdConf({ dir, suffix, rootDn, ppolicy: options.ppolicy ?? false }));
    loadInitialEntries(slapd, configFile, dir, suffix, options.ppolicy ?? false);

    const port = options.port ?? (await freePort());
    const url = `ldap://127.0.0.1:${port}`;
    const output: string[] = [];
    // `-d 0`: stay in the foreground without debug output; errors still reach stderr.
    child = spawn(slapd, ['-f', configFile, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await waitUntilListening(child, port, options.startTimeoutMs ?? 15_000, () => output.join(''));

    const running = child;
    const killOnExit = () => running.kill('SIGKILL');
    process.once('exit', killOnExit);
    return {
      url,
      suffix,
      rootDn,
      rootPassword: ROOT_PASSWORD,
      usersBase: `ou=people,${suffix}`,
      groupsBase: `ou=groups,${suffix}`,
      version,
      stop: async () => {
        process.removeListener('exit', killOnExit);
        await stopProcess(running);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function slapdConf(config: { dir: string; suffix: string; rootDn: string; ppolicy: boolean }): string {
  const { dir, suffix, rootDn, ppolicy } = config;
  return [
    ...SCHEMAS.map((schema) => `include ${SCHEMA_DIR}/${schema}.schema`),
    `modulepath ${MODULE_DIR}`,
    'moduleload back_mdb',
    ...(ppolicy ? ['moduleload ppolicy'] : []),
    `pidfile ${join(dir, 'slapd.pid')}`,
    `argsfile ${join(dir, 'slapd.args')}`,
    'database mdb',
    'maxsize 268435456',
    `suffix "${suffix}"`,
    `rootdn "${rootDn}"`,
    `rootpw ${ROOT_PASSWORD}`,
    `directory ${join(dir, 'data')}`,
    'index objectClass eq',
    'index uid,cn,member eq',
    ...(ppolicy ? ['overlay ppolicy', `ppolicy_default "cn=default,ou=policies,${suffix}"`] : []),
    // Users may sign in (simple bind) and change their own password; nobody reads a password hash.
    'access to attrs=userPassword by self write by anonymous auth by * none',
    'access to * by * read',
    '',
  ].join('\n');
}

function loadInitialEntries(slapd: string, configFile: string, dir: string, suffix: string, ppolicy: boolean): void {
  const firstRdnValue = suffix.split(',')[0]?.split('=')[1] ?? 'tenure';
  const entries = [
    `dn: ${suffix}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Tenure test\ndc: ${firstRdnValue}`,
    `dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${suffix}\nobjectClass: organizationalUnit\nou: groups`,
    ...(ppolicy
      ? [
          `dn: ou=policies,${suffix}\nobjectClass: organizationalUnit\nou: policies`,
          `dn: cn=default,ou=policies,${suffix}\nobjectClass: device\nobjectClass: pwdPolicy\ncn: default\npwdAttribute: userPassword\npwdLockout: TRUE`,
        ]
      : []),
  ];
  const ldifFile = join(dir, 'initial.ldif');
  writeFileSync(ldifFile, entries.join('\n\n') + '\n');
  // slapadd is slapd itself under another name (Debian links it), so only slapd needs to be installed.
  const result = spawnSync(slapd, ['-T', 'add', '-f', configFile, '-l', ldifFile], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) {
    throw new Error(`slapadd of the initial entries failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(child: ChildProcess, port: number, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`slapd ${exited} before it answered: ${output().trim()}`);
    if (await answers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`slapd did not answer on 127.0.0.1:${port} within ${timeoutMs} ms: ${output().trim()}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}
