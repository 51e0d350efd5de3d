import { personalDataMasterKeyFrom } from '@tenure/personal-data';
import { loadConfig } from '@tenure/platform';
import { CONTAINER_PORT, GATEWAY, PORTAL, SERVICES, type DeployedApp } from './support/apps';
import {
  gatewayConfigSchema,
  gatewaySubgraphs,
  generatedSecret,
  readPortalConfig,
  requiredVariables,
  serviceConfigSchema,
  type ConfigSchema,
} from './support/app-configuration';
import { COMPOSE_FILE, composeEnvironment, composeService, readComposeFile, readEnvExample } from './support/compose';
import {
  containerEnvironment,
  findObject,
  objectsOfKind,
  onlyContainer,
  readManifests,
  type ConfigMap,
  type Deployment,
} from './support/kubernetes';
import { readRepositoryFile } from './support/repository';

/**
 * Each app's environment in each topology, judged by the app's own configuration code: what it
 * requires, what production requires beyond its schema, and where it finds the others.
 */
interface Topology {
  readonly name: string;
  /** The environment the app's container gets; optional secrets (ADMIN_TOKENS...) set or left out. */
  environment(app: DeployedApp, withOptionalSecrets: boolean): Record<string, string>;
  /** Where a secret variable comes from: the .env variable or the Secret key. */
  secretSource(app: DeployedApp, variable: string): string | undefined;
  /** The host name the gateway, the portal and the services find an app at. */
  hostOf(app: DeployedApp): string;
}

