import { AsyncResource } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { Client, type ClientConfig, type Pool } from 'pg';

export const EVENTS_CHANNEL = 'tenure_events';

/**
 * Wakes subscribers when events are appended, in every process connected to the database.
 *
 * The NOTIFY is sent after the append committed, on its own, and coalesced: the first append
 * schedules one NOTIFY `coalesceMs` later, and every append until it is sent rides along (so a
 * busy writer sends a few hundred per second, not one per append). Subscribers in this process
 * are woken at once, without waiting for it. It is not sent inside the append transaction on purpose: PostgreSQL
 * serialises the commits of all transactions that NOTIFY (a global lock held across the commit),
 * which would undo the group commit concurrent writers get. If a process dies between commit and
 * NOTIFY, subscribers still see the event on their next safety poll.
 */
export class Notifier {
  private readonly wake = new EventEmitter();
  private listener: Client | undefined;
  private scheduled = false;
  private inFlight = false;
  private queued = false;
  private closed = false;
  private reconnectDelayMs = 100;

  constructor(
    private readonly pool: Pool,
    private readonly listenConfig: ClientConfig,
    private readonly coalesceMs = 2,
  ) {
    this.wake.setMaxListeners(0);
  }

  /** Register for wake-ups; returns the function that unregisters. */
  onWake(callback: () => void): () => void {
    // Called back in the context it registered in, not in that of whoever appended: otherwise the
    // work a wake-up starts (a provisioning scan) would run as part of the request that poked it,
    // with that request's correlation id in its logs and events, and inside its trace.
    const wakeUp = AsyncResource.bind(callback);
    this.wake.on('wake', wakeUp);
    void this.ensureListening();
    return () => this.wake.off('wake', wakeUp);
  }

  /** Tell every listener (in every process) that new events were committed. */
  poke(): void {
    this.wake.emit('wake');
    if (this.inFlight) this.queued = true;
    else if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(this.sendOutsideAppend, this.coalesceMs).unref();
    }
  }

  /** The NOTIFY is nobody's request: bound to the context the notifier was made in. */
  private readonly sendOutsideAppend = AsyncResource.bind(() => this.send());

  private send(): void {
    this.scheduled = false;
    if (this.closed) return;
    this.inFlight = true;
    // The notification carries no data and a lost one is covered by the safety poll, so its own
    // little transaction need not wait for a WAL flush (measured: keeps it off the writers' path).
    this.pool
      .query(`SELECT pg_notify('${EVENTS_CHANNEL}', '') FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`)
      .catch(() => undefined) // a lost notification is covered by the safety poll
      .finally(() => {
        this.inFlight = false;
        if (this.queued) {
          this.queued = false;
          this.poke();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async ensureListening(): Promise<void> {
    if (this.listener || this.closed) return;
    const client = new Client(this.listenConfig);
    this.listener = client;
    client.on('notification', () => this.wake.emit('wake'));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.reconnectDelayMs = 100;
      // Anything committed while we were not listening must be picked up now.
      this.wake.emit('wake');
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.listener !== client || this.closed) return;
    this.listener = undefined;
    void client.end().catch(() => undefined);
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, 5_000);
    setTimeout(() => void this.ensureListening(), delay).unref();
  }
}
