import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI, DEV_IDENTITY_PROVIDER_DEFAULTS, signInWithPassword } from '@tenure/dev-identity-provider/testing';
import { freePort, LaunchedPlatform, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';
import { CredentialStore } from '../src/auth/credential-store';
import { ExitCode } from '../src/exit-codes';
import { runCli } from '../src/program';
import { RecordingTerminal } from '../src/testing/recording-terminal';
import { jsonOf, loginAs, runTenure } from './support/tenure-cli';

// The command line against the whole platform as `npm start` runs it (gateway, four services, the development
// OpenID provider, demo company, policy and applications), each person signing in with the device flow in a
// browser (HTTP, no JavaScript). Demo company: 10010 Oliver Grant, Software Engineer, reports to 10007 Priya Raman.
// The default access policy needs the manager's approval; github/org-admin is not requestable.
jest.setTimeout(600_000);

const OLIVER = '10010';
const PRIYA = '10007';

interface AccessRequestJson {
  readonly id: string;
  readonly status: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly steps: readonly { readonly index: number; readonly approvers: readonly string[]; readonly status: string }[];
  readonly denial: { readonly comment: string } | null;
}

interface AssignmentJson {
  readonly entitlement: string;
  readonly status: string;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly acknowledgedAt: string | null;
  readonly validUntil: string | null;
}

interface ErrorJson {
  readonly error: { readonly code: number; readonly kind: string; readonly message: string; readonly details: readonly string[] };
}

function eventually<Value>(what: string, probe: () => Promise<Value | undefined>): Promise<Value> {
  return waitFor(what, probe, 60_000, 500);
}

describe('tenure command line against the running platform', () => {
  let platform: LaunchedPlatform;
  let scratch: string;
  const home = (name: string) => join(scratch, name);

  /** The environment of a person at their terminal: the platform's addresses and their own config directory. */
  const envOf = (name: string, extra: Record<string, string> = {}) => ({
    HOME: home(name),
    TENURE_CONFIG_DIR: join(home(name), 'tenure'),
    TENURE_API_URL: platform.origin,
    TENURE_ISSUER: platform.issuer,
    ...extra,
  });
  const tenure = (name: string, ...args: string[]) => runTenure(args, envOf(name));

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'tenure-cli-e2e-'));
    platform = await LaunchedPlatform.start();
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('given the repository installed, when `tenure` runs from node_modules/.bin, then it is this command line', () => {
    const bin = join(__dirname, '..', '..', 'node_modules', '.bin', 'tenure');
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0.1.0');
  });

  test('given nobody signed in, when `tenure access` runs, then it exits 3 (not signed in) and says to run tenure login', async () => {
    const run = await tenure('nobody', 'access', '--json');

    expect(run.code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(jsonOf<ErrorJson>(run).error).toMatchObject({ code: 3, kind: 'not_signed_in' });
    expect(run.stderr).toContain('run `tenure login`');
  });

  test('given Oliver at his terminal, when he signs in with the device flow, then his credentials are stored privately and never printed', async () => {
    const login = await loginAs(OLIVER, envOf('oliver'));

    expect(login.code).toBe(ExitCode.OK);
    expect(login.stderr).toContain(`open ${platform.issuer}/device and enter the code: `);
    expect(login.stdout).toContain('Signed in as Oliver Grant (10010)');
    const directory = join(home('oliver'), 'tenure');
    const file = join(directory, 'credentials.json');
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string; refreshToken?: string; employeeNumber: string };
    expect(stored.employeeNumber).toBe(OLIVER);
    expect(stored.refreshToken).toEqual(expect.any(String));
    expect(login.stdout + login.stderr).not.toContain(stored.accessToken);
    expect(login.stdout + login.stderr).not.toContain(stored.refreshToken!);
  });

  test('given Oliver signed in, when `tenure whoami` runs without any address set, then the stored sign-in finds the gateway and names him', async () => {
    const run = await runTenure(['whoami', '--json'], { HOME: home('oliver'), TENURE_CONFIG_DIR: join(home('oliver'), 'tenure') });

    expect(run.code).toBe(ExitCode.OK);
    expect(jsonOf(run)).toMatchObject({ kind: 'person', employeeNumber: OLIVER, name: 'Oliver Grant', manager: { employeeNumber: PRIYA } });
  });

  test('given the catalog, when Oliver searches it, then the entitlements come back as application/key, in text and JSON', async () => {
    const text = await tenure('oliver', 'catalog', 'search', 'code');
    const json = await tenure('oliver', 'catalog', 'search', 'code', '--json');

    expect(text.code).toBe(ExitCode.OK);
    expect(text.stdout).toMatch(/github\/approve-code-change\s+Code reviewer\s+high\s+yes\s+10002/);
    const entitlements = jsonOf<{ entitlements: { entitlement: string; requestable: boolean }[] }>(json).entitlements;
    expect(entitlements).toContainEqual(expect.objectContaining({ entitlement: 'github/approve-code-change', requestable: true }));
  });

  test('given an entitlement the catalog does not have, when Oliver requests it, then it exits 5 naming what the application has', async () => {
    const run = await tenure('oliver', 'request', 'github/superuser', '--for', '1h', '--reason', 'try');

    expect(run.code).toBe(ExitCode.NOT_FOUND);
    expect(run.stderr).toContain('Unknown entitlement github/superuser: "github" has no entitlement "superuser" (it has: ');
    expect(run.stderr).toContain('approve-code-change');
  });

  test('given an entitlement the policy does not let anyone request, when Oliver asks, then the decision is shown, nothing is requested, and it exits 4', async () => {
    const text = await tenure('oliver', 'request', 'github/org-admin', '--for', '1h', '--reason', 'rotate the billing owner');
    const json = await tenure('oliver', 'request', 'github/org-admin', '--for', '1h', '--reason', 'rotate the billing owner', '--json');
    const requests = await tenure('oliver', 'requests', '--json');

    expect(text.code).toBe(ExitCode.REFUSED);
    expect(text.stdout).toContain('Policy decision for github/org-admin for 1h: REFUSED');
    expect(text.stderr).toContain('tenure: The policy refuses github/org-admin for you');
    expect(json.code).toBe(ExitCode.REFUSED);
    const refusal = jsonOf<ErrorJson & { decision: { allowed: boolean; reasons: string[] } }>(json);
    expect(refusal.error).toMatchObject({ code: 4, kind: 'refused' });
    expect(refusal.decision.allowed).toBe(false);
    expect(refusal.error.details).toEqual(refusal.decision.reasons);
    expect(refusal.decision.reasons.length).toBeGreaterThan(0);
    expect(jsonOf<{ requests: AccessRequestJson[] }>(requests).requests.filter((r) => r.entitlementKey === 'org-admin')).toEqual([]);
  });

  test('given --dry-run, when Oliver asks for the code reviewer team, then he sees the decision with his manager as approver and nothing is requested', async () => {
    const run = await tenure(
      'oliver',
      'request',
      'github/approve-code-change',
      '--for',
      '4h',
      '--reason',
      'review the release',
      '--dry-run',
      '--json',
    );

    expect(run.code).toBe(ExitCode.OK);
    const body = jsonOf<{
      decision: { allowed: boolean; approvalChain: { step: { kind: string } }[]; sodConflicts: unknown[] };
      request: null;
    }>(run);
    expect(body.decision).toMatchObject({ allowed: true, approvalChain: [{ step: { kind: 'MANAGER' } }], sodConflicts: [] });
    expect(body.request).toBeNull();
  });

  describe('notification preferences from the terminal', () => {
    const PREFERENCES_OF = `query PreferencesOf($employeeNumber: ID!) {
      notificationPreferencesOf(employeeNumber: $employeeNumber) { kind channel enabled channelConfigured }
    }`;

    interface PreferenceJson {
      readonly kind: string;
      readonly channel: string;
      readonly enabled: boolean;
      readonly channelConfigured: boolean;
    }

    test('given Oliver signed in, when he turns request-decided off for email, then the list shows it off in text and JSON, and GraphQL for him agrees', async () => {
      const set = await tenure('oliver', 'notifications', 'set', 'request-decided', 'email', 'off');
      const again = await tenure('oliver', 'notifications', 'set', 'REQUEST_DECIDED', 'Email', 'off');
      const text = await tenure('oliver', 'notifications');
      const json = await tenure('oliver', 'notifications', '--json');

      // This platform runs without SMTP_URL and SLACK_BOT_TOKEN: the choice is kept, and the command says nothing is sent.
      expect(set.code).toBe(ExitCode.OK);
      expect(set.stdout).toBe(
        'Email notifications of request-decided are now off.\n' +
          'Note: Email is not set up on this platform, so nothing is sent there; your choice applies once it is.\n',
      );
      expect(again.code).toBe(ExitCode.OK);
      expect(again.stdout).toContain('Email notifications of request-decided were already off; nothing changed.');
      expect(text.code).toBe(ExitCode.OK);
      expect(text.stdout.split('\n')[0]).toMatch(/^KIND\s+EMAIL\*\s+SLACK\*$/);
      expect(text.stdout).toMatch(/\nrequest-decided\s+off\s+on\n/);
      expect(text.stdout).toMatch(/\napproval-waiting\s+on\s+on\n/);
      const listed = jsonOf<{ employeeNumber: string; preferences: PreferenceJson[] }>(json);
      expect(listed.employeeNumber).toBe(OLIVER);
      expect(listed.preferences).toHaveLength(14);
      expect(listed.preferences.filter((preference) => !preference.enabled)).toEqual([
        { kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false, channelConfigured: false },
      ]);
      const { notificationPreferencesOf } = await platform.data<{ notificationPreferencesOf: PreferenceJson[] }>(
        PREFERENCES_OF,
        { employeeNumber: OLIVER },
        PLATFORM_ADMIN_TOKEN,
      );
      expect(notificationPreferencesOf).toEqual(listed.preferences);
    });

    test('given Oliver, when he turns a kind off for Slack with --json and back on, then each answer says what changed', async () => {
      const off = await tenure('oliver', 'notifications', 'set', 'approval_waiting', 'slack', 'off', '--json');
      const on = await tenure('oliver', 'notifications', 'set', 'approval-waiting', 'slack', 'ON', '--json');

      expect(off.code).toBe(ExitCode.OK);
      expect(jsonOf<{ preference: PreferenceJson; changed: boolean }>(off)).toMatchObject({
        employeeNumber: OLIVER,
        preference: { kind: 'APPROVAL_WAITING', channel: 'SLACK', enabled: false, channelConfigured: false },
        changed: true,
      });
      expect(on.code).toBe(ExitCode.OK);
      const body = jsonOf<{ preference: PreferenceJson; changed: boolean; preferences: PreferenceJson[] }>(on);
      expect(body).toMatchObject({ preference: { kind: 'APPROVAL_WAITING', channel: 'SLACK', enabled: true }, changed: true });
      expect(body.preferences.filter((preference) => !preference.enabled).map((p) => `${p.kind}.${p.channel}`)).toEqual([
        'REQUEST_DECIDED.EMAIL',
      ]);
    });

    test('given an unknown kind, or the administrator API token, when setting a preference, then it exits 2 and nothing changes', async () => {
      const unknown = await tenure('oliver', 'notifications', 'set', 'birthday', 'email', 'off');
      const admin = await runTenure(
        ['notifications', 'set', 'request-decided', 'slack', 'off'],
        envOf('admin-notifications', { TENURE_TOKEN: PLATFORM_ADMIN_TOKEN }),
      );

      expect(unknown.code).toBe(ExitCode.USAGE);
      expect(unknown.stderr).toContain('Unknown notification kind "birthday"; the kinds are: approval-waiting, ');
      expect(admin.code).toBe(ExitCode.USAGE);
      expect(admin.stderr).toContain('TENURE_TOKEN holds an administrator API token, which names no person');
      const listed = jsonOf<{ preferences: PreferenceJson[] }>(await tenure('oliver', 'notifications', '--json'));
      expect(listed.preferences.filter((preference) => !preference.enabled)).toHaveLength(1);
    });
  });

  describe('just-in-time access from the terminal', () => {
    let requestId: string;

    test('given Oliver, when he requests the code reviewer team for 4h, then the policy decision is shown first and the request waits for Priya', async () => {
      const run = await tenure('oliver', 'request', 'github/approve-code-change', '--for', '4h', '--reason', 'review the release branch');

      expect(run.code).toBe(ExitCode.OK);
      const decisionAt = run.stdout.indexOf('Policy decision for github/approve-code-change for 4h: allowed');
      const requestAt = run.stdout.search(/Request \S+: github\/approve-code-change for 10010/);
      expect(decisionAt).toBeGreaterThanOrEqual(0);
      expect(requestAt).toBeGreaterThan(decisionAt);
      expect(run.stdout).toContain('status:    pending');
      expect(run.stdout).toMatch(new RegExp(`step 1: .*open, waiting for ${PRIYA}`));
      requestId = /Request (\S+): /.exec(run.stdout)![1]!;

      const mine = jsonOf<{ requests: AccessRequestJson[] }>(await tenure('oliver', 'requests', '--json')).requests;
      expect(mine.find((request) => request.id === requestId)).toMatchObject({ status: 'PENDING', steps: [{ approvers: [PRIYA] }] });
    });

    test('given the request, when Priya signs in and lists her approvals, then it waits for her, and she approves it', async () => {
      expect((await loginAs(PRIYA, envOf('priya'))).code).toBe(ExitCode.OK);

      const waiting = await eventually('the request in Priya’s approvals', async () => {
        const run = await tenure('priya', 'approvals', '--json');
        const found = jsonOf<{ requests: AccessRequestJson[] }>(run).requests.find((request) => request.id === requestId);
        return found ? run : undefined;
      });
      expect(waiting.code).toBe(ExitCode.OK);
      const text = await tenure('priya', 'approvals');
      expect(text.stdout).toMatch(new RegExp(`${requestId}\\s+${OLIVER}\\s+github/approve-code-change\\s+4h`));

      const approved = await tenure('priya', 'approve', requestId, '--comment', 'for the release', '--json');

      expect(approved.code).toBe(ExitCode.OK);
      expect(jsonOf<{ request: AccessRequestJson }>(approved).request.status).toMatch(/APPROVED|GRANTED/);
    });

    test('given the approval, when Oliver lists his access, then the grant is there with its 4h expiry', async () => {
      const granted = await eventually('the code reviewer grant to be active', async () => {
        const run = await tenure('oliver', 'access', '--json');
        const assignment = jsonOf<{ assignments: AssignmentJson[] }>(run).assignments.find(
          (candidate) => candidate.entitlement === 'github/approve-code-change' && candidate.status === 'ACTIVE',
        );
        return assignment?.validUntil ? assignment : undefined;
      });

      expect(granted.source).toEqual({ kind: 'REQUEST', reference: requestId });
      expect(Date.parse(granted.validUntil!) - Date.parse(granted.acknowledgedAt!)).toBe(4 * 3_600_000);
      const text = await tenure('oliver', 'access');
      expect(text.stdout).toMatch(/github\/approve-code-change\s+active\s+request\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC \(in (3h 59m|4h)\)/);
    });

    test('given another request, when Priya denies it, then a comment is required and Oliver sees the denial', async () => {
      const made = await tenure('oliver', 'request', 'slack/workspace-admin', '--for', '2h', '--reason', 'clean up channels', '--json');
      expect(made.code).toBe(ExitCode.OK);
      const id = jsonOf<{ request: AccessRequestJson }>(made).request.id;
      await eventually('the request in Priya’s approvals', async () => {
        const run = await tenure('priya', 'approvals', '--json');
        return jsonOf<{ requests: AccessRequestJson[] }>(run).requests.some((request) => request.id === id) ? true : undefined;
      });

      const withoutComment = await tenure('priya', 'deny', id);
      const denied = await tenure('priya', 'deny', id, '--comment', 'ask the IT team instead', '--json');
      const again = await tenure('priya', 'approve', id, '--json');

      expect(withoutComment.code).toBe(ExitCode.USAGE);
      expect(denied.code).toBe(ExitCode.OK);
      expect(jsonOf<{ request: AccessRequestJson }>(denied).request).toMatchObject({
        status: 'DENIED',
        denial: { comment: 'ask the IT team instead' },
      });
      expect(again.code).toBe(ExitCode.REFUSED);
      const mine = jsonOf<{ requests: AccessRequestJson[] }>(await tenure('oliver', 'requests', '--json')).requests;
      expect(mine.find((request) => request.id === id)?.status).toBe('DENIED');
    });
  });

  test('given Oliver at an interactive terminal, when he declines the confirmation, then nothing is requested and it exits 1', async () => {
    // In this process, so that the terminal can be a person who answers "no"; the platform is the real one.
    const terminal = new RecordingTerminal(true, false);

    const code = await runCli(['request', 'aws-production/viewer', '--for', '1h', '--reason', 'look at the dashboards'], {
      env: envOf('oliver'),
      terminal,
      now: () => new Date(),
      version: '0.1.0',
    });

    expect(code).toBe(ExitCode.FAILURE);
    expect(terminal.questions).toEqual(['Request aws-production/viewer for 1h?']);
    expect(terminal.out).toContain('Policy decision for aws-production/viewer for 1h: allowed');
    expect(terminal.err).toBe('tenure: Not requested: not confirmed\n');
    const mine = jsonOf<{ requests: AccessRequestJson[] }>(await tenure('oliver', 'requests', '--json')).requests;
    expect(mine.filter((request) => request.applicationId === 'aws-production')).toEqual([]);
  });

  test('given Oliver’s access token has expired, when he runs a command, then the refresh token renews it without a new sign-in', async () => {
    const store = new CredentialStore(join(home('oliver'), 'tenure'));
    const before = (await store.read())!;
    await store.write({ ...before, expiresAt: new Date(Date.now() - 60_000).toISOString() });

    const run = await tenure('oliver', 'whoami', '--json');

    expect(run.code).toBe(ExitCode.OK);
    const after = (await store.read())!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now());
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  test('given Priya’s sign-in ended at the provider, when her access token expires, then the next command exits 3 and forgets the credentials', async () => {
    const store = new CredentialStore(join(home('priya'), 'tenure'));
    const stored = (await store.read())!;
    const revoked = await fetch(`${platform.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: stored.refreshToken!, token_type_hint: 'refresh_token', client_id: CLI_CLIENT_ID }).toString(),
    });
    expect(revoked.status).toBe(200);
    await store.write({ ...stored, expiresAt: new Date(Date.now() - 60_000).toISOString() });

    const run = await tenure('priya', 'approvals');

    expect(run.code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(run.stderr).toBe('tenure: Your session expired and could not be renewed: run `tenure login`\n');
    expect(await store.read()).toBeUndefined();
  });

  test('given TENURE_TOKEN with a person’s access token, when a script runs without stored credentials, then it acts as that person', async () => {
    const { accessToken } = await signInWithPassword({
      issuer: platform.issuer,
      clientId: CLI_CLIENT_ID,
      redirectUri: CLI_REDIRECT_URI,
      username: OLIVER,
      password: DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
    });

    const run = await runTenure(['access', '--json'], envOf('script', { TENURE_TOKEN: accessToken }));

    expect(run.code).toBe(ExitCode.OK);
    const body = jsonOf<{ employeeNumber: string; assignments: AssignmentJson[] }>(run);
    expect(body.employeeNumber).toBe(OLIVER);
    expect(body.assignments.map((assignment) => assignment.entitlement)).toContain('github/approve-code-change');
  });

  test('given TENURE_TOKEN with an administrator API token, when scripts run, then it is accepted, and commands about "me" say it names nobody', async () => {
    const env = envOf('admin-script', { TENURE_TOKEN: PLATFORM_ADMIN_TOKEN });

    const whoami = await runTenure(['whoami', '--json'], env);
    const approvals = await runTenure(['approvals', '--json'], env);
    const access = await runTenure(['access'], env);

    expect(whoami.code).toBe(ExitCode.OK);
    expect(jsonOf(whoami)).toMatchObject({ kind: 'api-token', tokenSource: 'TENURE_TOKEN' });
    expect(approvals.code).toBe(ExitCode.OK);
    expect(jsonOf<{ requests: unknown[] }>(approvals).requests).toEqual(expect.any(Array));
    expect(access.code).toBe(ExitCode.USAGE);
    expect(access.stderr).toContain('TENURE_TOKEN holds an administrator API token, which names no person');
  });

  test('given TENURE_TOKEN the gateway does not accept, when a command runs, then it exits 3 naming TENURE_TOKEN', async () => {
    const run = await runTenure(['catalog', 'search', 'code'], envOf('bad-script', { TENURE_TOKEN: 'not-a-valid-token' }));

    expect(run.code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(run.stderr).toContain(`The gateway at ${platform.origin} did not accept your token`);
    expect(run.stderr).toContain('check TENURE_TOKEN');
  });

  test('given a gateway address where nothing listens, when a command runs, then it exits 6 naming the address', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;

    const run = await runTenure(['catalog', 'search', 'code'], envOf('oliver', { TENURE_API_URL: nowhere }));

    expect(run.code).toBe(ExitCode.UNREACHABLE);
    expect(run.stderr).toContain(`Cannot reach the Tenure gateway at ${nowhere}`);
  });

  test('given Oliver signed in, when he signs out, then the credentials are gone and commands exit 3', async () => {
    const logout = await tenure('oliver', 'logout');
    const after = await tenure('oliver', 'access');

    expect(logout.code).toBe(ExitCode.OK);
    expect(logout.stdout).toContain('Signed out');
    expect(() => statSync(join(home('oliver'), 'tenure', 'credentials.json'))).toThrow();
    expect(after.code).toBe(ExitCode.NOT_SIGNED_IN);
  });
});
