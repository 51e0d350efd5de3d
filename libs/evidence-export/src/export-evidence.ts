import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { EvidenceKind, EvidencePeriod, EvidenceRow } from './evidence-kind';
import { GatewayClient } from './gateway-client';
import { MANIFEST_FILE, sha256, type Manifest, type ManifestFile } from './manifest';

export interface EvidenceRequest {
  /** The gateway's GraphQL URL, e.g. http://localhost:4000/graphql. */
  readonly graphqlUrl: string;
  /** An auditor's (or administrator's) access token, or an administrator API token. */
  readonly token: string;
  readonly kinds: readonly EvidenceKind[];
  readonly now: Date;
  /** What time-bound kinds cover; default from the beginning to `now`. */
  readonly period?: EvidencePeriod;
}

export interface ExportRequest extends EvidenceRequest {
  readonly directory: string;
}

/** One file of an export, in memory: `manifest.json` last. */
export interface EvidenceFile {
  readonly name: string;
  readonly content: string;
}

export interface Evidence {
  readonly manifest: Manifest;
  /** Every kind's CSV and JSON, then manifest.json. */
  readonly files: readonly EvidenceFile[];
}

/**
 * Reads each kind through the gateway and makes `<kind>.csv` and `<kind>.json` (the same rows), then
 * `manifest.json` with every file's size, row count and SHA-256 — in memory, for a caller that sends
 * them elsewhere (the portal zips them). A refusal throws before anything is made.
 */
export async function buildEvidence(request: EvidenceRequest): Promise<Evidence> {
  const gateway = new GatewayClient(request.graphqlUrl, request.token);
  const read: { kind: EvidenceKind; rows: EvidenceRow[] }[] = [];
  const period = request.period ?? { from: new Date(0), to: request.now };
  for (const kind of request.kinds) read.push({ kind, rows: await kind.rows(gateway, period) });

  const files: EvidenceFile[] = [];
  const listed: ManifestFile[] = [];
  const add = (name: string, kind: string, format: 'csv' | 'json', content: string, rows: number) => {
    files.push({ name, content });
    listed.push({ name, kind, format, rows, bytes: Buffer.byteLength(content), sha256: sha256(content) });
  };
  for (const { kind, rows } of read) {
    const csv = stringify(
      rows.map((row) => kind.columns.map((column) => row[column] ?? null)),
      { header: true, columns: [...kind.columns], cast: { boolean: (value) => String(value) } },
    );
    const json = `${JSON.stringify({ kind: kind.name, description: kind.description, columns: kind.columns, rows }, null, 2)}\n`;
    add(`${kind.name}.csv`, kind.name, 'csv', csv, rows.length);
    add(`${kind.name}.json`, kind.name, 'json', json, rows.length);
  }
  const manifest: Manifest = {
    tool: '@tenure/evidence-export',
    generatedAt: request.now.toISOString(),
    source: request.graphqlUrl,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    files: listed,
  };
  files.push({ name: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
  return { manifest, files };
}

/**
 * Writes the export of `buildEvidence` into a directory. Nothing is written before every kind was
 * read, so a refusal leaves no half export behind.
 */
export async function exportEvidence(request: ExportRequest): Promise<Manifest> {
  const { manifest, files } = await buildEvidence(request);
  mkdirSync(request.directory, { recursive: true });
  for (const file of files) writeFileSync(path.join(request.directory, file.name), file.content);
  return manifest;
}
