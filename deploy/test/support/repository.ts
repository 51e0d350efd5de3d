import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository's root: deploy/test/support is three levels below it. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

export function repositoryPath(...segments: string[]): string {
  return path.join(REPOSITORY_ROOT, ...segments);
}

export function readRepositoryFile(...segments: string[]): string {
  return readFileSync(repositoryPath(...segments), 'utf8');
}

export function repositoryFileExists(...segments: string[]): boolean {
  return existsSync(repositoryPath(...segments));
}

export function listFiles(...segments: string[]): string[] {
  return readdirSync(repositoryPath(...segments)).sort();
}

/**
 * Every document of a YAML file, as plain data. Merge keys (`<<: *anchor`) are resolved as Docker
 * Compose resolves them; a syntax error, a duplicate key or an unknown tag fails the caller's test.
 */
export function readYamlDocuments(...segments: string[]): unknown[] {
  const file = path.join(...segments);
  return parseAllDocuments(readRepositoryFile(...segments), { merge: true, uniqueKeys: true }).map((document, index) => {
    const problems = [...document.errors, ...document.warnings];
    if (problems.length > 0) throw new Error(`${file}, document ${index + 1}: ${problems.map((problem) => problem.message).join('; ')}`);
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  });
}

export function readYamlDocument(...segments: string[]): unknown {
  const documents = readYamlDocuments(...segments);
  if (documents.length !== 1) throw new Error(`${path.join(...segments)}: expected one YAML document, found ${documents.length}`);
  return documents[0];
}

/** A JSON object's value at `key`, for data parsed from YAML or JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
