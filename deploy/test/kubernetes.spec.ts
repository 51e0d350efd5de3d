import { Deployment as DeploymentModel } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler as HorizontalPodAutoscalerModel } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy as NetworkPolicyModel } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget as PodDisruptionBudgetModel } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap as ConfigMapModel } from 'kubernetes-models/v1/ConfigMap';
import { Namespace as NamespaceModel } from 'kubernetes-models/v1/Namespace';
import { Secret as SecretModel } from 'kubernetes-models/v1/Secret';
import { Service as ServiceModel } from 'kubernetes-models/v1/Service';
import { APPS, CONTAINER_PORT, GATEWAY, PORTAL, SERVICES } from './support/apps';
import {
  findObject,
  KUBERNETES_FOLDER,
  KUSTOMIZATION_FILE,
  manifestFiles,
  objectsOfKind,
  onlyContainer,
  readManifests,
  SECRET_TEMPLATE_FILE,
  selects,
  type ConfigMap,
  type Container,
  type Deployment,
  type HorizontalPodAutoscaler,
  type KubernetesObject,
  type NetworkPolicy,
  type PodDisruptionBudget,
  type Secret,
  type Service,
} from './support/kubernetes';
import { isRecord, readYamlDocument } from './support/repository';

/** The Kubernetes API's own schemas (OpenAPI, as compiled by kubernetes-models) for each kind used here. */
const MODELS: Record<string, (data: unknown) => { validate(): void }> = {
  'v1/Namespace': (data) => new NamespaceModel(data as never),
  'v1/ConfigMap': (data) => new ConfigMapModel(data as never),
  'v1/Secret': (data) => new SecretModel(data as never),
  'v1/Service': (data) => new ServiceModel(data as never),
  'apps/v1/Deployment': (data) => new DeploymentModel(data as never),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudgetModel(data as never),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) => new HorizontalPodAutoscalerModel(data as never),
  'networking.k8s.io/v1/NetworkPolicy': (data) => new NetworkPolicyModel(data as never),
};

