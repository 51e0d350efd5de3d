import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import {
  comparePositions,
  matchesFilter,
  SubscriptionHandlerError,
  withRetries,
  type Position,
  type SubscribeOptions,
  type Subscription,
} from '@tenure/event-sourcing';
import { isSystemEvent, serverFilter } from './event-filter';
import { toRecordedEvent } from './event-mapping';
import { PROBE_EVENT_TYPE, probeIdOf, type CheckpointStore, type InternalStreams, type ProbeWriter } from './internal-streams';
import { readPositionFor } from './revision-mapping';

export interface EsdbSubscriptionSettings {
  readonly client: EventStoreDBClient;
  readonly streams: InternalStreams;
  readonly checkpoints: CheckpointStore;
  readonly probes: ProbeWriter;
  /** Base delay between handler attempts (grows linearly). */
  readonly retryDelayMs: number;
  /** Consecutive failed (re)connections without progress before the subscription stops. */
  readonly maxReconnectAttempts: number;
  readonly defaultCaughtUpTimeoutMs: number;
}

/** Why a subscription stopped: an event its handler (or the checkpoint write) kept failing on. */
interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A durable catch-up subscription to `$all`: it starts after the stored checkpoint, handles each
 * event in log order (retrying up to `maxAttempts`), stores the event's position as the new
 * checkpoint, and goes on live. Delivery is at-least-once: a crash between handling and
 * checkpointing hands the same event over again after a restart.
 */
export class EsdbSubscription implements Subscription {
  private state: 'running' | 'stopping' | 'stopped' = 'running';
  private stopError: unknown;
  private current: AllStreamSubscription | undefined;
  private loop: Promise<void> = Promise.resolve();
  private position: Position | undefined;
  private readonly waiters = new Map<string, Waiter>();
  private readonly maxAttempts: number;
  private readonly probeStreamId: string;

  private constructor(
    private readonly settings: EsdbSubscriptionSettings,
    private readonly options: SubscribeOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.probeStreamId = settings.streams.probeStream(options.subscriptionId);
  }

  static async start(settings: EsdbSubscriptionSettings, options: SubscribeOptions): Promise<EsdbSubscription> {
    const subscription = new EsdbSubscription(settings, options);
    subscription.position = await settings.checkpoints.load(options.subscriptionId);
    subscription.loop = subscription.run();
    return subscription;
  }

  get subscriptionId(): string {
    return this.options.subscriptionId;
  }

  get checkpoint(): Position | undefined {
    return this.position;
  }

  /**
   * Writes a probe event into the log and resolves when the subscription reaches it: since the
   * subscription handles events one by one in log order, everything committed before this call
   * has then been handled and checkpointed.
   */
  async waitUntilCaughtUp(timeoutMs = this.settings.defaultCaughtUpTimeoutMs): Promise<void> {
    if (this.state !== 'running') throw this.stoppedError();
    const probeId = randomUUID();
    const reached = new Promise<void>((resolve, reject) => this.waiters.set(probeId, { resolve, reject }));
    const timeout = new AbortController();
    try {
      await this.settings.probes.write(this.subscriptionId, probeId);
      await Promise.race([
        reached,
        sleep(timeoutMs, undefined, { signal: timeout.signal }).then(
          () => {
            throw new Error(
              `subscription "${this.subscriptionId}" did not catch up within ${timeoutMs} ms (checkpoint ${this.describeCheckpoint()})`,
            );
          },
          () => undefined, // aborted: the race is already decided
        ),
      ]);
    } finally {
      timeout.abort();
      this.waiters.delete(probeId);
    }
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    await this.disconnect();
    await this.loop;
    this.finish(undefined);
  }

  private async run(): Promise<void> {
    let failedConnections = 0;
    while (this.state === 'running') {
      const stream = this.settings.client.subscribeToAll({
        fromPosition: readPositionFor(this.position),
        filter: serverFilter(this.options.filter, this.probeStreamId, PROBE_EVENT_TYPE),
      });
      this.current = stream;
      let failure: unknown = new Error('the server ended the subscription');
      try {
        for await (const resolved of stream as AsyncIterable<AllStreamResolvedEvent>) {
          if (this.state !== 'running') break;
          if (await this.process(resolved)) failedConnections = 0;
        }
      } catch (error) {
        if (error instanceof SubscriptionHandlerError && this.state === 'running') return this.halt(error);
        failure = error;
      } finally {
        await this.disconnect();
      }
      if (this.state !== 'running') return;
      // The connection dropped (or the server closed it): resubscribe from the checkpoint, a bounded number of times.
      failedConnections += 1;
      if (failedConnections > this.settings.maxReconnectAttempts) return this.halt(failure);
      await sleep(this.settings.retryDelayMs * failedConnections);
    }
  }

  /** Returns true when an event was handled (progress), false when it was skipped. */
  private async process(resolved: AllStreamResolvedEvent): Promise<boolean> {
    const raw = resolved.event;
    if (!raw) return false;
    if (raw.streamId === this.probeStreamId) {
      const probeId = probeIdOf(raw.data);
      if (probeId) this.waiters.get(probeId)?.resolve();
      return false;
    }
    if (isSystemEvent(raw.streamId, raw.type) || this.settings.streams.isInternal(raw.streamId)) return false;
    if (!matchesFilter(this.options.filter, raw.streamId, raw.type)) return false;

    const event = toRecordedEvent(raw);
    // The server starts after the checkpoint; this guards a resubscription racing a late delivery.
    if (this.position && comparePositions(event.position, this.position) <= 0) return false;

    const policy = { maxAttempts: this.maxAttempts, delayMs: this.settings.retryDelayMs };
    try {
      await withRetries(() => this.options.handle(event), policy);
      await withRetries(() => this.settings.checkpoints.save(this.subscriptionId, event.position), policy);
    } catch (error) {
      throw new SubscriptionHandlerError(this.subscriptionId, event, this.maxAttempts, error);
    }
    this.position = event.position;
    return true;
  }

  private async disconnect(): Promise<void> {
    const stream = this.current;
    this.current = undefined;
    if (!stream) return;
    await stream.unsubscribe().catch(() => undefined);
    // Cancelling the call does not end the piped stream: destroy it so that the loop's iteration ends.
    stream.destroy();
  }

  private halt(error: unknown): void {
    this.finish(error);
    try {
      this.options.onStopped?.(error);
    } catch {
      // A failing observer must not hide the reason the subscription stopped.
    }
  }

  private finish(error: unknown): void {
    this.state = 'stopped';
    this.stopError = error;
    for (const waiter of this.waiters.values()) waiter.reject(this.stoppedError());
    this.waiters.clear();
  }

  private stoppedError(): Error {
    const reason = this.stopError instanceof Error ? `: ${this.stopError.message}` : '';
    return new Error(`subscription "${this.subscriptionId}" is stopped${reason}`, { cause: this.stopError });
  }

  private describeCheckpoint(): string {
    return this.position ? `${this.position.commit}/${this.position.prepare}` : 'none';
  }
}
