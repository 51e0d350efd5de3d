import { OpenIdProvider } from '../auth/oidc';
import { credentialsFrom, issuerUrl } from '../auth/session';
import { DEFAULT_API_URL } from '../settings';
import { displayUrl } from '../url';
import type { CommandContext } from './context';

/** Signs in with the device authorization grant and keeps the tokens in the credentials file. */
export async function login(context: CommandContext): Promise<void> {
  const { reporter, settings, store } = context;
  const issuer = issuerUrl(settings);
  const apiUrl = settings.apiUrl ?? new URL(DEFAULT_API_URL);
  if (settings.token) reporter.note('Note: TENURE_TOKEN is set; it is used instead of this sign-in until you unset it.');

  const provider: OpenIdProvider = await context.connect(issuer, settings.clientId);
  const tokens = await provider.signInOnDevice((device) => {
    reporter.note(`To sign in, open ${device.verificationUri} and enter the code: ${device.userCode}`);
    if (device.verificationUriComplete) reporter.note(`(or open ${device.verificationUriComplete})`);
    reporter.note(`Waiting for you to confirm in the browser (the code expires in ${Math.round(device.expiresInSeconds / 60)} minutes)...`);
  }, context.now);

  const credentials = credentialsFrom(tokens, { issuer, apiUrl, clientId: settings.clientId }, context.now());
  await store.write(credentials);
  reporter.result(
    {
      signedIn: true,
      employeeNumber: credentials.employeeNumber,
      name: credentials.name ?? null,
      issuer: credentials.issuer,
      apiUrl: credentials.apiUrl,
      expiresAt: credentials.expiresAt,
      renewable: credentials.refreshToken !== undefined,
    },
    [
      `Signed in as ${credentials.name ?? credentials.employeeNumber} (${credentials.employeeNumber}) at ${displayUrl(issuer)}.`,
      `Credentials are stored in ${store.path}${credentials.refreshToken ? '; they renew themselves until the sign-in ends' : ''}.`,
    ],
  );
}
