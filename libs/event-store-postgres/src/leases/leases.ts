import { Client, type ClientConfig } from 'pg';

/**
 * Exclusive leases between the instances of a service that share one database: each lease is a
 * PostgreSQL session advisory lock, held on a connection this process keeps for its leases alone.
 * An instance that dies, or loses that connection, loses every lease at once with its session, and
 * is told so (`onLost`); another instance, trying again every so often, takes the lease over.
 * Names are qualified by the schema, so two installations in one database do not exclude each other.
 */
export class Leases {
  private client: Client | undefined;
  private connecting: Promise<Client | undefined> | undefined;
  private schema = '';
  private readonly held = new Map<string, () => void>();
  private closed = false;

  constructor(private readonly config: ClientConfig) {}

  /**
   * Takes the lease if no other session holds it; true when this process holds it (already or now).
   * False, not an error, when the database cannot be reached: the caller simply tries again later.
   */
  async tryTake(name: string, onLost: () => void): Promise<boolean> {
    if (this.held.has(name)) return true;
    const client = await this.connection();
    if (!client) return false;
    try {
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken', [
        this.qualified(name),
      ]);
      if (!rows[0]!.taken) return false;
      this.held.set(name, onLost);
      return true;
    } catch {
      return false;
    }
  }

  /** Gives the lease back, if held, so another instance may take it at once. */
  async give(name: string): Promise<void> {
    if (!this.held.delete(name)) return;
    await this.client?.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.qualified(name)]).catch(() => undefined);
  }

  /** Gives every lease back (by ending the session) and takes no more. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.held.clear();
    await client?.end().catch(() => undefined);
  }

  private qualified(name: string): string {
    return `${this.schema}:lease:${name}`;
  }

  private async connection(): Promise<Client | undefined> {
    if (this.closed) return undefined;
    if (this.client) return this.client;
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<Client | undefined> {
    const client = new Client(this.config);
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
      this.schema = rows[0]!.schema;
    } catch {
      this.lose(client);
      await client.end().catch(() => undefined);
      return undefined;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return undefined;
    }
    this.client = client;
    return client;
  }

  /** The session is gone, and every lease with it: each holder is told, and the next take reconnects. */
  private lose(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    const holders = [...this.held.values()];
    this.held.clear();
    for (const onLost of holders) onLost();
  }
}
