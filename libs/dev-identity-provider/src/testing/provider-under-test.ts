import path from 'node:path';
import { freePort } from '@tenure/platform';
import { createDevIdentityProvider, type DevIdentityProvider, type DevIdentityProviderOptions } from '../dev-identity-provider';

/** The demo company of `npm start`. */
export const DEMO_COMPANY_CSV = path.resolve(__dirname, '../../../../services/identity/demo/demo-company.csv');
export const DEMO_PASSWORD = 'tenure-demo';
export const PORTAL_ORIGIN = 'http://localhost:3999';
export const PORTAL_SECRET = 'portal-secret-for-tests-only';

/** A started provider on a free port, over the demo company, with its keys in `keysDirectory`. */
export async function startProviderUnderTest(
  keysDirectory: string,
  overrides: Partial<DevIdentityProviderOptions> = {},
): Promise<DevIdentityProvider> {
  const port = await freePort();
  const provider = createDevIdentityProvider({
    issuer: `http://localhost:${port}`,
    port,
    usersFile: DEMO_COMPANY_CSV,
    keysFile: path.join(keysDirectory, 'dev-identity-provider-keys.json'),
    portalOrigin: PORTAL_ORIGIN,
    portalClientSecret: PORTAL_SECRET,
    now: () => new Date('2026-06-01T12:00:00Z'),
    ...overrides,
  });
  await provider.start();
  return provider;
}
