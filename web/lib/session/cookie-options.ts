import 'server-only';
import { portalConfig } from '../config';

/** httpOnly, SameSite=Lax (the provider's redirect back is a top-level GET), Secure whenever the portal is served over HTTPS. */
export function cookieOptions(maxAgeSeconds: number, path = '/') {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: portalConfig().origin.protocol === 'https:',
    path,
    maxAge: maxAgeSeconds,
  };
}
