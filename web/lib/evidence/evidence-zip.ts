import { strToU8, zipSync, type Zippable } from 'fflate';

/** One zip of the export's files, each stored with the export's time (so the same export gives the same bytes). */
export function zipEvidence(files: readonly { name: string; content: string }[], generatedAt: Date): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [strToU8(file.content), { mtime: generatedAt }];
  return zipSync(entries, { level: 6 });
}

/** "tenure-evidence-20261126T103015Z.zip". */
export function evidenceZipName(generatedAt: Date): string {
  return `tenure-evidence-${generatedAt.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z.zip`;
}
