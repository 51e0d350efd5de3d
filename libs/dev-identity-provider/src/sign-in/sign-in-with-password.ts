import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { SUPPORTED_SCOPES } from '../constants';
import { INTERACTION_PATH_PREFIX, loginFormPath } from '../interactions/interaction-paths';
import { CookieJar } from './cookie-jar';
import { SignInFailedError, SignInRefusedError } from './sign-in-errors';

export interface SignInWithPasswordOptions {
  /** The provider's issuer URL, e.g. http://localhost:4200. */
  readonly issuer: string;
  readonly clientId: string;
  /** For a confidential client (`tenure-portal`); sent in the token request body (client_secret_post). */
  readonly clientSecret?: string;
  /** One of the client's registered redirect URIs; it is never requested, only recognised. */
  readonly redirectUri: string;
  /** Employee number or email. */
  readonly username: string;
  readonly password: string;
  /** Default `openid profile email offline_access` (offline_access is dropped for clients without refresh tokens). */
  readonly scope?: string;
}

export interface SignInTokens {
  readonly accessToken: string;
  readonly idToken: string;
  /** Only for clients allowed refresh tokens that asked for offline_access. */
  readonly refreshToken?: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
}

interface ProviderMetadata {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

const MAX_STEPS = 20;

/**
 * Signs in as a browser would, over HTTP: the authorization request with PKCE, the provider's login form, its
 * redirects and cookies, then the code exchanged at the token endpoint. For tests and `npm run sign-in`.
 * Rejects with SignInRefusedError for a wrong user name or password, SignInFailedError for anything else.
 */
export async function signInWithPassword(options: SignInWithPasswordOptions): Promise<SignInTokens> {
  const metadata = await discover(options.issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');

  const scope = options.scope ?? SUPPORTED_SCOPES.join(' ');
  const authorization = new URL(metadata.authorization_endpoint);
  authorization.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce,
    // OpenID Connect ignores offline_access unless consent is asked for (Core 1.0, 11); consent is automatic here.
    ...(scope.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
  }).toString();

  const callback = await walkToCallback(authorization, options);
  const error = callback.searchParams.get('error');
  if (error)
    throw new SignInFailedError(
      `the provider refused the authorization request: ${error} ${callback.searchParams.get('error_description') ?? ''}`.trim(),
    );
  if (callback.searchParams.get('state') !== state) throw new SignInFailedError('the callback carried another state than the request sent');
  const code = callback.searchParams.get('code');
  if (!code) throw new SignInFailedError('the callback carried no authorization code');

  const tokens = await exchangeCode(metadata.token_endpoint, code, verifier, options);
  if (decodeJwt(tokens.idToken)['nonce'] !== nonce) throw new SignInFailedError('the ID token carries another nonce than the request sent');
  return tokens;
}

/** Follows redirects, submitting the login form once, until the provider redirects to the client's redirect URI. */
async function walkToCallback(start: URL, options: SignInWithPasswordOptions): Promise<URL> {
  const jar = new CookieJar();
  const redirectUri = new URL(options.redirectUri);
  let response = await send(jar, start, 'GET');
  let url = start;
  let loginSubmitted = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      if (isSameEndpoint(url, redirectUri)) return url;
      // Cookies and the password go to the provider only.
      if (url.origin !== start.origin)
        throw new SignInFailedError(`the provider redirected to ${url.origin}${url.pathname}, not to ${options.redirectUri}`);
      response = await send(jar, url, 'GET');
      continue;
    }
    if (response.status === 401 && loginSubmitted) throw new SignInRefusedError();
    const interactionUid = loginPageInteraction(response, url);
    if (interactionUid !== undefined && !loginSubmitted) {
      loginSubmitted = true;
      url = new URL(loginFormPath(interactionUid), url);
      response = await send(jar, url, 'POST', new URLSearchParams({ username: options.username, password: options.password }));
      continue;
    }
    throw new SignInFailedError(`unexpected answer ${response.status} from ${url.origin}${url.pathname} while signing in`);
  }
  throw new SignInFailedError(`no redirect to ${options.redirectUri} after ${MAX_STEPS} steps`);
}

/** The interaction whose login page this is, if it is one. */
function loginPageInteraction(response: Answer, url: URL): string | undefined {
  const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (response.status !== 200 || !isHtml || !url.pathname.startsWith(INTERACTION_PATH_PREFIX)) return undefined;
  const uid = url.pathname.slice(INTERACTION_PATH_PREFIX.length);
  return uid && !uid.includes('/') ? decodeURIComponent(uid) : undefined;
}

/** A response read to its end, so its connection is free for the next step. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
}

async function send(jar: CookieJar, url: URL, method: 'GET' | 'POST', form?: URLSearchParams): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'text/html' };
  const cookie = jar.headerFor(url);
  if (cookie) headers['cookie'] = cookie;
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  let response: Response;
  try {
    response = await fetch(url, { method, headers, redirect: 'manual', ...(form ? { body: form.toString() } : {}) });
  } catch (error) {
    throw new SignInFailedError(`cannot reach ${url.origin} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  jar.store(url, response.headers.getSetCookie());
  await response.arrayBuffer();
  return { status: response.status, headers: response.headers };
}

async function discover(issuer: string): Promise<ProviderMetadata> {
  const url = new URL('/.well-known/openid-configuration', issuer);
  const metadata = (await fetchJson(url, { headers: { accept: 'application/json' } })) as Partial<ProviderMetadata>;
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string') {
    throw new SignInFailedError(`${url} names no authorization or token endpoint`);
  }
  return metadata as ProviderMetadata;
}

async function exchangeCode(
  tokenEndpoint: string,
  code: string,
  verifier: string,
  options: SignInWithPasswordOptions,
): Promise<SignInTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: options.redirectUri,
    code_verifier: verifier,
    client_id: options.clientId,
    ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
  });
  const answer = (await fetchJson(new URL(tokenEndpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: body.toString(),
  })) as Record<string, unknown>;
  const { access_token, id_token, refresh_token, expires_in } = answer;
  if (typeof access_token !== 'string' || typeof id_token !== 'string' || typeof expires_in !== 'number') {
    throw new SignInFailedError('the token endpoint answered without an access token, ID token or expiry');
  }
  return {
    accessToken: access_token,
    idToken: id_token,
    ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
    expiresIn: expires_in,
  };
}

async function fetchJson(url: URL, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new SignInFailedError(`cannot reach ${url.origin} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SignInFailedError(`${url.origin}${url.pathname} answered ${response.status} with something other than JSON`);
  }
  if (!response.ok) {
    const { error, error_description } = json as { error?: string; error_description?: string };
    throw new SignInFailedError(
      `${url.origin}${url.pathname} answered ${response.status}: ${error ?? 'error'} ${error_description ?? ''}`.trim(),
    );
  }
  return json;
}

function isSameEndpoint(url: URL, endpoint: URL): boolean {
  return url.protocol === endpoint.protocol && url.host === endpoint.host && url.pathname === endpoint.pathname;
}
