import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Where the development platform keeps the key that seals application credentials, in its data directory. */
export const CONNECTOR_CREDENTIALS_KEY_FILE = 'connector-credentials.json';

const keyFileSchema = z.object({ key: z.string().refine((key) => Buffer.from(key, 'base64').length === 32) });

/**
 * The development credentials key (CONNECTOR_CREDENTIALS_KEY): 32 random bytes generated on the
 * first start and kept, readable by its owner only, in the data directory, like the embedded
 * PostgreSQL's credentials; never hard-coded, so no two development platforms share one. Losing
 * the file makes the stored credentials unreadable (they are set again), never readable by others.
 */
export function readOrCreateConnectorCredentialsKey(dataDir: string): string {
  const file = path.join(dataDir, CONNECTOR_CREDENTIALS_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing !== undefined) return existing;
  const key = randomBytes(32).toString('base64');
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ key })}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return key;
}

function readKeyFile(file: string): string | undefined {
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
  if (!parsed.success) {
    throw new Error(
      `${file} does not hold a valid credentials key. Delete it to generate a new one (applications' credentials must then be set again).`,
    );
  }
  return parsed.data.key;
}
