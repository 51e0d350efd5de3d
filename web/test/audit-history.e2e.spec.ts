import { PortalBrowser } from './support/portal-browser';
import { eventually, PortalPlatform } from './support/portal-platform';

// The audit trail page in a real browser against the launched demo platform (as portal.e2e.spec.ts launches it):
// the demo auditor reads a demo person's history across the contexts, with each event's chain of causes.
jest.setTimeout(600_000);

/** 10042 Ethan Clarke, Procurement Officer, holds erp:vendor-create by birthright (demo company and policy). */
const ETHAN = '10042';
/** 10040 Oskar Nilsson, the demo auditor. */
const OSKAR = '10040';
/** 10038 Daniel Cohen, an employee without a reader role. */
const DANIEL = '10038';

describe('the audit trail page in a browser, on the launched demo platform', () => {
  let platform: PortalPlatform;
  let browser: PortalBrowser;

  beforeAll(async () => {
    platform = await PortalPlatform.start();
    browser = await PortalBrowser.launch(platform.portalOrigin, platform.issuer);
    await platform.activeAssignment(ETHAN, 'erp', 'vendor-create');
  });

  afterEach(async () => {
    await browser?.closeContexts();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('given Ethan’s birthright reached the ERP, when the auditor opens his trail, then the assignment shows the chain back to his HR record, readable at 375 px; an employee is sent away', async () => {
    try {
      const oskar = await browser.signIn('audit-trail', OSKAR, `/audit/history?person=${ETHAN}`);
      const assigned = await eventually('the birthright assignment in Ethan’s trail', async () => {
        await oskar.open(`/audit/history?person=${ETHAN}`);
        // The entry itself, not the later entries whose cause chains mention it.
        const entry = oskar.page
          .getByRole('list', { name: 'Audit trail' })
          .getByRole('listitem')
          .filter({ has: oskar.page.getByText('Assigned erp / vendor-create (birthright)', { exact: true }) });
        return (await entry.count()) > 0 ? entry.first() : undefined;
      });
      const chain = await assigned.getByRole('list', { name: 'Cause chain of AssignmentAdded' }).innerText();
      expect(chain).toContain('←');
      expect(chain).toMatch(/\(identity\)/);
      await oskar.screenshot('audit-trail-person');

      await oskar.page.setViewportSize({ width: 375, height: 800 });
      expect(await oskar.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await oskar.screenshot('audit-trail-person-375px');
      await oskar.page.setViewportSize({ width: 1280, height: 900 });

      await oskar.open('/audit/history?target=erp%3Avendor-create');
      const entitlementTrail = await oskar.page.getByRole('list', { name: 'Audit trail' }).innerText();
      expect(entitlementTrail).toContain('Assigned erp / vendor-create (birthright)');
      await oskar.screenshot('audit-trail-entitlement');

      const daniel = await browser.signIn('audit-trail', DANIEL, '/audit/history');
      await daniel.page.getByText('This page is for administrators and auditors').waitFor();
    } catch (error) {
      await browser.screenshotOpenPages('audit-trail');
      throw error;
    }
  });
});
