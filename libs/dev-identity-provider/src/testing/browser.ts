import { CookieJar } from '../sign-in/cookie-jar';

export interface Page {
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/**
 * A browser without JavaScript, for tests: keeps cookies, submits forms, follows redirects on the provider's origin
 * (`stayOn`); a redirect elsewhere (to a client) is returned, not followed.
 */
export class Browser {
  private readonly jar = new CookieJar();

  constructor(private readonly stayOn: string) {}

  async open(url: string | URL): Promise<Page> {
    return this.request(new URL(url), 'GET');
  }

  async submit(url: string | URL, fields: Record<string, string>): Promise<Page> {
    return this.request(new URL(url), 'POST', new URLSearchParams(fields));
  }

  private async request(url: URL, method: 'GET' | 'POST', form?: URLSearchParams): Promise<Page> {
    for (let step = 0; step < 20; step++) {
      const cookie = this.jar.headerFor(url);
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: form.toString() } : {}),
      });
      this.jar.store(url, response.headers.getSetCookie());
      const html = await response.text();
      const location = response.headers.get('location');
      const page = { url, status: response.status, headers: response.headers, html };
      if (response.status < 300 || response.status >= 400 || !location) return page;
      const next = new URL(location, url);
      if (next.origin !== new URL(this.stayOn).origin) return page;
      url = next;
      method = 'GET';
      form = undefined;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}

/** The value of a hidden (or any) input by name in a page's HTML. */
export function inputValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no input named ${name} in the page:\n${html}`);
  return match[1];
}

/** The action of the page's first form. */
export function formAction(page: Page): URL {
  const match = /<form[^>]*\saction="([^"]+)"/.exec(page.html);
  if (!match?.[1]) throw new Error(`no form in the page:\n${page.html}`);
  return new URL(match[1].replace(/&amp;/g, '&'), page.url);
}
