import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVIDENCE_KINDS, MANIFEST_FILE, verifyExport } from '@tenure/evidence-export';
import { strFromU8, unzipSync } from 'fflate';
import { DemoErp } from './support/demo-erp';
import { PortalBrowser, SCREENSHOT_DIR, type PortalUser } from './support/portal-browser';
import { PLATFORM_ADMIN_TOKEN } from '@tenure/testing';
import { eventually, PortalPlatform } from './support/portal-platform';

// The portal in a real browser (Debian's Chromium through playwright-core) against the whole platform as
// `npm start` runs it: the demo company, policy and applications, the development OpenID provider, the four
// services, the gateway and the built portal (web/.next), on a fresh database. People sign in on the
// provider's login page; the ERP is a real PostgreSQL database, checked directly at the end.
jest.setTimeout(600_000);

// Demo company (services/identity/demo/demo-company.csv) and policy (services/policy/demo/demo-policy.json):
// 10038 Daniel Cohen, Accountant in Finance, reports to 10037 Claire Moreau (Finance Manager), who reports
// to 10005 Ingrid Solberg (CFO). Both are finance controllers; the policy erp-access asks the manager, then
// one finance controller (never the same person twice). 10042 Ethan Clarke, Procurement Officer, holds
// erp:vendor-create by birthright; 10039 Isabel Ferreira is an Accounts Payable Specialist. 10047 Sara Lund
// is the demo administrator.
const DANIEL = '10038';
const CLAIRE = '10037';
const INGRID = '10005';
const ISABEL = '10039';
const ETHAN = '10042';
const SARA = '10047';
/** 10040 Oskar Nilsson, the demo auditor (libs/dev-identity-provider: tenure-auditors). */
const OSKAR = '10040';
const VENDOR_JUSTIFICATION = 'Onboard the Q3 office suppliers (FIN-311)';
const CLAIRE_COMMENT = 'Vendor onboarding is part of Daniel’s Q3 objectives';
const INGRID_COMMENT = 'Approved for 24 hours';
/** The ERP's account names are the email's local part (services/connector/src/domain/identity/user-name.ts). */
const ERP_LOGIN = { [DANIEL]: 'daniel.cohen', [ETHAN]: 'ethan.clarke' };
const ERP_NAME = 'ERP (demo PostgreSQL database)';
const MANAGED_ERP_ROLES = ['read-only', 'vendor-create', 'payment-approve'];
/** The evidence command line as built by the web test's dependencies (`npm run evidence` runs this file). */
const EVIDENCE_CLI = path.join(__dirname, '../../libs/evidence-export/dist/main.js');

