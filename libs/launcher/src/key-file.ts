import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const keyFileSchema = z.object({ key: z.string().refine((key) => Buffer.from(key, 'base64').length === 32) });

/**
 * A development key: 32 random bytes (base64) generated on the first start and kept, readable by its
 * owner only, in the data directory, like the embedded PostgreSQL's credentials; never hard-coded,
 * so no two development platforms share one. `whenInvalid` says what to do about a damaged file.
 */
export function readOrCreateKeyFile(dataDir: string, fileName: string, whenInvalid: string): string {
  const file = path.join(dataDir, fileName);
  const existing = readKeyFile(file, whenInvalid);
  if (existing !== undefined) return existing;
  const key = randomBytes(32).toString('base64');
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ key })}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return key;
}

function readKeyFile(file: string, whenInvalid: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: ReturnType<typeof keyFileSchema.safeParse>;
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = keyFileSchema.safeParse(undefined);
  }
  if (!parsed.success) throw new Error(`${file} does not hold a valid key. ${whenInvalid}`);
  return parsed.data.key;
}
