import { APPS, SERVICES } from './support/apps';
import { findObject, onlyContainer, readManifests, type ConfigMap, type Deployment, type Service } from './support/kubernetes';
import { isRecord, readRepositoryFile, readYamlDocument, repositoryFileExists } from './support/repository';
import { parse } from 'yaml';

/** The paths an app's own code answers, read from its sources: the probes may ask only these. */
function servedProbePaths(kind: 'service' | 'gateway' | 'portal'): string[] {
  if (kind === 'service') {
    // Every service mounts the runtime's HealthController (libs/service-runtime).
    const controller = readRepositoryFile('libs', 'service-runtime', 'src', 'health', 'health.controller.ts');
    return [...controller.matchAll(/@Get\('([a-z]+)'\)/g)].map((match) => `/${match[1]}`);
  }
  if (kind === 'gateway') {
    const server = readRepositoryFile('gateway', 'src', 'server.ts');
    return [...server.matchAll(/app\.get\('(\/[a-z]+)'/g)].map((match) => match[1]!);
  }
  // Next.js App Router: web/app/<path>/route.ts answers GET <path> when it exports GET.
  return ['health', 'ready']
    .filter(
      (name) =>
        repositoryFileExists('web', 'app', name, 'route.ts') &&
        /export (async )?function GET\b/.test(readRepositoryFile('web', 'app', name, 'route.ts')),
    )
    .map((name) => `/${name}`);
}

describe('probes', () => {
  it('ask only paths the apps serve: /health for liveness everywhere, /ready where the app has it', () => {
    expect(servedProbePaths('service')).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(servedProbePaths('gateway')).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect(servedProbePaths('portal')).toEqual(['/health']);
    for (const app of APPS) {
      expect([app.name, servedProbePaths(app.kind)]).toEqual([app.name, expect.arrayContaining(['/health', app.readinessPath])]);
    }
  });

  it('the services are served by the runtime that holds that controller', () => {
    for (const app of SERVICES) expect(readRepositoryFile(app.folder, 'src', 'main.ts')).toMatch(/@tenure\/service-runtime/);
    expect(readRepositoryFile('libs', 'service-runtime', 'src', 'service-runtime.module.ts')).toContain('HealthController');
  });
});

describe('the OpenTelemetry collector', () => {
  const config = readYamlDocument('deploy', 'otel-collector', 'config.yaml');

  it('has one configuration for compose and Kubernetes', () => {
    const configMap = findObject<ConfigMap>(readManifests(), 'ConfigMap', 'otel-collector-config');
    expect(parse(configMap.data?.['config.yaml'] ?? '')).toEqual(config);
  });

  it('receives OTLP over HTTP on 4318, where the services and the gateway send it, and exports every pipeline it declares', () => {
    if (!isRecord(config)) throw new Error('collector configuration is not a mapping');
    const receivers = config['receivers'] as { otlp: { protocols: { http: { endpoint: string } } } };
    expect(receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    const service = config['service'] as {
      extensions?: string[];
      pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
    };
    expect(Object.keys(service.pipelines)).toEqual(['traces']);
    for (const pipeline of Object.values(service.pipelines)) {
      for (const [section, names] of [
        ['receivers', pipeline.receivers],
        ['processors', pipeline.processors ?? []],
        ['exporters', pipeline.exporters],
      ] as const) {
        for (const name of names)
          expect([section, name, (config[section] as Record<string, unknown>)[name] !== undefined]).toEqual([section, name, true]);
      }
      expect(pipeline.exporters.length).toBeGreaterThan(0);
    }
    for (const name of service.extensions ?? []) expect((config['extensions'] as Record<string, unknown>)[name]).toBeDefined();
    // Kubernetes reaches it through its Service on the same port.
    const kubernetesService = findObject<Service>(readManifests(), 'Service', 'otel-collector');
    expect(kubernetesService.spec?.ports).toContainEqual({ name: 'otlp-http', port: 4318, targetPort: 'otlp-http' });
    // The endpoint the apps are given in Kubernetes.
    expect(findObject<ConfigMap>(readManifests(), 'ConfigMap', 'tenure-config').data?.['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe(
      'http://otel-collector:4318',
    );
  });

  it('probes the collector on its health_check extension', () => {
    const extensions = (config as { extensions: Record<string, { endpoint: string }> }).extensions;
    expect(extensions['health_check']?.endpoint).toBe('0.0.0.0:13133');
    const container = onlyContainer(findObject<Deployment>(readManifests(), 'Deployment', 'otel-collector'));
    expect(container.ports).toContainEqual({ name: 'health', containerPort: 13133 });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/', port: 'health' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/', port: 'health' });
  });
});
