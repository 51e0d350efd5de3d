import { isRecord, readRepositoryFile, readYamlDocument } from './repository';

export const COMPOSE_FILE = ['deploy', 'compose', 'compose.yaml'] as const;
export const ENV_EXAMPLE_FILE = ['deploy', 'compose', '.env.example'] as const;

export interface ComposeService {
  readonly image?: string;
  readonly build?: { context?: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  readonly command?: unknown;
  readonly entrypoint?: unknown;
  readonly environment?: Record<string, string | number | boolean | null>;
  readonly env_file?: unknown;
  readonly depends_on?: Record<string, { condition: string }>;
  readonly deploy?: { replicas?: number; resources?: { limits?: Record<string, string> } };
  readonly healthcheck?: { test?: string[] | string };
  readonly ports?: string[];
  readonly profiles?: string[];
  readonly read_only?: boolean;
  readonly cap_drop?: string[];
  readonly security_opt?: string[];
  readonly tmpfs?: string[];
  readonly volumes?: string[];
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

/** compose.yaml as Docker Compose reads it before interpolation (anchors and merge keys resolved). */
export function readComposeFile(): ComposeFile {
  const data = readYamlDocument(...COMPOSE_FILE);
  if (!isRecord(data) || !isRecord(data['services'])) throw new Error('compose.yaml has no services');
  return data as unknown as ComposeFile;
}

export function composeService(file: ComposeFile, name: string): ComposeService {
  const service = file.services[name];
  if (!service) throw new Error(`compose.yaml has no service ${name}`);
  return service;
}

/** The variables of .env.example: `NAME=value` lines, and commented-out `# NAME=default` lines. */
export function readEnvExample(): { readonly values: ReadonlyMap<string, string>; readonly documented: ReadonlySet<string> } {
  const values = new Map<string, string>();
  const documented = new Set<string>();
  for (const line of readRepositoryFile(...ENV_EXAMPLE_FILE).split('\n')) {
    const set = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (set) {
      values.set(set[1]!, set[2]!);
      documented.add(set[1]!);
      continue;
    }
    const commented = /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (commented) documented.add(commented[1]!);
  }
  return { values, documented };
}

const VARIABLE = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Every variable a text interpolates (${NAME}, ${NAME:-default}, ${NAME:?message}, $NAME). */
export function referencedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[2] ?? match[5];
    if (name) names.add(name);
  }
  return names;
}

/** Thrown where Docker Compose would refuse to start: a `${NAME:?message}` with NAME unset or empty. */
export class MissingVariable extends Error {}

/**
 * Docker Compose's interpolation of one value (compose-spec, "Interpolation"): `$$` is a dollar,
 * `${NAME:-default}` / `${NAME-default}` fall back when unset (or empty, with the colon), and
 * `${NAME:?message}` / `${NAME?message}` refuse.
 */
export function interpolate(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(
    VARIABLE,
    (
      whole,
      dollar: string,
      braced: string | undefined,
      operator: string | undefined,
      argument: string | undefined,
      bare: string | undefined,
    ) => {
      if (dollar === '$') return '$';
      const name = (braced ?? bare)!;
      const value = variables.get(name);
      const missing = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
      if (!missing) return value!;
      if (operator === ':-' || operator === '-') return argument ?? '';
      if (operator === ':?' || operator === '?') throw new MissingVariable(`${name}: ${argument || 'required'} (${whole})`);
      return '';
    },
  );
}

/** A service's environment as its containers get it, for the given .env values. */
export function composeEnvironment(service: ComposeService, variables: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(value === null ? '' : String(value), variables)]),
  );
}
