import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { DEV_IDENTITY_PROVIDER_DEFAULTS, TENURE_API_AUDIENCE } from './constants';
import { createInteractionRoutes } from './interactions/interaction-routes';
import { loadOrCreateSigningKeys } from './keys/signing-key-file';
import { PersonDirectory } from './people/person-directory';
import { readHrPeople } from './people/read-hr-people';
import type { DevIdentityProviderLogger } from './logger';
import { providerConfiguration } from './provider/provider-configuration';

export type { DevIdentityProviderLogger } from './logger';

export interface DevIdentityProviderOptions {
  /** The issuer URL tokens carry and discovery advertises, e.g. http://localhost:4200 (no path). */
  readonly issuer: string;
  /** Where to listen, on every local address (IPv4 and IPv6); 0 picks a free port. */
  readonly port: number;
  /** The HR CSV file whose people can sign in (services/identity/demo/demo-company.csv in development). */
  readonly usersFile: string;
  /** The signing keys file: created once, then reused, so tokens survive restarts. */
  readonly keysFile: string;
  /** The one password of every demo person; default `tenure-demo`. */
  readonly demoPassword?: string;
  /** Employee numbers in the `tenure-administrators` group; default 10047. */
  readonly administrators?: readonly string[];
  /** Employee numbers in the `tenure-auditors` group; default 10040. */
  readonly auditors?: readonly string[];
  /** The access tokens' audience; default `tenure-api`. */
  readonly audience?: string;
  /** Access (and ID) token lifetime; default 3600. */
  readonly accessTokenTtlSeconds?: number;
  /** The portal's origin, for its redirect URIs; default http://localhost:3000. */
  readonly portalOrigin?: string;
  /** The `tenure-portal` client's secret; default `tenure-demo-portal-client-secret`. */
  readonly portalClientSecret?: string;
  /** Keys that sign the provider's cookies; random (sessions end with the process) when not given. */
  readonly cookieKeys?: readonly string[];
  /** The clock deciding who is employed today; default the system clock. */
  readonly now?: () => Date;
  readonly logger?: DevIdentityProviderLogger;
}

/** A development OpenID Connect provider: not listening until `start()`. */
export interface DevIdentityProvider {
  readonly issuer: string;
  /** Reads the people and keys, then listens. Rejects on a bad file, a role naming nobody, or a port in use. */
  start(): Promise<void>;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
  /** The port listened on (after `start()`); useful with port 0. */
  readonly port: number;
}

/** Thrown for wrong options, an unreadable HR file, a port in use, or a provider used before it started. */
export class DevIdentityProviderError extends Error {
  constructor(problem: string) {
    super(`development identity provider: ${problem}`);
    this.name = 'DevIdentityProviderError';
  }
}

/** The development OpenID Connect provider (oidc-provider) with its own login page, over the HR file's people. */
export function createDevIdentityProvider(options: DevIdentityProviderOptions): DevIdentityProvider {
  const issuer = validIssuer(options.issuer);
  const now = options.now ?? (() => new Date());
  const logger = options.logger;
  let server: Server | undefined;
  let started = false;

  return {
    issuer,
    get port(): number {
      const address = server?.address();
      if (!address || typeof address === 'string') throw new DevIdentityProviderError('not listening; call start() first');
      return (address as AddressInfo).port;
    },

    async start(): Promise<void> {
      if (started) throw new DevIdentityProviderError('start() was already called; create another provider to start again');
      started = true;
      const directory = await loadDirectory(options, logger);
      const jwks = await loadOrCreateSigningKeys(options.keysFile);
      const provider = new Provider(
        issuer,
        providerConfiguration({
          directory,
          jwks,
          audience: options.audience ?? TENURE_API_AUDIENCE,
          accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEV_IDENTITY_PROVIDER_DEFAULTS.accessTokenTtlSeconds,
          portalOrigin: (options.portalOrigin ?? DEV_IDENTITY_PROVIDER_DEFAULTS.portalOrigin).replace(/\/+$/, ''),
          portalClientSecret: options.portalClientSecret ?? DEV_IDENTITY_PROVIDER_DEFAULTS.portalClientSecret,
          cookieKeys: options.cookieKeys?.length ? options.cookieKeys : [randomBytes(32).toString('base64url')],
        }),
      );
      provider.on('server_error', (_ctx, error: Error) => logger?.error({ err: error }, 'identity provider request failed'));

      const handleInteraction = createInteractionRoutes({
        provider,
        directory,
        today: () => now().toISOString().slice(0, 10),
        logger,
      });
      const handleProtocol = provider.callback();
      const listening = createServer((req, res) => {
        handleInteraction(req, res).then(
          (handled) => {
            if (!handled) void handleProtocol(req, res);
          },
          (error: unknown) => {
            logger?.error({ err: error }, 'sign-in interaction failed');
            if (!res.headersSent) res.writeHead(500).end();
          },
        );
      });
      await listen(listening, options.port);
      server = listening;
    },

    async stop(): Promise<void> {
      const stopping = server;
      server = undefined;
      if (!stopping) return;
      await new Promise<void>((resolve, reject) => {
        stopping.close((error) => (error ? reject(error) : resolve()));
        stopping.closeAllConnections();
      });
    },
  };
}

async function loadDirectory(options: DevIdentityProviderOptions, logger: DevIdentityProviderLogger | undefined): Promise<PersonDirectory> {
  const text = await readFile(options.usersFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DevIdentityProviderError(`cannot read the HR file ${options.usersFile} (${error.code ?? error.message})`);
  });
  const { people, problems } = readHrPeople(text, options.usersFile);
  if (problems.length > 0) logger?.warn({ usersFile: options.usersFile, problems }, 'some people of the HR file cannot sign in');
  return new PersonDirectory(
    people,
    {
      administrators: options.administrators ?? DEV_IDENTITY_PROVIDER_DEFAULTS.administrators,
      auditors: options.auditors ?? DEV_IDENTITY_PROVIDER_DEFAULTS.auditors,
    },
    options.demoPassword ?? DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
    options.usersFile,
  );
}

function validIssuer(issuer: string): string {
  const url = URL.parse(issuer);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new DevIdentityProviderError(`issuer ${issuer} is not an http(s) URL`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new DevIdentityProviderError(`issuer ${issuer} must be an origin only, like http://localhost:4200 (no path)`);
  }
  return url.origin;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new DevIdentityProviderError(`port ${port} is already in use`) : error);
    };
    server.once('error', onError);
    // No host: every local address, IPv4 and IPv6, so both localhost resolutions reach it.
    server.listen(port, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
