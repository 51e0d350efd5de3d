import { PLATFORM_ADMIN_TOKEN } from '@tenure/testing';
import { PortalBrowser } from './support/portal-browser';
import { PortalPlatform } from './support/portal-platform';
import { SmtpTestServer } from '@tenure/test-smtp-server';

// The notification preferences page in a real browser against the launched demo platform, with email configured
// (SMTP_URL pointing at an SMTP server in this test) and Slack not: a person turns one kind off for email, and the
// page after a reload and the workflow service's GraphQL answer both say it is off.
jest.setTimeout(600_000);

/** 10010 Oliver Grant, Software Engineer (demo company). */
const OLIVER = '10010';

const PREFERENCES_OF = /* GraphQL */ `
  query PreferencesOf($employeeNumber: ID!) {
    notificationPreferencesOf(employeeNumber: $employeeNumber) {
      kind
      channel
      enabled
      channelConfigured
    }
  }
`;

interface Preference {
  kind: string;
  channel: string;
  enabled: boolean;
  channelConfigured: boolean;
}

describe('notification preferences in a browser, on the launched demo platform', () => {
  let smtp: SmtpTestServer;
  let platform: PortalPlatform;
  let browser: PortalBrowser;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    // PORTAL_DIST_DIR: serve a portal built into another folder (web/README.md), when this run was given one.
    const portalBuild = process.env['PORTAL_DIST_DIR'];
    platform = await PortalPlatform.start({ SMTP_URL: smtp.url, ...(portalBuild ? { PORTAL_DIST_DIR: portalBuild } : {}) });
    browser = await PortalBrowser.launch(platform.portalOrigin, platform.issuer);
  });

  afterEach(async () => {
    await browser?.closeContexts();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await smtp?.stop();
  });

  async function preferencesOf(employeeNumber: string): Promise<Preference[]> {
    const data = await platform.data<{ notificationPreferencesOf: Preference[] }>(PREFERENCES_OF, { employeeNumber }, PLATFORM_ADMIN_TOKEN);
    return data.notificationPreferencesOf;
  }

  it('given email configured and Slack not, when Oliver turns “Request decided” off for email and reloads, then it stays off, Slack is shown unavailable, and GraphQL agrees', async () => {
    try {
      const before = await preferencesOf(OLIVER);
      expect(before.filter((preference) => preference.channel === 'EMAIL').every((p) => p.enabled && p.channelConfigured)).toBe(true);
      expect(before.filter((preference) => preference.channel === 'SLACK').every((p) => !p.channelConfigured)).toBe(true);

      // From his personal pages, through the navigation.
      const oliver = await browser.signIn('notifications', OLIVER, '/access');
      await oliver.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
      await oliver.page.waitForURL((url) => url.pathname === '/settings/notifications');
      const table = oliver.page.getByRole('table', { name: 'Notifications by kind and channel' });
      await table.waitFor();
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Notification', 'Email', 'Slack (unavailable)']);
      expect(await oliver.page.getByRole('switch').count()).toBe(7);
      expect(await oliver.page.getByRole('switch', { name: /by slack$/ }).count()).toBe(0);
      const decidedRow = table.getByRole('row').filter({ hasText: 'Request decided' });
      expect(await decidedRow.getByText('Unavailable').isVisible()).toBe(true);
      expect(await oliver.page.getByText('Slack is not set up on this platform, so nothing is sent there.').isVisible()).toBe(true);
      const decidedByEmail = oliver.page.getByRole('switch', { name: 'Request decided by email' });
      expect(await decidedByEmail.isChecked()).toBe(true);
      await oliver.screenshot('notifications-all-on');

      await decidedByEmail.uncheck();
      await oliver.page.getByRole('button', { name: 'Save preferences' }).click();
      await oliver.page.getByRole('status').filter({ hasText: 'Saved. Email for “Request decided” is now off.' }).waitFor();
      await oliver.screenshot('notifications-saved');

      await oliver.page.reload();
      await table.waitFor();
      expect(await oliver.page.getByRole('switch', { name: 'Request decided by email' }).isChecked()).toBe(false);
      expect(await oliver.page.getByRole('switch', { name: 'Approval waiting for you by email' }).isChecked()).toBe(true);
      expect(await oliver.page.getByRole('switch', { checked: true }).count()).toBe(6);

      const after = await preferencesOf(OLIVER);
      expect(after.filter((preference) => !preference.enabled)).toEqual([
        { kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false, channelConfigured: true },
      ]);

      // Saving again without touching anything changes nothing, and says so.
      await oliver.page.getByRole('button', { name: 'Save preferences' }).click();
      await oliver.page.getByRole('status').filter({ hasText: 'Nothing to save: your preferences were already as shown.' }).waitFor();
      expect(await preferencesOf(OLIVER)).toEqual(after);

      await oliver.page.setViewportSize({ width: 375, height: 800 });
      expect(await oliver.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await oliver.screenshot('notifications-375px');
    } catch (error) {
      await browser.screenshotOpenPages('notifications');
      throw error;
    }
  });
});
