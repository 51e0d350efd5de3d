import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { EvidenceKind, EvidencePeriod, EvidenceRow } from './evidence-kind';
import { GatewayClient } from './gateway-client';
import { MANIFEST_FILE, sha256, type Manifest, type ManifestFile } from './manifest';

export interface ExportRequest {
  /** The gateway's GraphQL URL, e.g. http://localhost:4000/graphql. */
  readonly graphqlUrl: string;
  /** An auditor's (or administrator's) access token, or an administrator API token. */
  readonly token: string;
  readonly kinds: readonly EvidenceKind[];
  readonly directory: string;
  readonly now: Date;
  /** What time-bound kinds cover; default from the beginning to `now`. */
  readonly period?: EvidencePeriod;
}

/**
 * Reads each kind through the gateway and writes `<kind>.csv` and `<kind>.json` (the same rows), then
 * `manifest.json` with every file's size, row count and SHA-256. Nothing is written before every kind
 * was read, so a refusal leaves no half export behind.
 */
export async function exportEvidence(request: ExportRequest): Promise<Manifest> {
  const gateway = new GatewayClient(request.graphqlUrl, request.token);
  const read: { kind: EvidenceKind; rows: EvidenceRow[] }[] = [];
  const period = request.period ?? { from: new Date(0), to: request.now };
  for (const kind of request.kinds) read.push({ kind, rows: await kind.rows(gateway, period) });

  mkdirSync(request.directory, { recursive: true });
  const files: ManifestFile[] = [];
  for (const { kind, rows } of read) {
    const csv = stringify(
      rows.map((row) => kind.columns.map((column) => row[column] ?? null)),
      { header: true, columns: [...kind.columns], cast: { boolean: (value) => String(value) } },
    );
    const json = `${JSON.stringify({ kind: kind.name, description: kind.description, columns: kind.columns, rows }, null, 2)}\n`;
    files.push(write(request.directory, `${kind.name}.csv`, kind.name, 'csv', csv, rows.length));
    files.push(write(request.directory, `${kind.name}.json`, kind.name, 'json', json, rows.length));
  }
  const manifest: Manifest = {
    tool: '@tenure/evidence-export',
    generatedAt: request.now.toISOString(),
    source: request.graphqlUrl,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    files,
  };
  writeFileSync(path.join(request.directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function write(directory: string, name: string, kind: string, format: 'csv' | 'json', content: string, rows: number): ManifestFile {
  writeFileSync(path.join(directory, name), content);
  return { name, kind, format, rows, bytes: Buffer.byteLength(content), sha256: sha256(content) };
}
