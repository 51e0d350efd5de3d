import path from 'node:path';
import { APPS, CONTAINER_PORT, SECRET_NAME, SERVICES, GATEWAY, PORTAL } from './support/apps';
import { generatedSecret } from './support/app-configuration';
import {
  COMPOSE_FILE,
  composeEnvironment,
  composeService,
  interpolate,
  MissingVariable,
  readComposeFile,
  readEnvExample,
  referencedVariables,
  type ComposeService,
} from './support/compose';
import { composeValidator, describeSchemaErrors } from './support/compose-schema';
import { readRepositoryFile, readYamlDocument, repositoryFileExists, REPOSITORY_ROOT } from './support/repository';

const EVENT_STREAMING = ['eventstoredb', 'kafka'];
const COMPOSE_DIRECTORY = path.join(REPOSITORY_ROOT, ...COMPOSE_FILE.slice(0, -1));

/** .env as an operator fills it in: the example's values, and generated ones where it leaves them empty. */
function filledEnv(): Map<string, string> {
  const values = new Map(readEnvExample().values);
  for (const [name, value] of values) {
    if (value !== '') continue;
    if (name === 'OIDC_ISSUER') values.set(name, 'https://sign-in.example.com');
    else if (name === 'PORTAL_ORIGIN') values.set(name, 'https://tenure.example.com');
    else values.set(name, generatedSecret(name));
  }
  return values;
}

