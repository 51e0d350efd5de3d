import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError, ExitCode } from './exit-codes';

/** The development platform `npm start` runs (libs/launcher: gateway on 4000, libs/dev-identity-provider on 4200). */
export const DEFAULT_API_URL = 'http://localhost:4000';
export const DEFAULT_ISSUER = 'http://localhost:4200';
/** The public client the development provider registers for command-line tools (device flow, refresh tokens). */
export const DEFAULT_CLIENT_ID = 'tenure-cli';

export interface GlobalOptions {
  readonly api?: string;
  readonly issuer?: string;
  readonly json?: boolean;
}

/** Where the platform is and where credentials live, from flags, then the environment, then the defaults. */
export interface Settings {
  /** From --api or TENURE_API_URL; undefined: what the stored sign-in names, else the default. */
  readonly apiUrl: URL | undefined;
  /** From --issuer or TENURE_ISSUER; undefined: what the stored sign-in names, else the default. */
  readonly issuer: URL | undefined;
  readonly clientId: string;
  readonly configDirectory: string;
  /** TENURE_TOKEN: an access token or an administrator API token; stored credentials are not used then. */
  readonly token: string | undefined;
}

export function resolveSettings(options: GlobalOptions, env: NodeJS.ProcessEnv): Settings {
  const api = options.api ?? nonEmpty(env['TENURE_API_URL']);
  const issuer = options.issuer ?? nonEmpty(env['TENURE_ISSUER']);
  return {
    apiUrl: api === undefined ? undefined : platformUrl(api, options.api ? '--api' : 'TENURE_API_URL'),
    issuer: issuer === undefined ? undefined : platformUrl(issuer, options.issuer ? '--issuer' : 'TENURE_ISSUER'),
    clientId: nonEmpty(env['TENURE_CLIENT_ID']) ?? DEFAULT_CLIENT_ID,
    configDirectory: configDirectory(env),
    token: nonEmpty(env['TENURE_TOKEN']),
  };
}

/** TENURE_CONFIG_DIR, else $XDG_CONFIG_HOME/tenure, else ~/.config/tenure. */
export function configDirectory(env: NodeJS.ProcessEnv): string {
  const explicit = nonEmpty(env['TENURE_CONFIG_DIR']);
  if (explicit) return explicit;
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  return join(xdg ?? join(homedir(), '.config'), 'tenure');
}

/**
 * An http(s) URL without a trailing slash. Plain http only to this machine: tokens must not cross a network in
 * clear text.
 */
export function platformUrl(value: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`${source} is not a URL: "${value}" (e.g. ${DEFAULT_API_URL})`, ExitCode.USAGE);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new CliError(`${source} must be an https URL (plain http only for localhost): "${value}"`, ExitCode.USAGE);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
