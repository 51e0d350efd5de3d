import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { migrate } from '@tenure/event-store-postgres';
import { createTestDatabase, TestIssuer, type TestDatabase } from '@tenure/testing';
import { RoundRobinBalancer } from './balancer';
import { ServiceInstance } from './service-instance';
import { REPOSITORY_ROOT } from './setup-tools';

export const SERVICES = ['identity', 'policy', 'workflow', 'connector'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const CHAOS_ADMIN_TOKEN = 'tenure-chaos-admin-token';
export const CHAOS_SCIM_TOKEN = 'tenure-chaos-scim-token';

/** What every process of the run shares: the database and the secrets, fresh for each run. */
export interface PlatformSecrets {
  readonly databaseUrl: string;
  readonly personalDataKey: string;
  readonly connectorCredentialsKey: string;
  readonly callerTokenSecret: string;
}

// Settings that make a run of minutes show what production shows in hours: provisioning polls
// often, retries start after a short wait, runs a killed instance left are ended within seconds, and the gateway does not throttle the one test client.
// The mass-change guard is opened (no share rule, a count no run reaches): the harness is a trusted
// HR feed whose bursts of terminations are the point of the test (the guard has its own tests).
const SERVICE_ENV: Record<ServiceName, Record<string, string>> = {
  identity: { SCIM_TOKENS: CHAOS_SCIM_TOKEN, MASS_CHANGE_MIN_COUNT_FOR_SHARE: '1000000', MASS_CHANGE_MAX_COUNT: '1000000' },
  policy: {},
  workflow: {},
  connector: {
    CONNECTOR_PROVISIONING_POLL_MS: '200',
    CONNECTOR_PROVISIONING_MAX_ATTEMPTS: '12',
    CONNECTOR_RECONCILIATION_SCHEDULER: 'off',
    CONNECTOR_RECONCILIATION_SWEEP_MS: '2000',
  },
};

/**
 * The four services, each run as `instances` processes on one database behind a round-robin
 * balancer, and the gateway in front of the balancers, trusting the run's test OpenID issuer.
 */
export class ChaosPlatform {
  private constructor(
    readonly database: TestDatabase,
    readonly secrets: PlatformSecrets,
    readonly issuer: TestIssuer,
    readonly instances: readonly ServiceInstance[],
    private readonly balancers: readonly RoundRobinBalancer[],
    readonly gateway: ServiceInstance,
  ) {}

  /** The database with the event store's schema, and the run's secrets: for the setup tools before the services start. */
  static async prepare(): Promise<{ database: TestDatabase; secrets: PlatformSecrets }> {
    const database = await createTestDatabase(4);
    await migrate(database.pool);
    const secrets: PlatformSecrets = {
      databaseUrl: database.url,
      personalDataKey: randomBytes(32).toString('base64'),
      connectorCredentialsKey: randomBytes(32).toString('base64'),
      callerTokenSecret: randomBytes(32).toString('base64url'),
    };
    return { database, secrets };
  }

  static async start(database: TestDatabase, secrets: PlatformSecrets, instancesPerService: number): Promise<ChaosPlatform> {
    const issuer = await TestIssuer.start();
    const instances: ServiceInstance[] = [];
    const balancers: RoundRobinBalancer[] = [];
    const urls: Record<string, string> = {};
    // Every instance at once, as an orchestrator starts replicas: their start-up races are part of the test.
    const settled = await Promise.allSettled(
      SERVICES.flatMap((service) =>
        Array.from({ length: instancesPerService }, (_, n) =>
          ServiceInstance.start(`${service}-${n + 1}`, serviceScript(service), serviceEnv(service, secrets)),
        ),
      ),
    );
    const started = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((instance) => instance.stop()));
      await issuer.stop();
      throw failed.reason;
    }
    for (const service of SERVICES) {
      const mine = started.filter((instance) => instance.name.startsWith(`${service}-`));
      instances.push(...mine);
      const balancer = await RoundRobinBalancer.start(() => mine.map((instance) => instance.port));
      balancers.push(balancer);
      urls[`${service.toUpperCase()}_URL`] = `http://127.0.0.1:${balancer.port}/graphql`;
    }
    const gateway = await ServiceInstance.start('gateway', join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), {
      ...urls,
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: issuer.issuer,
      ADMIN_TOKENS: CHAOS_ADMIN_TOKEN,
      CALLER_TOKEN_SECRET: secrets.callerTokenSecret,
      RATE_LIMIT_MAX_REQUESTS: '1000000',
    });
    return new ChaosPlatform(database, secrets, issuer, instances, balancers, gateway);
  }

  get origin(): string {
    return this.gateway.origin;
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await Promise.all(this.instances.map((instance) => instance.stop()));
    await Promise.all(this.balancers.map((balancer) => balancer.close()));
    await this.issuer.stop();
  }
}

function serviceScript(service: ServiceName): string {
  return join(REPOSITORY_ROOT, 'services', service, 'dist', 'main.js');
}

function serviceEnv(service: ServiceName, secrets: PlatformSecrets): Record<string, string> {
  return {
    DATABASE_URL: secrets.databaseUrl,
    LOG_LEVEL: 'warn',
    ADMIN_TOKENS: CHAOS_ADMIN_TOKEN,
    CALLER_TOKEN_SECRET: secrets.callerTokenSecret,
    PERSONAL_DATA_KEY: secrets.personalDataKey,
    ...(service === 'connector' ? { CONNECTOR_CREDENTIALS_KEY: secrets.connectorCredentialsKey } : {}),
    ...SERVICE_ENV[service],
  };
}
