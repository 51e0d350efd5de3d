import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { withRetries, type EventHandler, type RecordedEvent } from '@tenure/event-sourcing';
import { DedupeWindow } from './dedupe-window';
import { decodeEvent, eventIdOf } from './event-message';
import { DEFAULT_TOPIC_PREFIX, topicForCategory, topicPattern } from './topic-naming';

export interface KafkaSubscriptionSourceOptions {
  readonly kafka: Kafka;
  /** Consumer group: instances with the same group share the partitions; each event goes to one of them. */
  readonly groupId: string;
  readonly handle: EventHandler;
  /** Default "tenure", as for the relay. */
  readonly topicPrefix?: string;
  /** Stream categories to consume. Default: every topic under the prefix that exists when the source starts. */
  readonly categories?: readonly string[];
  /** Where a new group starts: the beginning of each topic (default) or only new messages. */
  readonly fromBeginning?: boolean;
  /** Attempts per event before the source stops (calls `onStopped`). Default 5. */
  readonly maxAttempts?: number;
  /** Base delay between attempts, growing linearly. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** How many recently handled event ids are remembered to skip redeliveries. Default 10,000. */
  readonly dedupeWindow?: number;
  /** Partitions handled at once (order is kept within each partition). Default 1. */
  readonly partitionsConsumedConcurrently?: number;
  readonly onStopped?: (error: unknown) => void;
}

/** Why the source stopped: an event its handler kept failing on, or a message that is not an event. */
export class KafkaHandlerError extends Error {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly attempts: number,
    override readonly cause: unknown,
    event: RecordedEvent | undefined,
  ) {
    super(
      `Kafka subscription stopped at ${topic}[${partition}]@${offset}` +
        (event ? ` (${event.type} ${event.metadata.eventId}, stream ${event.streamId}@${event.revision})` : '') +
        ` after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'KafkaHandlerError';
  }
}

/**
 * Consumes the relay's topics with a consumer group and hands each event to `handle`.
 *
 * - Order: per partition, hence per stream (the relay keys by stream id); no order across streams.
 * - Offsets are committed only after the handler succeeded (auto-commit is off), one by one.
 * - Delivery is at-least-once: the relay may publish an event twice, and a rebalance or a failed
 *   commit redelivers. Redeliveries of recently handled ids are skipped (bounded window, per process);
 *   an exactly-once effect needs an idempotent handler, e.g. a projection that stores its own checkpoint.
 * - A handler that keeps failing stops the source (it never skips an event): the offset stays
 *   uncommitted, so the next start begins with that event.
 */
export class KafkaSubscriptionSource {
  private state: 'running' | 'stopping' | 'stopped' = 'running';
  private readonly seen: DedupeWindow;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  private constructor(
    private readonly consumer: Consumer,
    private readonly options: KafkaSubscriptionSourceOptions,
  ) {
    this.seen = new DedupeWindow(options.dedupeWindow ?? 10_000);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  static async start(options: KafkaSubscriptionSourceOptions): Promise<KafkaSubscriptionSource> {
    const prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    const consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    const source = new KafkaSubscriptionSource(consumer, options);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void source.halt(payload.error);
    });
    await consumer.connect();
    try {
      await consumer.subscribe({
        topics: options.categories ? options.categories.map((category) => topicForCategory(prefix, category)) : [topicPattern(prefix)],
        fromBeginning: options.fromBeginning ?? true,
      });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachMessage: (payload) => source.onMessage(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return source;
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    await this.consumer.disconnect();
    this.state = 'stopped';
  }

  private async onMessage({ topic, partition, message, pause }: EachMessagePayload): Promise<void> {
    // After a failure the partition is paused and the consumer is being shut down: take nothing more.
    if (this.state !== 'running') {
      pause();
      return;
    }
    const eventId = eventIdOf(message.headers);
    if (eventId === undefined || !this.seen.has(eventId)) {
      let event: RecordedEvent | undefined;
      try {
        event = decodeEvent(message);
        const decoded = event;
        await withRetries(() => this.options.handle(decoded), { maxAttempts: this.maxAttempts, delayMs: this.retryDelayMs });
      } catch (error) {
        pause();
        void this.halt(new KafkaHandlerError(topic, partition, message.offset, event ? this.maxAttempts : 1, error, event));
        return;
      }
      this.seen.remember(event.metadata.eventId);
    }
    // Kafka's committed offset is the next one to read.
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  /** Not awaited from inside `eachMessage`: disconnecting waits for the running handler to return. */
  private async halt(error: unknown): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'stopping';
    try {
      this.options.onStopped?.(error);
    } catch {
      // A failing observer must not keep the consumer running.
    }
    await this.consumer.disconnect().catch(() => undefined);
    this.state = 'stopped';
  }
}
