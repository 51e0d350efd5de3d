import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  readonly name: string;
  readonly kind: string;
  readonly format: 'csv' | 'json';
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** What an export holds and the checksum of every file, so that a copy kept outside Tenure can be checked later. */
export interface Manifest {
  readonly tool: '@tenure/evidence-export';
  readonly generatedAt: string;
  /** Where the evidence was read (the gateway's GraphQL URL). */
  readonly source: string;
  /** The period time-bound kinds (grants) cover. */
  readonly period: { readonly from: string; readonly to: string };
  readonly files: readonly ManifestFile[];
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface ManifestProblem {
  readonly file: string;
  readonly problem: 'missing' | 'changed';
  readonly detail: string;
}

/** Checks every file the manifest lists against its size and checksum; an empty list means the export is as written. */
export function verifyExport(directory: string): ManifestProblem[] {
  const manifestPath = path.join(directory, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return [{ file: MANIFEST_FILE, problem: 'missing', detail: `no ${MANIFEST_FILE} in ${directory}` }];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const problems: ManifestProblem[] = [];
  for (const file of manifest.files) {
    const filePath = path.join(directory, file.name);
    if (!existsSync(filePath)) {
      problems.push({ file: file.name, problem: 'missing', detail: 'listed in the manifest but not there' });
      continue;
    }
    const content = readFileSync(filePath);
    const actual = sha256(content);
    if (actual !== file.sha256 || content.length !== file.bytes) {
      problems.push({
        file: file.name,
        problem: 'changed',
        detail: `sha256 ${actual} (${content.length} bytes), the manifest says ${file.sha256} (${file.bytes} bytes)`,
      });
    }
  }
  return problems;
}