/** Interpolates every string of a parsed compose file, as Docker Compose does before using it. */
function interpolated(value: unknown, variables: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return interpolate(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolated(item, variables));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolated(item, variables)]));
  }
  return value;
}

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('deploy/compose/compose.yaml', () => {
  const compose = readComposeFile();
  const validate = composeValidator();

  it('is valid against the Compose Specification JSON schema once interpolated, as Docker Compose checks it', () => {
    const withValues = interpolated(readYamlDocument(...COMPOSE_FILE), filledEnv());
    expect(validate(withValues) ? '' : describeSchemaErrors(validate.errors)).toBe('');
  });

  it('has a schema check that refuses a misspelt key or a wrong type', () => {
    const withValues = interpolated(readYamlDocument(...COMPOSE_FILE), filledEnv()) as {
      services: Record<string, Record<string, unknown>>;
    };
    const misspelt = structuredClone(withValues);
    misspelt.services['identity']!['healthchek'] = misspelt.services['identity']!['healthcheck'];
    expect(validate(misspelt)).toBe(false);
    const wrongType = structuredClone(withValues);
    wrongType.services['policy']!['deploy'] = { replicas: 'two' };
    expect(validate(wrongType)).toBe(false);
  });

  it('runs PostgreSQL, the four services, the gateway, the portal and the collector; EventStoreDB and Kafka only in a profile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['postgres', ...APPS.map((app) => app.name), 'otel-collector', ...EVENT_STREAMING].sort(),
    );
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, service.profiles]).toEqual([name, EVENT_STREAMING.includes(name) ? ['event-streaming'] : undefined]);
    }
  });

  it('runs every service twice', () => {
    for (const app of SERVICES) expect([app.name, composeService(compose, app.name).deploy?.replicas]).toEqual([app.name, 2]);
  });

  it('does not pretend the services use EventStoreDB or Kafka: no app depends on them or is configured for them', () => {
    const text = readRepositoryFile(...COMPOSE_FILE);
    expect(text).toContain('THE SERVICES DO NOT USE THEM');
    for (const app of APPS) {
      const service = composeService(compose, app.name);
      expect(Object.keys(service.depends_on ?? {}).filter((name) => EVENT_STREAMING.includes(name))).toEqual([]);
      const environment = JSON.stringify(service.environment ?? {});
      expect(environment).not.toMatch(/eventstoredb|kafka|ESDB_URL|KAFKA_BROKERS/i);
    }
    // And the services' configuration indeed has no setting that would select another store.
    for (const app of SERVICES) expect(readRepositoryFile(app.folder, 'src', 'config.ts')).not.toMatch(/ESDB|KAFKA|EVENT_STORE/);
  });

  it('builds each app from deploy/docker/Dockerfile with its folder and target, from the repository root', () => {
    for (const app of APPS) {
      const build = composeService(compose, app.name).build;
      expect(path.resolve(COMPOSE_DIRECTORY, build?.context ?? '')).toBe(REPOSITORY_ROOT);
      expect(build?.dockerfile).toBe('deploy/docker/Dockerfile');
      expect(repositoryFileExists(build?.dockerfile ?? '')).toBe(true);
      expect(build?.target).toBe(app.target);
      expect(build?.args).toEqual({ APP: app.folder });
      expect(repositoryFileExists(app.folder, 'package.json')).toBe(true);
      expect(composeService(compose, app.name).image).toBe(`\${TENURE_IMAGE_PREFIX:-tenure}/${app.name}:\${TENURE_VERSION:-0.1.0}`);
    }
  });

  it("runs each app with the image's own command, read-only, without capabilities", () => {
    for (const app of APPS) {
      const service = composeService(compose, app.name);
      expect([app.name, service.command, service.entrypoint]).toEqual([app.name, undefined, undefined]);
      expect([app.name, service.read_only, service.cap_drop, service.security_opt]).toEqual([
        app.name,
        true,
        ['ALL'],
        ['no-new-privileges:true'],
      ]);
      expect(service.tmpfs).toContain('/tmp');
      expect(service.env_file).toBeUndefined();
    }
    expect(composeService(compose, PORTAL.name).tmpfs).toContain('/app/web/.next/cache');
  });

  it('publishes only the gateway and the portal', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === GATEWAY.name || name === PORTAL.name) {
        expect(service.ports).toEqual([expect.stringMatching(new RegExp(`:${CONTAINER_PORT}$`))]);
      } else if (EVENT_STREAMING.includes(name)) {
        // For the contract tests on the host: loopback only.
        for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
      } else {
        expect([name, service.ports]).toEqual([name, undefined]);
      }
    }
  });

  it('waits for readiness: services for PostgreSQL, the gateway for every service, the portal for the gateway', () => {
    for (const app of APPS) {
      expect(healthcheckCommand(composeService(compose, app.name))).toContain(`'http://127.0.0.1:${CONTAINER_PORT}${app.readinessPath}'`);
    }
    for (const app of SERVICES)
      expect(composeService(compose, app.name).depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(composeService(compose, GATEWAY.name).depends_on).toEqual(
      Object.fromEntries(SERVICES.map((app) => [app.name, { condition: 'service_healthy' }])),
    );
    expect(composeService(compose, PORTAL.name).depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });

  it('sends the services’ and the gateway’s traces to the collector, whose configuration it mounts', () => {
    for (const app of [...SERVICES, GATEWAY]) {
      expect(composeService(compose, app.name).environment?.['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
    }
    const mounts = composeService(compose, 'otel-collector').volumes ?? [];
    expect(mounts).toEqual(['../otel-collector/config.yaml:/etc/otelcol/config.yaml:ro']);
    expect(repositoryFileExists('deploy', 'otel-collector', 'config.yaml')).toBe(true);
    expect(composeService(compose, 'otel-collector').command).toEqual(['--config=/etc/otelcol/config.yaml']);
  });

  describe('secrets', () => {
    const example = readEnvExample();

    it('documents in .env.example every variable compose.yaml reads', () => {
      const referenced = [...referencedVariables(readRepositoryFile(...COMPOSE_FILE))].sort();
      expect(referenced.filter((name) => !example.documented.has(name))).toEqual([]);
    });

    it('commits no secret value: every secret in .env.example is empty', () => {
      const filled = [...example.values].filter(([name, value]) => SECRET_NAME.test(name) && value !== '');
      expect(filled).toEqual([]);
    });

    it('refuses to start while a required secret is missing (`${NAME:?…}`)', () => {
      const required = [
        'POSTGRES_PASSWORD',
        'CALLER_TOKEN_SECRET',
        'PERSONAL_DATA_KEY',
        'CONNECTOR_CREDENTIALS_KEY',
        'PORTAL_SESSION_SECRET',
        'OIDC_CLIENT_SECRET',
      ];
      for (const name of required) {
        const values = filledEnv();
        values.set(name, '');
        expect(() => Object.values(compose.services).forEach((service) => composeEnvironment(service, values))).toThrow(MissingVariable);
      }
      // With the example as committed (secrets empty), nothing starts.
      expect(() => composeEnvironment(composeService(compose, 'identity'), example.values)).toThrow(MissingVariable);
    });

    it('gives each container only the secrets it uses', () => {
      const names = (app: string) => Object.keys(composeService(compose, app).environment ?? {}).filter((name) => SECRET_NAME.test(name));
      expect(names(PORTAL.name).sort()).toEqual(['OIDC_CLIENT_SECRET', 'PORTAL_SESSION_SECRET']);
      expect(names(GATEWAY.name).sort()).toEqual(['ADMIN_TOKENS', 'CALLER_TOKEN_SECRET']);
      expect(names('connector')).toContain('CONNECTOR_CREDENTIALS_KEY');
      for (const app of ['identity', 'policy', 'workflow', GATEWAY.name, PORTAL.name])
        expect(names(app)).not.toContain('CONNECTOR_CREDENTIALS_KEY');
      for (const app of [GATEWAY.name, PORTAL.name]) expect(names(app)).not.toContain('PERSONAL_DATA_KEY');
    });
  });
});
