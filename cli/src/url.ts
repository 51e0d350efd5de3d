/** An address under a base URL that may carry a path (a gateway behind a proxy prefix). */
export function endpoint(base: URL, path: string): URL {
  return new URL(`${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`, base);
}

/** A base URL as messages name it, without a trailing slash. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
