import { z } from 'zod';
import type { Credentials } from '../application/credentials/credentials-cipher';
import type { ConnectorTypes } from '../connectors/connector-types';
import {
  APPLICATION_ID_PATTERN,
  CONNECTOR_TYPES,
  type ApplicationSettings,
  type ConnectorType,
  type LicenseCost,
} from '../domain/application';
import { RISK_LEVELS, type EntitlementAnnotation } from '../domain/catalog';

// The file `connector:load` reads: the applications to register, with the annotations of their
// catalogs. Secrets never appear in it: a credential names the environment variable that holds it.
// A settings value may name one too (a host or port that differs per machine); settings are shown
// to administrators, so only values that are not secret belong there.

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envName = z.string().regex(ENV_NAME, 'is not an environment variable name');

/** `{"env": "NAME"}` in settings: the variable's value; `"as": "number"` for a number (a port). */
const settingsEnvReference = z.strictObject({ env: envName, as: z.enum(['string', 'number']).default('string') });
type SettingsEnvReference = z.infer<typeof settingsEnvReference>;

const credentialReference = z.strictObject(
  { env: envName },
  { error: 'give {"env": "VARIABLE"}, the environment variable that holds the secret, never the secret itself' },
);

const employeeNumber = z.string().trim().min(1, 'give the employee number of a person');

const catalogAnnotation = z.strictObject({
  key: z.string().min(1),
  displayName: z.string().trim().min(1).optional(),
  description: z.string().trim().min(1).optional(),
  owner: employeeNumber.optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  /** Per holder and month, in the platform's currency; null: unknown or free. */
  licenseCost: z.number().nonnegative().nullable().optional(),
  requestable: z.boolean().optional(),
});

/** What one account costs per month: the savings a reclaimed license is counted at. */
const licenseCost = z.strictObject({
  amountPerMonth: z.number().nonnegative('give an amount of at least 0'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'give an ISO 4217 currency code such as "EUR"'),
});

const applicationEntry = z
  .strictObject({
    id: z.string().regex(APPLICATION_ID_PATTERN, 'use 1 to 64 lower-case letters, digits and inner hyphens, e.g. "erp-prod"'),
    name: z.string().trim().min(1, 'give the name people know the application by'),
    connectorType: z.enum(CONNECTOR_TYPES),
    owner: employeeNumber,
    enabled: z.boolean().default(true),
    settings: z.record(z.string(), z.unknown()).default({}),
    credentials: z.record(z.string().min(1), credentialReference).default({}),
    /** Per account and month; null removes it; absent leaves a registered application's cost as it is. */
    licenseCost: licenseCost.nullable().optional(),
    /** Annotations of entitlements the target lists (a manual application's settings); discovery decides which entitlements exist. */
    catalog: z.array(catalogAnnotation).default([]),
  })
  .superRefine((entry, context) => {
    const seen = new Set<string>();
    entry.catalog.forEach(({ key }, index) => {
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['catalog', index, 'key'], message: `"${key}" is annotated twice` });
      seen.add(key);
    });
  });

const applicationsFile = z.strictObject({
  $comment: z.string().optional(),
  applications: z.array(applicationEntry).min(1, 'list at least one application'),
});

export type ApplicationEntry = z.infer<typeof applicationEntry>;

export interface CatalogAnnotationToApply {
  readonly key: string;
  /** Only what the file gives; the rest of the annotation stays as it is. */
  readonly changes: Partial<EntitlementAnnotation>;
}

/** One application of the file, environment references resolved and settings checked. */
export interface ApplicationToLoad {
  /** How messages name it: `applications[3] "erp"`. */
  readonly record: string;
  readonly applicationId: string;
  readonly name: string;
  readonly connectorType: ConnectorType;
  readonly ownerEmployeeNumber: string;
  readonly enabled: boolean;
  readonly settings: ApplicationSettings;
  readonly credentials: Credentials;
  /** Undefined: the file does not say (a registered application keeps its cost). */
  readonly licenseCost?: LicenseCost | null;
  readonly catalog: readonly CatalogAnnotationToApply[];
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/** The file's structure: every problem named by its application and field, nothing resolved yet. */
export function parseApplicationsFile(document: unknown): Checked<readonly ApplicationEntry[]> {
  const parsed = applicationsFile.safeParse(document);
  // Checked apart from the schema, so that a repeated id is named even when other fields are wrong too.
  const repeated = repeatedIds(document).map((index) =>
    problemAt(document, ['applications', index, 'id'], `"${String(idAt(document, index))}" is listed twice`),
  );
  if (parsed.success && repeated.length === 0) return { ok: true, value: parsed.data.applications };
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => problemAt(document, issue.path, issue.message));
  return { ok: false, problems: [...problems, ...repeated] };
}