const compose: Topology = (() => {
  const file = readComposeFile();
  const text = readRepositoryFile(...COMPOSE_FILE);
  const required = new Set([...text.matchAll(/\$\{([A-Z0-9_]+):?\?/g)].map((match) => match[1]!));
  const example = readEnvExample().values;
  const variables = (withOptionalSecrets: boolean) => {
    const values = new Map(example);
    for (const [name, value] of example) {
      if (value !== '') continue;
      if (name === 'OIDC_ISSUER') values.set(name, 'https://sign-in.example.com');
      else if (name === 'PORTAL_ORIGIN') values.set(name, 'https://tenure.example.com');
      else if (required.has(name) || withOptionalSecrets) values.set(name, generatedSecret(name));
    }
    return values;
  };
  return {
    name: 'compose',
    environment: (app, withOptionalSecrets) => composeEnvironment(composeService(file, app.name), variables(withOptionalSecrets)),
    secretSource: (app, variable) => {
      const raw = composeService(file, app.name).environment?.[variable];
      return typeof raw === 'string' ? /\$\{([A-Z0-9_]+)/.exec(raw)?.[1] : undefined;
    },
    hostOf: (app) => `${app.name}:${CONTAINER_PORT}`,
  };
})();

const kubernetes: Topology = (() => {
  const manifests = readManifests();
  const configMaps = objectsOfKind<ConfigMap>(manifests, 'ConfigMap');
  const container = (app: DeployedApp) => onlyContainer(findObject<Deployment>(manifests, 'Deployment', app.name));
  return {
    name: 'kubernetes',
    environment: (app, withOptionalSecrets) => {
      const { values, secrets } = containerEnvironment(container(app), configMaps);
      for (const reference of secrets)
        if (!reference.optional || withOptionalSecrets) values[reference.variable] = generatedSecret(reference.key);
      return values;
    },
    secretSource: (app, variable) => {
      const reference = (container(app).env ?? []).find((candidate) => candidate.name === variable)?.valueFrom?.secretKeyRef;
      return reference ? `${reference.name}/${reference.key}` : undefined;
    },
    // Services listen on port 80 (deploy/kubernetes/*.yaml) and forward to the container's.
    hostOf: (app) => app.name,
  };
})();

describe.each([compose, kubernetes].map((topology) => [topology.name, topology] as const))('%s', (_name, topology) => {
  describe.each([
    ['without the optional secrets', false],
    ['with the optional secrets', true],
  ] as const)('%s', (_variant, withOptionalSecrets) => {
    it.each(SERVICES.map((app) => [app.name, app] as const))(
      '%s starts in production by its configuration schema, listening where the others look',
      async (_service, app) => {
        const schema = await serviceConfigSchema(app);
        const environment = topology.environment(app, withOptionalSecrets);
        const missing = requiredVariables(schema).filter((name) => !environment[name]);
        expect(missing).toEqual([]);
        const config = loadConfig(schema as never, environment) as Record<string, unknown>;
        expect(config).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: CONTAINER_PORT });
        // Production refuses to start without the personal data master key (checked at start, beside the schema).
        expect(personalDataMasterKeyFrom({ ...environment })).not.toBeNull();
        // Without it the services accept no caller the gateway vouches for.
        expect(environment['CALLER_TOKEN_SECRET']?.length).toBeGreaterThanOrEqual(32);
        expect(environment['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
        if (app.name === 'connector') expect(config['CONNECTOR_CREDENTIALS_KEY']).toEqual(expect.any(String));
      },
    );

    it('the gateway starts in production with sign-in, finding every subgraph by its service name', async () => {
      const environment = topology.environment(GATEWAY, withOptionalSecrets);
      const schema: ConfigSchema = await gatewayConfigSchema();
      expect(requiredVariables(schema).filter((name) => !environment[name])).toEqual([]);
      const config = loadConfig(schema as never, environment) as Record<string, unknown>;
      expect(config).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: CONTAINER_PORT });
      // With OIDC_ISSUER the gateway refuses to start without CALLER_TOKEN_SECRET (gateway/src/server.ts).
      expect(config['OIDC_ISSUER']).toMatch(/^https:\/\//);
      expect(String(config['CALLER_TOKEN_SECRET']).length).toBeGreaterThanOrEqual(32);
      // Unset, a subgraph keeps the supergraph's loopback URL, which no container answers.
      for (const subgraph of await gatewaySubgraphs()) {
        const app = SERVICES.find((candidate) => candidate.name === subgraph.name)!;
        expect(environment[subgraph.urlVariable]).toBe(`http://${topology.hostOf(app)}/graphql`);
      }
      expect(environment['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
    });

    it('the portal reads a production configuration: no development default, the gateway by its service name', async () => {
      const environment = topology.environment(PORTAL, withOptionalSecrets);
      const config = (await readPortalConfig())(environment);
      expect(config.gatewayUrl).toBe(`http://${topology.hostOf(GATEWAY)}`);
      expect(config.issuer.href).toBe(new URL(topology.environment(GATEWAY, withOptionalSecrets)['OIDC_ISSUER']!).href);
      expect(config.origin.protocol).toBe('https:');
      expect(config.clientSecret).not.toBe('tenure-demo-portal-client-secret');
      expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
      expect(environment['PORT']).toBe(String(CONTAINER_PORT));
      expect(environment['NODE_ENV']).toBe('production');
    });
  });

  it('gives the gateway and every service the same CALLER_TOKEN_SECRET, and every service the same PERSONAL_DATA_KEY and database', () => {
    const gatewaySource = topology.secretSource(GATEWAY, 'CALLER_TOKEN_SECRET');
    expect(gatewaySource).toBeDefined();
    for (const app of SERVICES) {
      expect([app.name, topology.secretSource(app, 'CALLER_TOKEN_SECRET')]).toEqual([app.name, gatewaySource]);
      expect([app.name, topology.secretSource(app, 'PERSONAL_DATA_KEY')]).toEqual([
        app.name,
        topology.secretSource(SERVICES[0]!, 'PERSONAL_DATA_KEY'),
      ]);
      expect(topology.environment(app, false)['DATABASE_URL']).toBeDefined();
    }
    const databases = new Set(
      SERVICES.map((app) => topology.secretSource(app, 'DATABASE_URL') ?? topology.environment(app, false)['DATABASE_URL']),
    );
    expect(databases.size).toBe(1);
  });
});
