import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The demo password of the development OpenID provider (libs/dev-identity-provider/README.md). */
const DEMO_PASSWORD = 'tenure-demo';

/** Where every page the tests visit is saved, full page (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/** A demo person signed in to the portal in their own browser context (their own cookies). */
export interface PortalUser {
  readonly employeeNumber: string;
  readonly page: Page;
  /** Opens a portal path and waits until the server-rendered page has loaded. */
  open(path: string): Promise<void>;
  /** Saves the page as `<test>-<nn>-<what>-<employeeNumber>.png`. */
  screenshot(what: string): Promise<void>;
}

/**
 * One Chromium for a test file; each person gets a fresh context and signs in the way people do: the
 * portal sends them to the development OpenID provider's login page, they type their employee number
 * and the demo password, and the provider sends them back.
 */
export class PortalBrowser {
  private readonly contexts: BrowserContext[] = [];
  private readonly shots = new Map<string, number>();

  private constructor(
    private readonly browser: Browser,
    private readonly portalOrigin: string,
    private readonly issuer: string,
  ) {}

  /** Launches Chromium and empties the screenshot folder, so that it shows this run only. */
  static async launch(portalOrigin: string, issuer: string): Promise<PortalBrowser> {
    rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return new PortalBrowser(browser, portalOrigin, issuer);
  }

  /**
   * Signs `employeeNumber` in, starting from `path` (the portal sends them to sign in and back there).
   * `test` prefixes the screenshots ("a", "b"...); the login page is saved when `screenshotLogin` is set.
   */
  async signIn(test: string, employeeNumber: string, path: string, options: { screenshotLogin?: boolean } = {}): Promise<PortalUser> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    this.contexts.push(context);
    const page = await context.newPage();
    const user = this.user(test, employeeNumber, page);

    await page.goto(this.portalUrl(path));
    await page.waitForURL((url) => url.origin === new URL(this.issuer).origin);
    await page.getByLabel('Employee number or email').fill(employeeNumber);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    if (options.screenshotLogin) await user.screenshot('sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await this.waitForPortalPath(page, path);
    return user;
  }

  /** Saves every open page as `<test>-failure-<n>.png`, for a test that failed half-way. */
  async screenshotOpenPages(test: string): Promise<void> {
    const pages = this.contexts.flatMap((context) => context.pages());
    await Promise.all(
      pages.map((page, index) =>
        page.screenshot({ path: join(SCREENSHOT_DIR, `${test}-failure-${index + 1}.png`), fullPage: true }).catch(() => undefined),
      ),
    );
  }

  /** Closes the people's contexts (they sign in again in the next test) but keeps the browser. */
  async closeContexts(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
  }

  async close(): Promise<void> {
    await this.closeContexts();
    await this.browser.close();
  }

  private user(test: string, employeeNumber: string, page: Page): PortalUser {
    return {
      employeeNumber,
      page,
      open: async (path) => {
        await page.goto(this.portalUrl(path));
        await this.waitForPortalPath(page, path);
      },
      screenshot: async (what) => {
        const number = (this.shots.get(test) ?? 0) + 1;
        this.shots.set(test, number);
        const name = `${test}-${String(number).padStart(2, '0')}-${what}-${employeeNumber}.png`;
        await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
      },
    };
  }

  private portalUrl(path: string): string {
    return new URL(path, this.portalOrigin).toString();
  }

  private async waitForPortalPath(page: Page, path: string): Promise<void> {
    const wanted = new URL(path, this.portalOrigin).pathname;
    await page.waitForURL((url) => url.origin === new URL(this.portalOrigin).origin && url.pathname === wanted);
    await page.waitForLoadState('load');
  }
}
