/**
 * The runnable apps that deploy/ packages, and what each deployment must give it. The folders,
 * project names and probe paths are checked against the apps themselves by the tests.
 */
export type AppKind = 'service' | 'gateway' | 'portal';

export interface DeployedApp {
  /** The compose service, the Kubernetes Deployment and Service, and the image's last name part. */
  readonly name: string;
  readonly kind: AppKind;
  /** The workspace folder: the Dockerfile's APP build argument. */
  readonly folder: string;
  /** The Dockerfile stage its image is built from. */
  readonly target: 'service' | 'portal';
  /** What an orchestrator asks before sending traffic; every app answers /health for liveness. */
  readonly readinessPath: '/ready' | '/health';
  /** The service's configuration module and the zod schema it exports (services only). */
  readonly configSchemaExport?: string;
}

export const SERVICES: readonly DeployedApp[] = [
  {
    name: 'identity',
    kind: 'service',
    folder: 'services/identity',
    target: 'service',
    readinessPath: '/ready',
    configSchemaExport: 'identityConfigSchema',
  },
  {
    name: 'policy',
    kind: 'service',
    folder: 'services/policy',
    target: 'service',
    readinessPath: '/ready',
    configSchemaExport: 'policyConfigSchema',
  },
  {
    name: 'workflow',
    kind: 'service',
    folder: 'services/workflow',
    target: 'service',
    readinessPath: '/ready',
    configSchemaExport: 'workflowConfigSchema',
  },
  {
    name: 'connector',
    kind: 'service',
    folder: 'services/connector',
    target: 'service',
    readinessPath: '/ready',
    configSchemaExport: 'connectorConfigSchema',
  },
];

export const GATEWAY: DeployedApp = { name: 'gateway', kind: 'gateway', folder: 'gateway', target: 'service', readinessPath: '/ready' };

/** The portal has /health only (web/app/health/route.ts): it is ready as soon as it answers. */
export const PORTAL: DeployedApp = { name: 'portal', kind: 'portal', folder: 'web', target: 'portal', readinessPath: '/health' };

export const APPS: readonly DeployedApp[] = [...SERVICES, GATEWAY, PORTAL];

/** The port every image listens on (the Dockerfile's PORT), and that Services and compose target. */
export const CONTAINER_PORT = 8080;

/** Names that hold secrets: never baked into an image, never given a value in a committed file. */
export const SECRET_NAME = /SECRET|TOKEN|PASSWORD|CREDENTIAL|(^|_)KEY($|_)/;
