import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { EmbeddedPostgresError } from './postgres-errors';

/**
 * What an embedded cluster must remember between runs: the superuser's credentials
 * (generated once, never hard-coded), the port it last used and the process that owns it now.
 * Kept beside the data directory, because initdb insists on an empty one.
 */
export interface ClusterFile {
  readonly user: string;
  readonly password: string;
  readonly port?: number | undefined;
  /** Pid of the process that started the server last; tells a live owner from an orphaned server. */
  readonly ownerPid?: number | undefined;
}

const clusterFileSchema = z.object({
  user: z.string().min(1),
  password: z.string().min(16),
  port: z.number().int().min(1).max(65535).optional(),
  ownerPid: z.number().int().positive().optional(),
});

export const EMBEDDED_POSTGRES_USER = 'tenure';

export function generateClusterCredentials(): ClusterFile {
  return { user: EMBEDDED_POSTGRES_USER, password: randomBytes(24).toString('base64url') };
}

export async function readClusterFile(file: string): Promise<ClusterFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: ReturnType<typeof clusterFileSchema.safeParse>;
  try {
    parsed = clusterFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = clusterFileSchema.safeParse(undefined);
  }
  if (!parsed.success) {
    throw new EmbeddedPostgresError(
      'CORRUPT_CLUSTER_FILE',
      `${file} is not a valid embedded PostgreSQL cluster file. Delete it together with its data directory to start from an empty database.`,
    );
  }
  return parsed.data;
}

/** Written to a temporary name and renamed, so a crash never leaves half a file; readable by its owner only. */
export async function writeClusterFile(file: string, contents: ClusterFile): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export async function removeClusterFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
