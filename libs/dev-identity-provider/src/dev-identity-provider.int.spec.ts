import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  ADMINISTRATORS_GROUP,
  AUDITORS_GROUP,
  CLI_CLIENT_ID,
  CLI_REDIRECT_URI,
  PORTAL_CLIENT_ID,
  SIGN_IN_REFUSED_MESSAGE,
  TENURE_API_AUDIENCE,
} from './constants';
import type { DevIdentityProvider } from './dev-identity-provider';
import { SignInRefusedError } from './sign-in/sign-in-errors';
import { signInWithPassword, type SignInTokens } from './sign-in/sign-in-with-password';
import { Browser, formAction, inputValue } from './testing/browser';
import { confirmDeviceSignIn } from './testing/device-sign-in';
import { DEMO_PASSWORD, PORTAL_ORIGIN, PORTAL_SECRET, startProviderUnderTest } from './testing/provider-under-test';
import { removeScratch, scratchDirectory } from './testing/scratch-directory';

let keysDirectory: string;
let provider: DevIdentityProvider;

beforeAll(async () => {
  keysDirectory = await scratchDirectory();
  provider = await startProviderUnderTest(keysDirectory);
});

afterAll(async () => {
  await provider.stop();
  await removeScratch(keysDirectory);
});

function signInToPortal(username: string, password = DEMO_PASSWORD): Promise<SignInTokens> {
  return signInWithPassword({
    issuer: provider.issuer,
    clientId: PORTAL_CLIENT_ID,
    clientSecret: PORTAL_SECRET,
    redirectUri: `${PORTAL_ORIGIN}/auth/callback`,
    username,
    password,
  });
}

async function verifyAccessToken(issuer: string, accessToken: string) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  return jwtVerify(accessToken, jwks, { issuer, audience: TENURE_API_AUDIENCE, algorithms: ['RS256'], typ: 'at+jwt' });
}

