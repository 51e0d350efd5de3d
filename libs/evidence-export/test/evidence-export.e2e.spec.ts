import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI, DEV_IDENTITY_PROVIDER_DEFAULTS, signInWithPassword } from '@tenure/dev-identity-provider/testing';
import { LaunchedPlatform, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';
import { EVIDENCE_KINDS, exportEvidence, verifyExport, type Manifest } from '../src';

// Evidence read through the gateway of a platform started like `npm start`, by the demo auditor
// (10040) signed in at the development provider: a review campaign with a decision, a leaver, and an
// HR file with a bad row are made first, so each export has rows to carry.
jest.setTimeout(300_000);

const BAD_FILE =
  'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date\n' +
  '7001,Ada,Lovelace,ada@example.com,Engineering,Engineer,,London,CC-1,employee,2026-13-01,\n';

describe('evidence exports through the gateway', () => {
  let platform: LaunchedPlatform;
  let directory: string;
  let manifest: Manifest;

  const signIn = async (employeeNumber: string) =>
    (
      await signInWithPassword({
        issuer: platform.issuer,
        clientId: CLI_CLIENT_ID,
        redirectUri: CLI_REDIRECT_URI,
        username: employeeNumber,
        password: DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
      })
    ).accessToken;

  beforeAll(async () => {
    platform = await LaunchedPlatform.start();
    directory = mkdtempSync(path.join(tmpdir(), 'tenure-evidence-e2e-'));
    await platform.data(
      'mutation($csv: String!) { importHrFile(fileName: "bad.csv", csv: $csv) { id } }',
      { csv: BAD_FILE },
      PLATFORM_ADMIN_TOKEN,
    );
    const campaign = await platform.data<{ startReviewCampaign: { items: { id: string; reviewer: { employeeNumber: string | null } }[] } }>(
      'mutation { startReviewCampaign(input: { name: "Evidence", scopeKind: APPLICATION, applicationId: "github", reviewer: MANAGER }) { items(first: 100) { id reviewer { employeeNumber } } } }',
      {},
      PLATFORM_ADMIN_TOKEN,
    );
    const item = campaign.startReviewCampaign.items.find((candidate) => candidate.reviewer.employeeNumber === '10007')!;
    await platform.data(
      'mutation($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { id } }',
      { input: { itemId: item.id, decision: 'KEEP', comment: 'still needed' } },
      await signIn('10007'),
    );
    const oliver = await signIn('10010');
    const requested = await platform.data<{ requestAccess: { id: string } }>(
      'mutation { requestAccess(input: { applicationId: "aws-production", entitlementKey: "viewer", justification: "INC-7 evidence", durationHours: 1 }) { id } }',
      {},
      oliver,
    );
    for (const approver of ['10007', '10002']) {
      await platform.data(
        'mutation($id: ID!) { approveRequest(id: $id, comment: "ok for INC-7") { id } }',
        { id: requested.requestAccess.id },
        await signIn(approver),
      );
    }
    const found = await platform.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "10036"')}`);
    await platform.scim('DELETE', `/Users/${(found.body['Resources'] as { id: string }[])[0]!.id}`);
    await waitFor(
      'the leaver run of 10036',
      async () => {
        const runs = await platform.data<{ jmlRuns: { status: string }[] }>(
          '{ jmlRuns(first: 10, kind: LEAVER) { status } }',
          {},
          PLATFORM_ADMIN_TOKEN,
        );
        return runs.jmlRuns.some((run) => run.status === 'COMPLETED') ? true : undefined;
      },
      120_000,
      250,
    );
    manifest = await exportEvidence({
      graphqlUrl: `${platform.origin}/graphql`,
      token: await signIn('10040'),
      kinds: EVIDENCE_KINDS,
      directory,
      now: new Date(),
    });
  });

  afterAll(async () => {
    await platform?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('given the auditor, when every kind is exported, then each has a CSV and a JSON file with the same rows, listed in the manifest', () => {
    expect(manifest.files.map((file) => file.name).sort()).toEqual(
      EVIDENCE_KINDS.flatMap((kind) => [`${kind.name}.csv`, `${kind.name}.json`]).sort(),
    );
    for (const kind of EVIDENCE_KINDS) {
      const json = JSON.parse(readFileSync(path.join(directory, `${kind.name}.json`), 'utf8')) as { rows: unknown[] };
      const csvLines = readFileSync(path.join(directory, `${kind.name}.csv`), 'utf8')
        .trim()
        .split('\n');
      expect(csvLines[0]).toBe(kind.columns.join(','));
      expect(manifest.files.find((file) => file.name === `${kind.name}.json`)?.rows).toBe(json.rows.length);
    }
  });

  it('carries the decision, the just-in-time grant, the leaver and the rejected HR record made before', () => {
    const rowsOf = (kind: string) =>
      (JSON.parse(readFileSync(path.join(directory, `${kind}.json`), 'utf8')) as { rows: Record<string, unknown>[] }).rows;

    expect(rowsOf('access-reviews')).toContainEqual(
      expect.objectContaining({ campaign_name: 'Evidence', reviewer: '10007', decision: 'KEEP', comment: 'still needed' }),
    );
    expect(rowsOf('jit-grants')).toContainEqual(
      expect.objectContaining({
        employee_number: '10010',
        application: 'aws-production',
        entitlement: 'viewer',
        kind: 'request',
        requested_by: '10010',
        justification: 'INC-7 evidence',
        approvals: expect.stringMatching(/step 1: 10007 at .* “ok for INC-7”; step 2: 10002 at /),
      }),
    );
    expect(rowsOf('leavers')).toContainEqual(expect.objectContaining({ employee_number: '10036', status: 'COMPLETED' }));
    expect(rowsOf('hr-import-errors')).toContainEqual(
      expect.objectContaining({ file_name: 'bad.csv', line: 2, employee_number: '7001', errors: expect.stringContaining('2026-13-01') }),
    );
  });

  it('gives the leaver’s time to revoke in each application, the slowest being the whole run’s', () => {
    const rowsOf = (kind: string) =>
      (JSON.parse(readFileSync(path.join(directory, `${kind}.json`), 'utf8')) as { rows: Record<string, string | number | null>[] }).rows;
    const run = rowsOf('leavers').find((row) => row['employee_number'] === '10036')!;
    const perApplication = rowsOf('leavers-by-application').filter((row) => row['run_id'] === run['run_id']);

    expect(perApplication.length).toBeGreaterThan(0);
    expect(new Set(perApplication.map((row) => row['application'])).size).toBe(perApplication.length);
    for (const row of perApplication) {
      expect(row).toMatchObject({
        employee_number: '10036',
        terminated_at: run['terminated_at'],
        revocations_pending: 0,
        status: 'COMPLETED',
      });
      expect(row['time_to_revoke_ms']).toBe(Date.parse(String(row['revoked_at'])) - Date.parse(String(run['terminated_at'])));
    }
    // Every revocation and account disable of the run is in exactly one application's row.
    const revocations = perApplication.reduce((sum, row) => sum + Number(row['revocations_expected']), 0);
    const disables = perApplication.filter((row) => row['account_disable'] === 'SUCCEEDED').length;
    expect(revocations + disables).toBe(run['revocations_expected']);
    expect(revocations).toBeGreaterThan(0);
    expect(Math.max(...perApplication.map((row) => Number(row['time_to_revoke_ms'])))).toBe(run['time_to_revoke_ms']);
  });

  it('given the export as written, when verified, then it is intact; after a file is changed, verification names it', () => {
    expect(verifyExport(directory)).toEqual([]);

    writeFileSync(path.join(directory, 'leavers.csv'), 'nothing to see\n');

    expect(verifyExport(directory)).toEqual([expect.objectContaining({ file: 'leavers.csv', problem: 'changed' })]);
  });

  it('given an employee who is neither auditor nor administrator, when they export, then it is refused and nothing is written', async () => {
    const elsewhere = path.join(directory, 'employee');

    await expect(
      exportEvidence({
        graphqlUrl: `${platform.origin}/graphql`,
        token: await signIn('10010'),
        kinds: EVIDENCE_KINDS,
        directory: elsewhere,
        now: new Date(),
      }),
    ).rejects.toThrow(/administrators and auditors/);
  });
});
