import type { IIoK8sApiCoreV1Container } from 'kubernetes-models/v1/Container';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { isRecord, listFiles, readYamlDocuments } from './repository';

export const KUBERNETES_FOLDER = ['deploy', 'kubernetes'] as const;
/** Placeholders only; applied by hand once filled in, never by `kubectl apply -k`. */
export const SECRET_TEMPLATE_FILE = 'secret.template.yaml';
export const KUSTOMIZATION_FILE = 'kustomization.yaml';

export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
}

export interface ManifestDocument {
  readonly file: string;
  readonly object: KubernetesObject;
}

/** The YAML files of deploy/kubernetes that hold Kubernetes objects (every one but kustomization.yaml). */
export function manifestFiles(): string[] {
  return listFiles(...KUBERNETES_FOLDER).filter((file) => /\.ya?ml$/.test(file) && file !== KUSTOMIZATION_FILE);
}

/** Every object of every manifest file, the secret template included. */
export function readManifests(): ManifestDocument[] {
  return manifestFiles().flatMap((file) =>
    readYamlDocuments(...KUBERNETES_FOLDER, file)
      .filter((document) => document !== null)
      .map((document) => {
        if (!isRecord(document) || typeof document['apiVersion'] !== 'string' || typeof document['kind'] !== 'string') {
          throw new Error(`${file}: a document without apiVersion and kind`);
        }
        return { file, object: document as unknown as KubernetesObject };
      }),
  );
}

export function objectsOfKind<T>(manifests: readonly ManifestDocument[], kind: string): (T & KubernetesObject)[] {
  return manifests
    .filter((manifest) => manifest.object.kind === kind)
    .map((manifest) => manifest.object as unknown as T & KubernetesObject);
}

export function findObject<T>(manifests: readonly ManifestDocument[], kind: string, name: string): T & KubernetesObject {
  const found = objectsOfKind<T>(manifests, kind).find((object) => object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in deploy/kubernetes`);
  return found;
}

export type Deployment = IDeployment & KubernetesObject;
export type Service = IService & KubernetesObject;
export type PodDisruptionBudget = IPodDisruptionBudget & KubernetesObject;
export type HorizontalPodAutoscaler = IHorizontalPodAutoscaler & KubernetesObject;
export type ConfigMap = IConfigMap & KubernetesObject;
export type Secret = ISecret & KubernetesObject;
export type NetworkPolicy = INetworkPolicy & KubernetesObject;
export type Container = IIoK8sApiCoreV1Container;

/** The one container of a Deployment's pods. */
export function onlyContainer(deployment: Deployment): Container {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  if (containers.length !== 1)
    throw new Error(`Deployment ${deployment.metadata.name}: expected one container, found ${containers.length}`);
  return containers[0]!;
}

/** True when every label of `selector` is on `labels`. */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}

export interface SecretReference {
  readonly variable: string;
  readonly secret: string;
  readonly key: string;
  readonly optional: boolean;
}

/**
 * A container's environment as the kubelet builds it: the ConfigMaps of `envFrom`, then `env`
 * (literal values win over them); variables from Secrets are listed apart, since their values live
 * outside the repository. Optional Secret references are left out of `values`.
 */
export function containerEnvironment(
  container: Container,
  configMaps: readonly ConfigMap[],
): { readonly values: Record<string, string>; readonly secrets: SecretReference[] } {
  const values: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) throw new Error(`container ${container.name}: only configMapRef is expected in envFrom`);
    const configMap = configMaps.find((candidate) => candidate.metadata.name === name);
    if (!configMap)
      throw new Error(`container ${container.name}: envFrom names ConfigMap ${name}, which deploy/kubernetes does not define`);
    Object.assign(values, configMap.data ?? {});
  }
  const secrets: SecretReference[] = [];
  for (const variable of container.env ?? []) {
    const reference = variable.valueFrom?.secretKeyRef;
    if (reference) {
      secrets.push({ variable: variable.name, secret: reference.name ?? '', key: reference.key, optional: reference.optional === true });
    } else if (variable.valueFrom) {
      throw new Error(`container ${container.name}: ${variable.name} comes from something other than a Secret or a literal`);
    } else {
      values[variable.name] = variable.value ?? '';
    }
  }
  return { values, secrets };
}
