import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A scratch folder (for a keys file), removed by `removeScratch`. */
export async function scratchDirectory(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'tenure-dev-idp-'));
}

export async function removeScratch(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}