/** The schema's verdict: '' when valid, else what is wrong. */
function schemaProblems(object: KubernetesObject): string {
  const model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!model) return `no schema for ${object.apiVersion} ${object.kind}`;
  try {
    model(object).validate();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('deploy/kubernetes', () => {
  const manifests = readManifests();
  const deployments = objectsOfKind<Deployment>(manifests, 'Deployment');
  const configMaps = objectsOfKind<ConfigMap>(manifests, 'ConfigMap');
  const services = objectsOfKind<Service>(manifests, 'Service');
  const deployment = (name: string) => findObject<Deployment>(manifests, 'Deployment', name);

  it('holds only objects valid against the Kubernetes API schemas', () => {
    const problems = manifests
      .map(({ file, object }) => ({ object: `${file}: ${object.kind}/${object.metadata.name}`, problem: schemaProblems(object) }))
      .filter(({ problem }) => problem !== '');
    expect(problems).toEqual([]);
  });

  it('has a schema check that refuses a wrong type or a missing required field', () => {
    const broken = structuredClone(deployment('identity'));
    onlyContainer(broken).ports![0]!.containerPort = 'eighty' as never;
    expect(schemaProblems(broken)).toContain('containerPort');
    const withoutSelector = structuredClone(deployment('policy')) as { spec: { selector?: unknown } };
    delete withoutSelector.spec.selector;
    expect(schemaProblems(withoutSelector as unknown as KubernetesObject)).toContain('selector');
  });

  it('names every object once per kind', () => {
    const keys = manifests.map(({ object }) => `${object.kind}/${object.metadata.name}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('applies everything with `kubectl apply -k` but the secret template, and retags every Tenure image', () => {
    const kustomization = readYamlDocument(...KUBERNETES_FOLDER, KUSTOMIZATION_FILE);
    if (!isRecord(kustomization)) throw new Error('kustomization.yaml is not a mapping');
    expect(kustomization['namespace']).toBe('tenure');
    expect([...(kustomization['resources'] as string[])].sort()).toEqual(manifestFiles().filter((file) => file !== SECRET_TEMPLATE_FILE));
    const images = (kustomization['images'] as { name: string }[]).map((image) => image.name).sort();
    expect(images).toEqual(APPS.map((app) => `tenure/${app.name}`).sort());
  });

  describe.each(APPS.map((app) => [app.name, app] as const))('%s', (_name, app) => {
    it('has a Deployment of its image whose selector matches its pods', () => {
      const found = deployment(app.name);
      expect(selects(found.spec?.selector.matchLabels, found.spec?.template.metadata?.labels)).toBe(true);
      expect(found.spec?.template.metadata?.labels).toMatchObject({
        'app.kubernetes.io/name': app.name,
        'app.kubernetes.io/part-of': 'tenure',
      });
      expect(onlyContainer(found).image).toBe(`tenure/${app.name}:0.1.0`);
      // The image's own command runs (deploy/docker/Dockerfile); nothing overrides it.
      expect([onlyContainer(found).command, onlyContainer(found).args]).toEqual([undefined, undefined]);
      expect(onlyContainer(found).ports).toEqual([{ name: 'http', containerPort: CONTAINER_PORT }]);
    });

    it('is probed for liveness on /health and for readiness where it answers it', () => {
      const container = onlyContainer(deployment(app.name));
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.startupProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.readinessProbe?.httpGet).toEqual({ path: app.readinessPath, port: 'http' });
    });

    it('asks for resources and is limited', () => {
      const resources = onlyContainer(deployment(app.name)).resources;
      expect(Object.keys(resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    });

    it('runs as a non-root user, read-only, without capabilities or privilege escalation', () => {
      expectRestricted(deployment(app.name));
      expect(onlyContainer(deployment(app.name)).volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    });

    it('is reached through a Service on its named port, kept available by a PodDisruptionBudget and scaled by a HorizontalPodAutoscaler', () => {
      const found = deployment(app.name);
      const labels = found.spec?.template.metadata?.labels;
      const service = findObject<Service>(manifests, 'Service', app.name);
      expect(selects(service.spec?.selector, labels)).toBe(true);
      expect(service.spec?.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);

      const budget = findObject<PodDisruptionBudget>(manifests, 'PodDisruptionBudget', app.name);
      expect(selects(budget.spec?.selector?.matchLabels, labels)).toBe(true);
      expect(budget.spec?.minAvailable).toBe(1);

      const autoscaler = findObject<HorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler', app.name);
      expect(autoscaler.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app.name });
      expect(autoscaler.spec?.minReplicas).toBeGreaterThanOrEqual(2);
      expect(autoscaler.spec?.maxReplicas).toBeGreaterThan(autoscaler.spec?.minReplicas ?? 0);
      // The autoscaler owns the count: a replicas field would be reset by every `kubectl apply`.
      expect(found.spec?.replicas).toBeUndefined();
      // Surge rather than go below the disruption budget during a rollout.
      expect(found.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    });

    it('takes its non-secret settings from the tenure-config ConfigMap', () => {
      const container = onlyContainer(deployment(app.name));
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'tenure-config' } }]);
      expect(configMaps.map((configMap) => configMap.metadata.name)).toContain('tenure-config');
    });
  });

  it('gives every service two instances at least (several instances share one database safely)', () => {
    for (const app of SERVICES) {
      expect(findObject<HorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler', app.name).spec?.minReplicas).toBe(2);
      expect(deployment(app.name).metadata.labels?.['app.kubernetes.io/component']).toBe('service');
    }
  });

  it('routes the gateway to the services and the portal to the gateway by their Services', () => {
    const gatewayEnvironment = Object.fromEntries(
      (onlyContainer(deployment(GATEWAY.name)).env ?? []).map((variable) => [variable.name, variable.value]),
    );
    for (const app of SERVICES) {
      expect(gatewayEnvironment[`${app.name.toUpperCase()}_URL`]).toBe(`http://${app.name}/graphql`);
      expect(services.map((service) => service.metadata.name)).toContain(app.name);
    }
    const portalEnvironment = Object.fromEntries(
      (onlyContainer(deployment(PORTAL.name)).env ?? []).map((variable) => [variable.name, variable.value]),
    );
    expect(portalEnvironment['GATEWAY_URL']).toBe('http://gateway');
    // Next.js writes its cache beside the build output: writable there only.
    expect(onlyContainer(deployment(PORTAL.name)).volumeMounts).toContainEqual({ name: 'next-cache', mountPath: '/app/web/.next/cache' });
  });

  it('lets only the gateway reach the services', () => {
    const [policy, ...others] = objectsOfKind<NetworkPolicy>(manifests, 'NetworkPolicy');
    expect(others).toEqual([]);
    for (const app of APPS) {
      const labels = deployment(app.name).spec?.template.metadata?.labels;
      expect([app.name, selects(policy?.spec?.podSelector.matchLabels, labels)]).toEqual([app.name, app.kind === 'service']);
    }
    const from = policy?.spec?.ingress?.flatMap((rule) => rule.from ?? []) ?? [];
    expect(from).toHaveLength(1);
    expect(selects(from[0]?.podSelector?.matchLabels, deployment(GATEWAY.name).spec?.template.metadata?.labels)).toBe(true);
    expect(selects(from[0]?.podSelector?.matchLabels, deployment(PORTAL.name).spec?.template.metadata?.labels)).toBe(false);
  });

  it('runs the collector restricted too, on the configuration its ConfigMap mounts', () => {
    const collector = deployment('otel-collector');
    expectRestricted(collector);
    const container = onlyContainer(collector);
    expect(container.args).toEqual(['--config=/etc/otelcol/config.yaml']);
    expect(container.volumeMounts).toContainEqual({ name: 'config', mountPath: '/etc/otelcol', readOnly: true });
    expect(collector.spec?.template.spec?.volumes).toContainEqual({ name: 'config', configMap: { name: 'otel-collector-config' } });
    expect(Object.keys(findObject<ConfigMap>(manifests, 'ConfigMap', 'otel-collector-config').data ?? {})).toEqual(['config.yaml']);
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it('runs no EventStoreDB or Kafka: the services use the PostgreSQL event store only (deploy/README.md)', () => {
    const images = deployments.map((found) => onlyContainer(found).image ?? '');
    expect(images.filter((image) => /eventstore|kurrent|kafka/i.test(image))).toEqual([]);
  });

  describe('secrets', () => {
    const template = findObject<Secret>(manifests, 'Secret', 'tenure-secrets');

    it('come from the tenure-secrets Secret, whose template holds every key referenced and placeholders only', () => {
      expect(objectsOfKind<Secret>(manifests, 'Secret')).toHaveLength(1);
      expect(manifests.find(({ object }) => object.kind === 'Secret')?.file).toBe(SECRET_TEMPLATE_FILE);
      const referenced = deployments.flatMap((found) => secretReferences(onlyContainer(found)));
      for (const reference of referenced) {
        expect(reference.name).toBe('tenure-secrets');
        expect(Object.keys(template.stringData ?? {})).toContain(reference.key);
      }
      for (const [key, value] of Object.entries(template.stringData ?? {})) expect(`${key}: ${value}`).toContain('REPLACE_ME');
      expect(template.data).toBeUndefined();
    });

    it('are never literal values in a Deployment or a ConfigMap', () => {
      const secretKeys = Object.keys(template.stringData ?? {});
      for (const found of deployments) {
        for (const variable of onlyContainer(found).env ?? []) {
          if (secretKeys.includes(variable.name))
            expect([found.metadata.name, variable.name, variable.valueFrom?.secretKeyRef?.name]).toEqual([
              found.metadata.name,
              variable.name,
              'tenure-secrets',
            ]);
        }
      }
      for (const configMap of configMaps) for (const key of secretKeys) expect(Object.keys(configMap.data ?? {})).not.toContain(key);
    });
  });
});

function secretReferences(container: Container): { name: string; key: string }[] {
  return (container.env ?? []).flatMap((variable) => {
    const reference = variable.valueFrom?.secretKeyRef;
    return reference ? [{ name: reference.name ?? '', key: reference.key }] : [];
  });
}

/** The Pod Security Standard "restricted", which the tenure namespace enforces. */
function expectRestricted(deployment: Deployment): void {
  const pod = deployment.spec?.template.spec;
  expect(pod?.securityContext?.runAsNonRoot).toBe(true);
  expect(pod?.securityContext?.runAsUser).toBeGreaterThan(0);
  expect(pod?.securityContext?.seccompProfile).toEqual({ type: 'RuntimeDefault' });
  expect(pod?.automountServiceAccountToken).toBe(false);
  const container = onlyContainer(deployment);
  expect(container.securityContext).toEqual({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  });
}
