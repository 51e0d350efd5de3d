import { randomBytes } from 'node:crypto';
import type { DeployedApp } from './apps';
import { repositoryPath } from './repository';

/**
 * The apps' own configuration code, loaded from their sources so that these tests judge the
 * deployments' environments by the same rules the apps apply at start. Loaded by path at run time:
 * deploy/ is not a dependency of any app and no app is a library (package.json lists them as
 * implicit dependencies of this project for the Nx graph).
 */
interface ZodIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface ConfigSchema {
  readonly shape: Record<string, { safeParse(value: unknown): { success: boolean } }>;
  safeParse(value: unknown): { success: true; data: Record<string, unknown> } | { success: false; error: { issues: ZodIssue[] } };
}

async function loadModule(...segments: string[]): Promise<Record<string, unknown>> {
  return (await import(repositoryPath(...segments))) as Record<string, unknown>;
}

export async function serviceConfigSchema(app: DeployedApp): Promise<ConfigSchema> {
  const exported = app.configSchemaExport;
  if (!exported) throw new Error(`${app.name} has no configuration schema listed`);
  const schema = (await loadModule(app.folder, 'src', 'config.ts'))[exported];
  if (!schema) throw new Error(`${app.folder}/src/config.ts does not export ${exported}`);
  return schema as ConfigSchema;
}

export async function gatewayConfigSchema(): Promise<ConfigSchema> {
  return (await loadModule('gateway', 'src', 'config.ts'))['gatewayConfigSchema'] as ConfigSchema;
}

export async function gatewaySubgraphs(): Promise<readonly { name: string; urlVariable: string }[]> {
  return (await loadModule('gateway', 'src', 'subgraphs.ts'))['SUBGRAPHS'] as readonly { name: string; urlVariable: string }[];
}

export interface PortalConfig {
  readonly gatewayUrl: string;
  readonly issuer: URL;
  readonly clientSecret: string;
  readonly origin: URL;
  readonly sessionSecret: string;
}

export async function readPortalConfig(): Promise<(environment: Record<string, string | undefined>) => PortalConfig> {
  return (await loadModule('web', 'lib', 'config.ts'))['readPortalConfig'] as (
    environment: Record<string, string | undefined>,
  ) => PortalConfig;
}

/** The variables a schema cannot do without: those whose own schema refuses `undefined`. */
export function requiredVariables(schema: ConfigSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, variable]) => !variable.safeParse(undefined).success)
    .map(([name]) => name)
    .sort();
}

export function describeIssues(issues: readonly ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

/**
 * A value of the right shape for a secret the operator generates (deploy/README.md, "Secrets"):
 * what the tests put where the committed files hold only a placeholder or nothing.
 */
export function generatedSecret(name: string): string {
  if (name === 'DATABASE_URL') return 'postgres://tenure:generated@postgres.example.com:5432/tenure';
  if (name === 'POSTGRES_PASSWORD') return randomBytes(24).toString('hex');
  if (name === 'PERSONAL_DATA_KEY' || name === 'CONNECTOR_CREDENTIALS_KEY') return randomBytes(32).toString('base64');
  return randomBytes(48).toString('base64');
}
