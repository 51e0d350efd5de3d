/** Where a visitor lands after signing in when nothing safer is known. */
export const DEFAULT_RETURN_TO = '/';

/**
 * A path on this portal to send the person back to after signing in. Anything else (another origin,
 * a protocol-relative `//host`, a backslash trick, the sign-in routes themselves) becomes `/`, so the
 * sign-in flow cannot be turned into an open redirect or a loop.
 */
export function safeReturnTo(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return DEFAULT_RETURN_TO;
  if ([...candidate].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) return DEFAULT_RETURN_TO;
  const path = candidate.split(/[?#]/, 1)[0] ?? '';
  if (path === '/auth' || path.startsWith('/auth/')) return DEFAULT_RETURN_TO;
  return candidate;
}

/** The sign-in route that brings the person back to `returnTo` afterwards. */
export function signInPath(returnTo: string | null | undefined): string {
  const safe = safeReturnTo(returnTo);
  return safe === DEFAULT_RETURN_TO ? '/auth/sign-in' : `/auth/sign-in?returnTo=${encodeURIComponent(safe)}`;
}
