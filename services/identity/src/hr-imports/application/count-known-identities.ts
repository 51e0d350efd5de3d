import type { Pool } from 'pg';

/** How many identities the directory knows (any status): zero means an empty platform, e.g. for demo seeding. */
export async function countKnownIdentities(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM identity_directory');
  return Number(rows[0]?.count ?? 0);
}
