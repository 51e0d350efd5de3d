interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
  readonly expiresAt?: number;
}

/**
 * Just enough of a browser's cookie store to walk one provider's redirects: cookies by name and path, for one
 * host (the provider's), dropped when they expire or are cleared. Domain, Secure and SameSite are not needed there.
 */
export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the cookies of a response to a request for `url`. */
  store(url: URL, setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url, this.now());
      if (!cookie) continue;
      this.cookies = this.cookies.filter((kept) => kept.name !== cookie.name || kept.path !== cookie.path);
      if (cookie.expiresAt === undefined || cookie.expiresAt > this.now()) this.cookies.push(cookie);
    }
  }

  /** The Cookie header for a request to `url`, longest paths first as browsers send them; undefined when none. */
  headerFor(url: URL): string | undefined {
    const now = this.now();
    const matching = this.cookies
      .filter((cookie) => (cookie.expiresAt === undefined || cookie.expiresAt > now) && pathMatches(cookie.path, url.pathname))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length > 0 ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
  }
}

function parseSetCookie(header: string, url: URL, now: number): StoredCookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const separator = pair?.indexOf('=') ?? -1;
  if (!pair || separator <= 0) return undefined;
  let path = defaultPath(url.pathname);
  let expiresAt: number | undefined;
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawName = '', ...rawValue] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rawValue.join('=').trim();
    if (name === 'path' && value.startsWith('/')) path = value;
    if (name === 'max-age' && /^-?\d+$/.test(value)) {
      // Max-Age wins over Expires (RFC 6265 5.3).
      maxAgeSeen = true;
      expiresAt = now + Number(value) * 1000;
    }
    if (name === 'expires' && !maxAgeSeen) {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) expiresAt = date;
    }
  }
  return {
    name: pair.slice(0, separator).trim(),
    value: pair.slice(separator + 1).trim(),
    path,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}

/** RFC 6265 5.1.4: the request path up to, not including, its last slash. */
function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