function repeatedIds(document: unknown): number[] {
  const applications = (document as { applications?: unknown } | null)?.applications;
  if (!Array.isArray(applications)) return [];
  const seen = new Set<unknown>();
  return applications.flatMap((_, index) => {
    const id = idAt(document, index);
    if (typeof id !== 'string') return [];
    if (seen.has(id)) return [index];
    seen.add(id);
    return [];
  });
}

/**
 * Environment references replaced by their values, and settings checked with the connector type's
 * schema, so that a wrong file is refused before anything is recorded.
 */
export function resolveApplications(
  entries: readonly ApplicationEntry[],
  env: NodeJS.ProcessEnv,
  types: ConnectorTypes,
): Checked<readonly ApplicationToLoad[]> {
  const problems: string[] = [];
  const applications = entries.map((entry, index) => {
    const record = recordName(index, entry.id);
    const say = (field: string, message: string) => problems.push(`${record}: ${field}: ${message}`);
    const known = problems.length;
    const settings = resolveSettings(entry.settings, env, ['settings'], say) as ApplicationSettings;
    // Settings with a value missing from the environment would only repeat that problem in other words.
    const checked = problems.length === known ? types[entry.connectorType].settingsSchema.safeParse(settings) : null;
    for (const issue of checked?.error?.issues ?? []) say(fieldName(['settings', ...issue.path]), issue.message);
    const credentials: Record<string, string> = {};
    for (const [name, reference] of Object.entries(entry.credentials)) {
      const value = env[reference.env];
      if (value === undefined || value === '') say(fieldName(['credentials', name]), `environment variable ${reference.env} is not set`);
      else credentials[name] = value;
    }
    return {
      record,
      applicationId: entry.id,
      name: entry.name,
      connectorType: entry.connectorType,
      ownerEmployeeNumber: entry.owner,
      enabled: entry.enabled,
      settings,
      credentials,
      ...(entry.licenseCost === undefined ? {} : { licenseCost: entry.licenseCost }),
      catalog: entry.catalog.map(({ key, owner, ...annotation }) => ({
        key,
        changes: { ...annotation, ...(owner === undefined ? {} : { ownerEmployeeNumber: owner }) },
      })),
    };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: applications };
}

function resolveSettings(
  value: unknown,
  env: NodeJS.ProcessEnv,
  path: PropertyKey[],
  say: (field: string, message: string) => void,
): unknown {
  const reference = asEnvReference(value);
  if (reference) return fromEnv(reference, env, (message) => say(fieldName(path), message));
  if (Array.isArray(value)) return value.map((item, index) => resolveSettings(item, env, [...path, index], say));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveSettings(item, env, [...path, key], say)]));
  }
  return value;
}

function asEnvReference(value: unknown): SettingsEnvReference | null {
  if (value === null || typeof value !== 'object' || !('env' in value)) return null;
  const parsed = settingsEnvReference.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function fromEnv(reference: SettingsEnvReference, env: NodeJS.ProcessEnv, say: (message: string) => void): unknown {
  const value = env[reference.env];
  if (value === undefined || value === '') {
    say(`environment variable ${reference.env} is not set`);
    return undefined;
  }
  if (reference.as === 'string') return value;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) say(`environment variable ${reference.env} is "${value}", not a number`);
  return number;
}

function problemAt(document: unknown, path: readonly PropertyKey[], message: string): string {
  if (path[0] === 'applications' && typeof path[1] === 'number') {
    const rest = path.slice(2);
    const record = recordName(path[1], idAt(document, path[1]));
    return rest.length > 0 ? `${record}: ${fieldName(rest)}: ${message}` : `${record}: ${message}`;
  }
  return path.length > 0 ? `${fieldName(path)}: ${message}` : message;
}

function idAt(document: unknown, index: number): unknown {
  const applications = (document as { applications?: unknown } | null)?.applications;
  return Array.isArray(applications) ? (applications[index] as { id?: unknown } | null)?.id : undefined;
}

function recordName(index: number, id: unknown): string {
  return typeof id === 'string' && id !== '' ? `applications[${index}] "${id}"` : `applications[${index}]`;
}

/** `catalog[2].key`, `settings.auth.tokenSecret`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`))
    .join('');
}