describe('the portal in a browser, on the launched demo platform', () => {
  let platform: PortalPlatform;
  let browser: PortalBrowser;
  let erp: DemoErp;
  /** A whole second after the demo birthright was in the ERP and before test a asked for anything. */
  let birthrightOnlyAt: Date;

  /** Runs a test's steps; when one fails, every open page is saved beside the steps' screenshots. */
  async function scenario(test: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await browser.screenshotOpenPages(test);
      throw error;
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    platform = await PortalPlatform.start();
    erp = await DemoErp.connect();
    browser = await PortalBrowser.launch(platform.portalOrigin, platform.issuer);
    process.stdout.write(`Browser test screenshots: ${SCREENSHOT_DIR}\n`);
    // The demo company's birthright reaches the ERP before anyone signs in.
    await Promise.all([
      platform.activeAssignment(DANIEL, 'erp', 'read-only'),
      platform.activeAssignment(ISABEL, 'erp', 'read-only'),
      platform.activeAssignment(ETHAN, 'erp', 'vendor-create'),
    ]);
    birthrightOnlyAt = wholeSecondAfter(new Date());
    process.stdout.write(`Platform started and the ERP birthright provisioned in ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  afterEach(async () => {
    await browser?.closeContexts();
  });

  afterAll(async () => {
    await browser?.close();
    await erp?.close();
    await platform?.stop();
  });

  it('given Daniel asks for ERP vendor management, when his manager then a finance controller approve in the portal, then he sees it active with its countdown and the ERP database grants the role', () =>
    scenario('a', async () => {
      const justification = VENDOR_JUSTIFICATION;
      expect((await platform.account(DANIEL, 'erp')).userName).toBe(ERP_LOGIN[DANIEL]);
      const before = await erp.role(ERP_LOGIN[DANIEL]);
      expect(before).toMatchObject({ exists: true, canLogin: true, mayInsertVendors: false });
      expect(before.memberOf).toEqual(['read-only']);

      // Daniel finds the entitlement and reads what policy says before asking.
      const daniel = await browser.signIn('a', DANIEL, '/request', { screenshotLogin: true });
      await daniel.page.getByRole('searchbox', { name: 'Search the catalog' }).fill('vendor');
      await daniel.page.getByRole('button', { name: 'Search', exact: true }).click();
      await daniel.page.waitForURL((url) => url.searchParams.get('q') === 'vendor');
      const choose = daniel.page
        .getByRole('list', { name: 'Catalog results' })
        .getByRole('link', { name: `Choose ERP: vendor management in ${ERP_NAME}` });
      await choose.waitFor();
      await daniel.screenshot('catalog-search');
      await choose.click();
      await daniel.page.waitForURL((url) => url.searchParams.get('entitlement') === 'erp:vendor-create');
      const policy = daniel.page.getByRole('region', { name: 'What policy says' });
      await policy.waitFor();
      expect(await policy.getByText('You may request this access.').isVisible()).toBe(true);
      expect(await policy.getByRole('list', { name: 'Approval chain' }).getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringMatching(/^Manager approval needed: /),
        expect.stringMatching(/^Approval by a member of the .+ group needed: /),
      ]);
      await daniel.screenshot('policy-preview');

      await daniel.page.getByLabel('Duration in hours').fill('24');
      await daniel.page.getByLabel('Justification').fill(justification);
      await daniel.page.getByRole('button', { name: 'Submit request' }).click();
      await daniel.page.waitForURL((url) => url.pathname === '/requests' && url.searchParams.get('created') === '1');
      const requestId = new URL(daniel.page.url()).searchParams.get('request')!;
      await daniel.page
        .getByRole('status')
        .filter({ hasText: `Request ${requestId} is made. Its approvers have been asked.` })
        .waitFor();
      await daniel.screenshot('request-made');

      // Claire, his manager, weighs it with its risk context and approves.
      await platform.stepOpenFor(requestId, 0, CLAIRE);
      const claire = await browser.signIn('a', CLAIRE, '/approvals');
      const claimRow = claire.page.getByRole('row').filter({ hasText: 'ERP: vendor management (erp:vendor-create)' });
      const claim = await claimRow.innerText();
      expect(claim).toContain('for Daniel Cohen');
      expect(claim).toContain('Accountant, Finance');
      expect(claim).toContain('Entitlement: high');
      expect(claim).toContain('Policy: high');
      // The peer figure comes with the request for every approver; nobody else in Finance is an Accountant.
      expect(claim).toContain('No peers: nobody else is Accountant, Finance.');
      expect(claim).toMatch(/Step 1 of 2: /);
      expect(await claire.page.getByText(justification).isVisible()).toBe(true);
      expect(await claire.page.getByText('No separation-of-duties conflict with what the person holds.').isVisible()).toBe(true);
      await claire.screenshot('approvals');
      await decide(claire, 'erp:vendor-create', 'approve', CLAIRE_COMMENT);
      await claire.page
        .getByRole('status')
        .filter({ hasText: `You approved request ${requestId}; it now waits for its next approval step.` })
        .waitFor();
      await claire.screenshot('approved');

      // Ingrid, the other finance controller, gives the second approval (Claire approved the first step, so not this one).
      await platform.stepOpenFor(requestId, 1, INGRID);
      const ingrid = await browser.signIn('a', INGRID, '/approvals');
      expect(await ingrid.page.getByRole('row').filter({ hasText: 'ERP: vendor management (erp:vendor-create)' }).innerText()).toMatch(
        /Step 2 of 2: /,
      );
      await ingrid.screenshot('approvals');
      await decide(ingrid, 'erp:vendor-create', 'approve', INGRID_COMMENT);
      await ingrid.page
        .getByRole('status')
        .filter({ hasText: new RegExp(`You approved request ${requestId}; it is now (approved|granted)\\.`) })
        .waitFor();
      await ingrid.screenshot('approved');

      // The connector grants it in the ERP; Daniel sees it active, counting down from the grant.
      const granted = await platform.activeAssignment(DANIEL, 'erp', 'vendor-create');
      expect(granted.source).toEqual({ kind: 'REQUEST', reference: requestId });
      expect(Date.parse(granted.validUntil!) - Date.parse(granted.acknowledgedAt!)).toBe(24 * 3_600_000);
      await daniel.open('/access');
      const accessRow = daniel.page
        .getByRole('table', { name: 'Your access' })
        .getByRole('row')
        .filter({ hasText: ERP_NAME })
        .filter({ hasText: 'vendor-create' });
      const access = await accessRow.innerText();
      expect(access).toContain('Active');
      expect(access).toContain('Your request');
      expect(access).toContain(`Granted in ${ERP_NAME}`);
      const countdown = accessRow.locator(`time[datetime="${granted.validUntil}"]`);
      // Rendered on the server as the end time, then counted down in the browser.
      const left = await eventually('the countdown to run in the browser', async () => {
        const text = await countdown.innerText();
        return /^23 h \d+ min left$/.test(text) ? text : undefined;
      });
      expect(left).toMatch(/left$/);
      await daniel.screenshot('my-access');
      // On a phone the table becomes labelled cards, and nothing scrolls sideways.
      await daniel.page.setViewportSize({ width: 375, height: 800 });
      expect(await daniel.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await daniel.screenshot('my-access-375px');
      await daniel.page.setViewportSize({ width: 1280, height: 900 });

      await platform.requestReaching(requestId, 'granted', (request) => request.status === 'GRANTED' && request.grantedAt !== null);
      await daniel.open(`/requests?request=${encodeURIComponent(requestId)}`);
      const history = await daniel.page.getByRole('list', { name: `History of request ${requestId}` }).innerText();
      expect(history).toContain('approved by Claire Moreau (10037)');
      expect(history).toContain(`“${CLAIRE_COMMENT}”`);
      expect(history).toContain('approved by Ingrid Solberg (10005)');
      expect(history).toContain('Granted for 24 hours');
      await daniel.screenshot('my-requests');

      // The ERP database itself: Daniel's login role is now a member of vendor-create and may add vendors.
      const after = await erp.role(ERP_LOGIN[DANIEL]);
      expect(after).toEqual({ exists: true, canLogin: true, memberOf: ['read-only', 'vendor-create'], mayInsertVendors: true });
    }));

  it('given Daniel was granted ERP vendor management in test a, when the auditor asks who held it after the grant and before test a, then the audit page shows him with both approvals and their comments after, and only his read-only access before', () =>
    scenario('d', async () => {
      const granted = await platform.activeAssignment(DANIEL, 'erp', 'vendor-create');
      const afterGrant = new Date(wholeSecondAfter(new Date(granted.acknowledgedAt!)).getTime() + 1_000);

      const oskar = await browser.signIn('d', OSKAR, '/audit');
      await oskar.page.getByText('Times are in UTC').waitFor();
      const holders = await askWhoHeld(oskar, 'erp:vendor-create', afterGrant);
      const daniel = await holders
        .getByRole('row')
        .filter({ hasText: `Daniel Cohen (${DANIEL})` })
        .innerText();
      expect(daniel).toContain(`Request ${granted.source.reference}`);
      expect(daniel).toContain(`Justification: “${VENDOR_JUSTIFICATION}”`);
      expect(daniel).toMatch(
        new RegExp(
          `Step 1, .*: approved by Claire Moreau \\(${CLAIRE}\\) at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC “${CLAIRE_COMMENT}”`,
        ),
      );
      expect(daniel).toMatch(
        new RegExp(
          `Step 2, .*: approved by Ingrid Solberg \\(${INGRID}\\) at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC “${INGRID_COMMENT}”`,
        ),
      );
      expect(daniel).toContain(`in the application ${utcText(new Date(granted.acknowledgedAt!))}`);
      expect(await oskar.page.getByText('not exact').count()).toBe(0);
      await oskar.screenshot('holders-after-grant');

      // Before test a, Daniel did not hold it (Ethan, and whoever else has it by birthright, did).
      const before = await askWhoHeld(oskar, 'erp:vendor-create', birthrightOnlyAt);
      expect(
        await before
          .getByRole('row')
          .filter({ hasText: `Daniel Cohen (${DANIEL})` })
          .count(),
      ).toBe(0);
      expect(
        await before
          .getByRole('row')
          .filter({ hasText: `Ethan Clarke (${ETHAN})` })
          .innerText(),
      ).toContain('birthright rule(s)');
      await oskar.screenshot('holders-before');

      // What Daniel held then: read-only, by birthright, and nothing else in the ERP.
      const person = oskar.page.getByRole('form', { name: 'A person’s history, and what they held' });
      await person.getByLabel('Employee number').fill(DANIEL);
      await person.getByLabel('At (UTC)').fill(birthrightOnlyAt.toISOString().slice(0, 19));
      await person.getByRole('button', { name: 'Show history' }).click();
      const access = oskar.page.getByRole('table', { name: `What Daniel Cohen held at ${utcText(birthrightOnlyAt)}` });
      await access.waitFor();
      const held = await access.innerText();
      expect(held).toContain('erp:read-only');
      expect(held).not.toContain('erp:vendor-create');
      await oskar.screenshot(`access-before-${DANIEL}`);

      // The recorded history itself: every event's hash chain recomputed, nothing changed.
      const verify = oskar.page.getByRole('region', { name: 'Verify the history' });
      await verify.getByRole('button', { name: 'Verify the history now' }).click();
      const verdict = verify.getByText(/^The history is (not )?intact:/);
      await verdict.waitFor();
      const verdictText = await verdict.innerText();
      expect(verdictText).toMatch(/^The history is intact: [\d,]+ events? in [\d,]+ streams?, checked in [\d.]+ s\.$/);
      expect(Number(/^The history is intact: ([\d,]+) event/.exec(verdictText)![1]!.replaceAll(',', ''))).toBeGreaterThan(0);
      await oskar.screenshot('history-verified');
    }));

  it('given Ethan holds ERP access by birthright, when HR terminates him over SCIM, then the administrator sees everything revoked in the portal and the ERP disables his login and drops his roles', () =>
    scenario('b', async () => {
      expect((await platform.account(ETHAN, 'erp')).userName).toBe(ERP_LOGIN[ETHAN]);
      expect(await erp.role(ERP_LOGIN[ETHAN])).toEqual({
        exists: true,
        canLogin: true,
        memberOf: ['read-only', 'vendor-create'],
        mayInsertVendors: true,
      });
      const { id } = await platform.identityState(ETHAN);

      const terminated = await platform.scim('PATCH', `/Users/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      });
      expect(terminated.status).toBe(200);
      expect(terminated.body).toMatchObject({ active: false });

      const left = await eventually('the leaver run to revoke everything and disable the ERP account', async () => {
        const state = await platform.identityState(ETHAN);
        const done =
          state.status === 'TERMINATED' &&
          state.jmlRuns.some((run) => run.kind === 'LEAVER' && run.status === 'COMPLETED') &&
          state.assignments.every((a) => a.status === 'REVOKED' && a.revocationAcknowledgedAt !== null) &&
          state.accounts.some((account) => account.applicationId === 'erp' && account.status === 'DISABLED');
        return done ? state : undefined;
      });
      expect(left.assignments.every((a) => a.revocationReason === 'LEAVER')).toBe(true);

      // The administrator finds him in the directory and reads what he holds now.
      const sara = await browser.signIn('b', SARA, '/admin/identities');
      await sara.page.getByRole('searchbox', { name: 'Name, email or employee number' }).fill(ETHAN);
      await sara.page.getByRole('button', { name: 'Search', exact: true }).click();
      await sara.page.waitForURL((url) => url.searchParams.get('search') === ETHAN);
      const listed = sara.page.getByRole('table', { name: 'Identities' }).getByRole('row').filter({ hasText: 'Ethan Clarke' });
      expect(await listed.innerText()).toContain('Terminated');
      await sara.screenshot('identities-search');
      await listed.getByRole('link', { name: 'Ethan Clarke' }).click();
      await sara.page.waitForURL((url) => url.pathname === `/admin/identities/${encodeURIComponent(id)}`);
      await sara.page.getByRole('heading', { level: 1, name: 'Ethan Clarke' }).waitFor();
      expect(await sara.page.getByRole('heading', { name: 'Access held (0)' }).isVisible()).toBe(true);
      expect(await sara.page.getByText('The person holds nothing through Tenure.').isVisible()).toBe(true);
      expect(
        await sara.page
          .getByRole('listitem')
          .filter({ hasText: `erp: ${ERP_LOGIN[ETHAN]}` })
          .innerText(),
      ).toContain('Disabled');
      const ended = sara.page.getByRole('table', { name: 'Access that ended' });
      for (const entitlement of ['erp:read-only', 'erp:vendor-create']) {
        const row = await ended.getByRole('row').filter({ hasText: entitlement }).innerText();
        expect(row).toContain('Revoked');
        expect(row).toMatch(/Leaver \d{4}-\d{2}-\d{2}/);
        expect(row).toMatch(/removed from the target \d{4}-\d{2}-\d{2}/);
      }
      expect(await sara.page.getByRole('heading', { name: `Access that ended (${left.assignments.length})` }).isVisible()).toBe(true);
      await sara.screenshot(`identity-${ETHAN}`);

      // The ERP database: the login role is kept but can no longer log in, and holds none of the ERP's roles.
      const after = await erp.role(ERP_LOGIN[ETHAN]);
      expect(after).toMatchObject({ exists: true, canLogin: false, mayInsertVendors: false });
      expect(after.memberOf.filter((role) => MANAGED_ERP_ROLES.includes(role))).toEqual([]);
    }));

  it('given Isabel asks for ERP payment approval, when her manager denies it with a comment, then Isabel and the audit page show who denied it and why', () =>
    scenario('c', async () => {
      const reason = 'Payment approval stays with the finance managers';
      const isabel = await browser.signIn('c', ISABEL, '/request?entitlement=erp%3Apayment-approve');
      await isabel.page.getByRole('region', { name: 'What policy says' }).getByText('You may request this access.').waitFor();
      await isabel.page.getByLabel('Justification').fill('Cover the May payment run');
      await isabel.page.getByRole('button', { name: 'Submit request' }).click();
      await isabel.page.waitForURL((url) => url.pathname === '/requests' && url.searchParams.get('created') === '1');
      const requestId = new URL(isabel.page.url()).searchParams.get('request')!;

      await platform.stepOpenFor(requestId, 0, CLAIRE);
      const claire = await browser.signIn('c', CLAIRE, '/approvals');
      await decide(claire, 'erp:payment-approve', 'deny', reason);
      await claire.page
        .getByRole('status')
        .filter({ hasText: `You denied request ${requestId}.` })
        .waitFor();
      await claire.screenshot('denied');

      await platform.requestReaching(requestId, 'denied', (request) => request.status === 'DENIED');
      await isabel.open(`/requests?request=${encodeURIComponent(requestId)}`);
      const selected = isabel.page.getByRole('region', { name: `Request ${requestId}` });
      const row = await selected.getByRole('row').filter({ hasText: 'payment-approve' }).first().innerText();
      expect(row).toContain('Denied');
      expect(row).toContain(`by Claire Moreau (10037): “${reason}”`);
      expect(await selected.getByRole('list', { name: `History of request ${requestId}` }).innerText()).toMatch(
        new RegExp(`Step 1: .*: denied by Claire Moreau \\(10037\\)\\s+“${reason}”`),
      );
      await isabel.screenshot('my-requests');

      const sara = await browser.signIn('c', SARA, `/audit?employee=${ISABEL}`);
      const requests = await sara.page.getByRole('table', { name: 'Access requests for Isabel Ferreira' }).innerText();
      expect(requests).toMatch(new RegExp(`: denied — by 10037 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC “${reason}”`));
      expect(await sara.page.getByText('Who denied a request is not shown').count()).toBe(0);
      await sara.screenshot(`audit-${ISABEL}`);
    }));

  it('given Ethan left in test b, when the auditor downloads the evidence on the audit page, then the zip matches its manifest and gives his time to revoke in the ERP; an employee is refused', () =>
    scenario('evidence', async () => {
      const ethan = await platform.identityState(ETHAN);
      const erpRevocations = ethan.assignments.filter((assignment) => assignment.applicationId === 'erp');

      const oskar = await browser.signIn('evidence', OSKAR, '/audit');
      const form = oskar.page.getByRole('form', { name: 'Download evidence' });
      // count() does not wait: the page streams in, so wait for the form first.
      await form.waitFor();
      const kinds = form.getByRole('checkbox');
      expect(await kinds.count()).toBe(EVIDENCE_KINDS.length);
      for (const kind of await kinds.all()) expect(await kind.isChecked()).toBe(true);
      await oskar.screenshot('evidence-form');
      const [download] = await Promise.all([
        oskar.page.waitForEvent('download'),
        form.getByRole('button', { name: 'Download evidence' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tenure-evidence-\d{8}T\d{6}Z\.zip$/);

      // Unzipped, it is an export `npm run evidence -- verify` accepts: every file as the manifest says.
      const directory = mkdtempSync(path.join(tmpdir(), 'tenure-portal-evidence-'));
      try {
        const unzipped = unzipSync(readFileSync(await download.path()));
        for (const [name, bytes] of Object.entries(unzipped)) writeFileSync(path.join(directory, name), bytes);
        expect(Object.keys(unzipped).sort()).toEqual(
          [MANIFEST_FILE, ...EVIDENCE_KINDS.flatMap((kind) => [`${kind.name}.csv`, `${kind.name}.json`])].sort(),
        );
        expect(verifyExport(directory)).toEqual([]);
        // What `npm run evidence -- verify <folder>` runs, once the export is built.
        const verified = execFileSync(process.execPath, [EVIDENCE_CLI, 'verify', directory], { encoding: 'utf8' });
        expect(verified).toContain('every file matches the manifest');

        const rowsOf = (kind: string) =>
          (JSON.parse(strFromU8(unzipped[`${kind}.json`]!)) as { rows: Record<string, string | number | null>[] }).rows;
        const run = rowsOf('leavers').find((row) => row['employee_number'] === ETHAN);
        expect(run).toMatchObject({ name: 'Ethan Clarke', status: 'COMPLETED' });
        const erp = rowsOf('leavers-by-application').find((row) => row['run_id'] === run!['run_id'] && row['application'] === 'erp');
        expect(erp).toMatchObject({
          employee_number: ETHAN,
          terminated_at: run!['terminated_at'],
          revocations_expected: erpRevocations.length,
          revocations_acknowledged: erpRevocations.length,
          revocations_pending: 0,
          account_disable: 'SUCCEEDED',
          status: 'COMPLETED',
        });
        // The ERP's time to revoke ends with its last acknowledgement: the later of the roles' removals and the login's disable.
        const lastRemoval = Math.max(...erpRevocations.map((assignment) => Date.parse(assignment.revocationAcknowledgedAt!)));
        expect(Date.parse(String(erp!['revoked_at']))).toBeGreaterThanOrEqual(lastRemoval);
        expect(erp!['time_to_revoke_ms']).toBe(Date.parse(String(erp!['revoked_at'])) - Date.parse(String(run!['terminated_at'])));
        expect(Number(erp!['time_to_revoke_ms'])).toBeLessThanOrEqual(Number(run!['time_to_revoke_ms']));
        expect(strFromU8(unzipped['leavers-by-application.csv']!)).toContain(`${ETHAN},Ethan Clarke,erp,`);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }

      // An employee who is neither auditor nor administrator gets no evidence, whatever the page shows.
      const daniel = await browser.signIn('evidence', DANIEL, '/access');
      const refused = await daniel.page.request.get(`${platform.portalOrigin}/audit/evidence`);
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain(`Evidence is for auditors and administrators, and ${DANIEL} is neither.`);
    }));

  it('given the latest checkpoint downloaded from the audit page, when the auditor later verifies the history against that copy, then the heads match it; an employee gets no checkpoint', () =>
    scenario('checkpoint', async () => {
      const oskar = await browser.signIn('checkpoint', OSKAR, '/audit');
      const verify = oskar.page.getByRole('region', { name: 'Verify the history' });
      const [download] = await Promise.all([
        oskar.page.waitForEvent('download'),
        verify.getByRole('link', { name: 'download the latest checkpoint' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tenure-checkpoint-[\w-]+\.json$/);
      const kept = JSON.parse(readFileSync(await download.path(), 'utf8')) as { id: string; root: string; heads: unknown[] };
      expect(kept.heads.length).toBeGreaterThan(0);

      await verify.getByLabel('Against a checkpoint you kept (optional)').setInputFiles(await download.path());
      await verify.getByRole('button', { name: 'Verify the history now' }).click();
      await verify.getByText(/^The history is (not )?intact:/).waitFor();
      const compared = await verify.getByRole('region', { name: 'Checkpoint compared with' }).innerText();
      expect(compared).toContain(`${kept.id} (export)`);
      expect(compared).toContain(kept.root);
      expect(compared).toMatch(/Heads match\s+Match/);
      expect(compared).not.toMatch(/mismatch/i);
      await oskar.screenshot('history-verified-against-kept-checkpoint');

      const daniel = await browser.signIn('checkpoint', DANIEL, '/access');
      const refused = await daniel.page.request.get(`${platform.portalOrigin}/audit/checkpoint`);
      expect(refused.status()).toBe(403);
    }));

  it('given tests a and b ran, when the auditor opens the dashboard, then the compliance reports show the ERP’s time to provision and Ethan’s ERP license reclaimed at its cost, readable at 375 px; an employee sees no reports', () =>
    scenario('reports', async () => {
      const oskar = await browser.signIn('reports', OSKAR, '/');
      const reports = oskar.page.getByRole('region', { name: 'Compliance reports' });
      const figures = reports.getByRole('list', { name: 'Compliance figures' });
      await figures.waitFor();
      for (const label of [
        'Orphaned accounts',
        'Standing privileged access',
        'Time to provision (p95, slowest application)',
        'Time to revoke (p95, slowest application)',
        'Licenses reclaimed',
        'Open SoD violations',
      ]) {
        expect(await figures.getByRole('link', { name: label }).count()).toBe(1);
      }
      expect(await reports.getByLabel('First day').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // The ERP's grants of the demo birthright and of test a, each timed from its decision to the ERP's acknowledgement;
      // Ethan's leaver flow (test b) disabled his ERP login: one license back, at the ERP's 95 EUR a month.
      const cellsOf = async (table: string) => {
        const row = reports.getByRole('table', { name: table }).getByRole('row').filter({ hasText: ERP_NAME });
        return (await row.count()) === 1 ? row.getByRole('cell').allInnerTexts() : undefined;
      };
      const [times, licenses] = await eventually('the dashboard to show the ERP’s timings and Ethan’s license', async () => {
        const [erpTimes, erpLicenses] = [
          await cellsOf('Time to provision and revoke by application'),
          await cellsOf('Licenses reclaimed by application'),
        ];
        if (erpTimes && erpLicenses && erpTimes[2] !== 'none in the period') return [erpTimes, erpLicenses] as const;
        await oskar.page.reload();
        return undefined;
      });
      const provision = /^p50 (.+) · p95 (.+) \((\d+)/.exec(times[1]!);
      expect(provision).not.toBeNull();
      expect(Number(provision![3])).toBeGreaterThanOrEqual(4);
      expect(times[2]).toMatch(/^p50 .+ · p95 .+ \(\d+/);
      const [byLeavers, byReviews] = [Number(licenses[1]), Number(licenses[2])];
      expect(byLeavers).toBeGreaterThanOrEqual(1);
      expect(licenses[3]).toBe(`€${(95 * (byLeavers + byReviews)).toFixed(2)}`);
      expect(await figures.getByRole('listitem').filter({ hasText: 'Licenses reclaimed' }).innerText()).toMatch(
        /By leavers [1-9]\d* \(€[\d,.]+ a month\)/,
      );
      await oskar.screenshot('compliance-reports');

      await oskar.page.setViewportSize({ width: 375, height: 800 });
      expect(await oskar.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await oskar.screenshot('compliance-reports-375px');

      const daniel = await browser.signIn('reports', DANIEL, '/');
      await daniel.page.getByRole('heading', { name: 'Your work' }).waitFor();
      expect(await daniel.page.getByRole('region', { name: 'Compliance reports' }).count()).toBe(0);
    }));
  it('given an HR file whose only row has no employee number, when the administrator erases the rows that name nobody on the HR imports page, then the page says when and the row reads erased', () =>
    scenario('unnamed-rows', async () => {
      const fileName = 'contractors-without-numbers.csv';
      const header =
        'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date';
      const unnamed = ',Ola,Unnumbered,ola.unnumbered@example.com,Finance,Analyst,,Oslo,CC-9,employee,2026-01-05,';
      const { run } = await platform.data<{ run: { id: string; counts: { rejected: number } } }>(
        'mutation Import($fileName: String!, $csv: String!) { run: importHrFile(fileName: $fileName, csv: $csv) { id counts { rejected } } }',
        { fileName, csv: `${header}\n${unnamed}\n` },
        PLATFORM_ADMIN_TOKEN,
      );
      expect(run.counts.rejected).toBe(1);
      const rejectedRow = async () =>
        (
          await platform.data<{
            run: {
              unnamedRowsErasedAt: string | null;
              rejectedRecords: { employeeNumber: string | null; raw: { name: string; value: string }[] }[];
            };
          }>(
            'query Run($id: ID!) { run: hrImportRun(id: $id) { unnamedRowsErasedAt rejectedRecords { employeeNumber raw { name value } } } }',
            { id: run.id },
            PLATFORM_ADMIN_TOKEN,
          )
        ).run;
      expect((await rejectedRow()).rejectedRecords[0]!.raw).toContainEqual({ name: 'family_name', value: 'Unnumbered' });

      const sara = await browser.signIn('unnamed-rows', SARA, '/admin/hr-imports');
      await sara.page.locator('summary', { hasText: 'Erase rows that name nobody' }).click();
      const form = sara.page.getByRole('form', { name: `Erase the rows of ${fileName} that name nobody` });
      await form.getByLabel('Legal reference').fill('DPO-2026-117 (erasure request)');
      await form.getByLabel('Type ERASE to confirm').fill('ERASE');
      await sara.screenshot('hr-import-unnamed-rows');
      await form.getByRole('button', { name: `Erase the rows of ${fileName} that name nobody` }).click();
      await sara.page.getByText(/Rows that name nobody erased on /).waitFor();
      await sara.screenshot('hr-import-unnamed-rows-erased');

      const after = await rejectedRow();
      expect(after.unnamedRowsErasedAt).not.toBeNull();
      expect(after.rejectedRecords[0]!.raw).toContainEqual({ name: 'family_name', value: '[erased]' });
      expect(JSON.stringify(after.rejectedRecords)).not.toContain('Unnumbered');
    }));
});

/** In the audit page's second form: who held `entitlement` at `at` (in the application); the answer's table. */
async function askWhoHeld(auditor: PortalUser, entitlement: string, at: Date) {
  const form = auditor.page.getByRole('form', { name: 'Who held an entitlement, and why' });
  await form.getByLabel('Entitlement').selectOption(entitlement);
  await form.getByLabel('At (UTC)').fill(at.toISOString().slice(0, 19));
  await form.getByRole('radio', { name: /^In the application/ }).check();
  await form.getByRole('button', { name: 'Show holders' }).click();
  const table = auditor.page.getByRole('table', { name: `Holders of ${entitlement} at ${utcText(at)}` });
  await table.waitFor();
  return table;
}

/** The next whole second (the audit form's time field goes to the second). */
function wholeSecondAfter(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1_000) * 1_000 + 1_000);
}

/** "2026-11-26 10:30:15 UTC", as the audit page shows instants. */
function utcText(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Approves or denies, in the Approvals inbox, the request for `entitlement` with a comment. */
async function decide(approver: PortalUser, entitlement: string, decision: 'approve' | 'deny', comment: string): Promise<void> {
  const form = approver.page.getByRole('form', { name: new RegExp(`^Decide .+ request for ${entitlement}$`) });
  await form.getByLabel('Comment').fill(comment);
  await form.getByRole('button', { name: new RegExp(`^${decision === 'approve' ? 'Approve' : 'Deny'} `) }).click();
  await approver.page.waitForURL((url) => url.searchParams.get('decision') === decision);
}
