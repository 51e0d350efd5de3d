import { resolve } from 'node:path';
import { PlatformProcess } from './platform-process';

const REPOSITORY_ROOT = resolve(__dirname, '../../../..');
const SERVICES = ['identity', 'policy', 'workflow', 'connector'] as const;
type ServiceName = (typeof SERVICES)[number];

/** The bench's administrator API token, handed to the gateway (which passes it on as it is) and every service. */
export const BENCH_ADMIN_TOKEN = 'tenure-bench-admin-token';
const BENCH_CALLER_TOKEN_SECRET = 'tenure-bench-caller-token-secret-0123456789';

/**
 * The gateway's per-client rate limit, raised far above the measured rate: the benchmark is one client
 * sending 100 requests/s, which a limit meant for people and integrations would throttle. Variables a
 * gateway build does not know are ignored.
 */
const UNTHROTTLED_GATEWAY = { RATE_LIMIT_MAX_REQUESTS: '1000000' };

// Background work that would compete with the measured queries for the two cores: reconciliation
// is not part of what is measured. Provisioning polls often so that the setup's grants go fast.
const SERVICE_SPECIFIC_ENV: Partial<Record<ServiceName, Record<string, string>>> = {
  connector: { CONNECTOR_RECONCILIATION_SCHEDULER: 'off', CONNECTOR_PROVISIONING_POLL_MS: '100' },
};

/** The four services and the gateway, each its own process on loopback, all on one database as the launcher runs them. */
export class BenchPlatform {
  private constructor(
    readonly services: Readonly<Record<ServiceName, PlatformProcess>>,
    private gatewayProcess: PlatformProcess | undefined,
  ) {}

  /** Starts the services together and waits until each is ready; the gateway comes later (`startGateway`). */
  static async startServices(databaseUrl: string): Promise<BenchPlatform> {
    const starting = SERVICES.map((name) =>
      PlatformProcess.start(name, resolve(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        ADMIN_TOKENS: BENCH_ADMIN_TOKEN,
        CALLER_TOKEN_SECRET: BENCH_CALLER_TOKEN_SECRET,
        ...SERVICE_SPECIFIC_ENV[name],
      }),
    );
    const settled = await Promise.allSettled(starting);
    const started = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((service) => service.stop()));
      throw failed.reason;
    }
    return new BenchPlatform(
      Object.fromEntries(SERVICES.map((name, n) => [name, started[n]!])) as Record<ServiceName, PlatformProcess>,
      undefined,
    );
  }

  /** The gateway, trusting `oidcIssuer` for people's access tokens besides the bench's administrator API token. */
  async startGateway(oidcIssuer: string): Promise<PlatformProcess> {
    this.gatewayProcess = await PlatformProcess.start('gateway', resolve(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), {
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: oidcIssuer,
      ADMIN_TOKENS: BENCH_ADMIN_TOKEN,
      CALLER_TOKEN_SECRET: BENCH_CALLER_TOKEN_SECRET,
      ...Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_URL`, this.services[name].graphqlUrl])),
      ...UNTHROTTLED_GATEWAY,
    });
    return this.gatewayProcess;
  }

  get gateway(): PlatformProcess {
    if (!this.gatewayProcess) throw new Error('the gateway is not started');
    return this.gatewayProcess;
  }

  /** Peak resident memory of each process so far, in MB (rounded), by name. */
  peakRssMb(): Record<string, number | undefined> {
    const processes = [...Object.values(this.services), ...(this.gatewayProcess ? [this.gatewayProcess] : [])];
    return Object.fromEntries(processes.map((process) => [process.name, process.peakRssMb()]));
  }

  async stop(): Promise<void> {
    await this.gatewayProcess?.stop();
    await Promise.all(Object.values(this.services).map((service) => service.stop()));
  }
}