describe('development identity provider', () => {
  test('given the provider, when its discovery document is read, then it names the issuer, the JWKS, PKCE and the device flow', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(discovery).toMatchObject({
      issuer: provider.issuer,
      jwks_uri: `${provider.issuer}/jwks`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      id_token_signing_alg_values_supported: ['RS256'],
      device_authorization_endpoint: `${provider.issuer}/device/auth`,
    });
  });

  test('given a demo person, when they sign in to the portal, then the access token verifies against the JWKS and carries who they are', async () => {
    const tokens = await signInToPortal('10010');

    const { payload, protectedHeader } = await verifyAccessToken(provider.issuer, tokens.accessToken);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: provider.issuer,
      aud: TENURE_API_AUDIENCE,
      sub: '10010',
      employee_number: '10010',
      name: 'Oliver Grant',
      email: 'oliver.grant@example.com',
      groups: [],
      client_id: PORTAL_CLIENT_ID,
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(tokens.expiresIn).toBe(3600);
    expect(tokens.refreshToken).toEqual(expect.any(String));
  });

  test('given a demo person, when they sign in, then the ID token carries the same profile claims for the portal', async () => {
    const tokens = await signInToPortal('oliver.grant@example.com');

    expect(decodeJwt(tokens.idToken)).toMatchObject({
      iss: provider.issuer,
      aud: PORTAL_CLIENT_ID,
      sub: '10010',
      employee_number: '10010',
      name: 'Oliver Grant',
      email: 'oliver.grant@example.com',
      groups: [],
    });
    expect(decodeProtectedHeader(tokens.idToken).alg).toBe('RS256');
  });

  test('given the administrator and the auditor, when they sign in, then their tokens carry their groups', async () => {
    const administrator = await verifyAccessToken(provider.issuer, (await signInToPortal('10047')).accessToken);
    const auditor = await verifyAccessToken(provider.issuer, (await signInToPortal('OSKAR.NILSSON@example.com')).accessToken);

    expect(administrator.payload).toMatchObject({ sub: '10047', name: 'Sara Lund', groups: [ADMINISTRATORS_GROUP] });
    expect(auditor.payload).toMatchObject({ sub: '10040', name: 'Oskar Nilsson', groups: [AUDITORS_GROUP] });
  });

  test('given a wrong password or an unknown user, when they sign in, then both are refused with the same message', async () => {
    const wrongPassword = signInToPortal('10010', 'not-the-password');
    const unknownUser = signInToPortal('99999');

    await expect(wrongPassword).rejects.toThrow(SignInRefusedError);
    await expect(wrongPassword).rejects.toThrow(SIGN_IN_REFUSED_MESSAGE);
    await expect(unknownUser).rejects.toThrow(SignInRefusedError);
    await expect(unknownUser).rejects.toThrow(SIGN_IN_REFUSED_MESSAGE);
  });

  test('given a refused sign-in, when the login page comes back, then it says why without saying which, and keeps the user name', async () => {
    const browser = new Browser(provider.issuer);
    const login = await browser.open(authorizationUrl(CLI_CLIENT_ID, CLI_REDIRECT_URI));

    const refused = await browser.submit(formAction(login), { username: '10010', password: 'wrong' });

    expect(refused.status).toBe(401);
    expect(refused.html).toContain(`role="alert">${SIGN_IN_REFUSED_MESSAGE}</p>`);
    expect(refused.html).toContain('value="10010"');
    expect(refused.html).toMatch(/id="password"[^>]*aria-describedby="sign-in-error"/);
  });

  test('given an authorization request, when the login page is shown, then its inputs are labelled and it loads nothing from elsewhere', async () => {
    const login = await new Browser(provider.issuer).open(authorizationUrl(CLI_CLIENT_ID, CLI_REDIRECT_URI));

    expect(login.status).toBe(200);
    expect(login.html).toContain('<label for="username">Employee number or email</label>');
    expect(login.html).toMatch(/<input id="username" name="username" type="text" autocomplete="username"/);
    expect(login.html).toContain('<label for="password">Password</label>');
    expect(login.html).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password"/);
    expect(login.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(login.html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(login.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  test('given the CLI client, when it signs in with the code flow on a loopback port, then it gets a token for the Tenure API and a refresh token', async () => {
    const tokens = await signInWithPassword({
      issuer: provider.issuer,
      clientId: CLI_CLIENT_ID,
      redirectUri: 'http://127.0.0.1:49152/callback',
      username: '10010',
      password: DEMO_PASSWORD,
    });

    const { payload } = await verifyAccessToken(provider.issuer, tokens.accessToken);
    expect(payload).toMatchObject({ sub: '10010', client_id: CLI_CLIENT_ID });
    expect(tokens.refreshToken).toEqual(expect.any(String));
  });

  test('given the CLI client, when it uses the device flow, then the person confirms in a browser and the CLI gets a token', async () => {
    const authorization = await postForm(`${provider.issuer}/device/auth`, { client_id: CLI_CLIENT_ID, scope: 'openid profile' });
    expect(authorization.status).toBe(200);
    const device = authorization.body as { device_code: string; user_code: string; verification_uri: string };
    expect(device.verification_uri).toBe(`${provider.issuer}/device`);

    const browser = new Browser(provider.issuer);
    const input = await browser.open(device.verification_uri);
    expect(input.html).toContain('<label for="user-code">Device code</label>');
    const confirm = await browser.submit(formAction(input), { xsrf: inputValue(input.html, 'xsrf'), user_code: device.user_code });
    const login = await browser.submit(formAction(confirm), {
      xsrf: inputValue(confirm.html, 'xsrf'),
      user_code: device.user_code,
      confirm: 'yes',
    });
    const done = await browser.submit(formAction(login), { username: '10047', password: DEMO_PASSWORD });
    expect(done.html).toContain('You are signed in');

    const token = await postForm(`${provider.issuer}/token`, {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: device.device_code,
      client_id: CLI_CLIENT_ID,
    });
    expect(token.status).toBe(200);
    const { payload } = await verifyAccessToken(provider.issuer, (token.body as { access_token: string }).access_token);
    expect(payload).toMatchObject({ sub: '10047', groups: [ADMINISTRATORS_GROUP], client_id: CLI_CLIENT_ID });
  });

  test('given the CLI client asking for offline_access on the device flow, when the person confirms, then its refresh token renews the access token', async () => {
    const authorization = await postForm(`${provider.issuer}/device/auth`, {
      client_id: CLI_CLIENT_ID,
      scope: 'openid profile offline_access',
    });
    const device = authorization.body as { device_code: string; user_code: string; verification_uri: string };
    await confirmDeviceSignIn({
      verificationUri: device.verification_uri,
      userCode: device.user_code,
      username: '10010',
      password: DEMO_PASSWORD,
    });
    const token = await postForm(`${provider.issuer}/token`, {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: device.device_code,
      client_id: CLI_CLIENT_ID,
    });
    const { refresh_token } = token.body as { refresh_token?: string };
    expect(refresh_token).toEqual(expect.any(String));

    const refreshed = await postForm(`${provider.issuer}/token`, {
      grant_type: 'refresh_token',
      refresh_token: refresh_token!,
      client_id: CLI_CLIENT_ID,
    });

    expect(refreshed.status).toBe(200);
    const { payload } = await verifyAccessToken(provider.issuer, (refreshed.body as { access_token: string }).access_token);
    expect(payload).toMatchObject({ sub: '10010', employee_number: '10010', client_id: CLI_CLIENT_ID });
  });

  test('given a person signed in to the portal, when the portal signs them out, then the provider confirms and returns to the portal', async () => {
    const browser = new Browser(provider.issuer);
    const login = await browser.open(authorizationUrl(PORTAL_CLIENT_ID, `${PORTAL_ORIGIN}/auth/callback`));
    const callback = await browser.submit(formAction(login), { username: '10010', password: DEMO_PASSWORD });
    expect(callback.headers.get('location')).toMatch(new RegExp(`^${PORTAL_ORIGIN}/auth/callback\\?code=`));

    const params = new URLSearchParams({ client_id: PORTAL_CLIENT_ID, post_logout_redirect_uri: `${PORTAL_ORIGIN}/` });
    const confirm = await browser.open(`${provider.issuer}/session/end?${params}`);
    expect(confirm.html).toContain('<h1>Sign out of Tenure?</h1>');
    const signedOut = await browser.submit(formAction(confirm), { xsrf: inputValue(confirm.html, 'xsrf'), logout: 'yes' });

    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`${PORTAL_ORIGIN}/`);
  });

  test('given a portal refresh token, when it is used, then a new access token for the Tenure API comes back', async () => {
    const tokens = await signInToPortal('10040');

    const refreshed = await postForm(`${provider.issuer}/token`, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken!,
      client_id: PORTAL_CLIENT_ID,
      client_secret: PORTAL_SECRET,
    });

    expect(refreshed.status).toBe(200);
    const { payload } = await verifyAccessToken(provider.issuer, (refreshed.body as { access_token: string }).access_token);
    expect(payload).toMatchObject({ sub: '10040', groups: [AUDITORS_GROUP] });
  });
});

describe('signing keys across restarts', () => {
  test('given a token issued before a restart, when the provider restarts on the same keys file, then the token still verifies', async () => {
    const directory = await scratchDirectory();
    try {
      const first = await startProviderUnderTest(directory);
      const issuedBefore = await signInWithPassword({
        issuer: first.issuer,
        clientId: CLI_CLIENT_ID,
        redirectUri: CLI_REDIRECT_URI,
        username: '10010',
        password: DEMO_PASSWORD,
      });
      const issuerBefore = first.issuer;
      await first.stop();

      const second = await startProviderUnderTest(directory, { issuer: issuerBefore, port: Number(new URL(issuerBefore).port) });
      try {
        const { payload } = await verifyAccessToken(second.issuer, issuedBefore.accessToken);
        expect(payload.sub).toBe('10010');
      } finally {
        await second.stop();
      }
    } finally {
      await removeScratch(directory);
    }
  });
});

function authorizationUrl(clientId: string, redirectUri: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  return `${provider.issuer}/auth?${params}`;
}

async function postForm(url: string, fields: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: await response.json() };
}
