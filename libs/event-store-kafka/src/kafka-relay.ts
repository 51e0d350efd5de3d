import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { EventFilter, EventStore, Position, RecordedEvent, Subscription } from '@tenure/event-sourcing';
import { encodeEvent } from './event-message';
import { DEFAULT_TOPIC_PREFIX, topicForStream } from './topic-naming';
import { TopicProvisioner } from './topic-provisioner';

export interface KafkaRelayOptions {
  /** Any `EventStore` (PostgreSQL, EventStoreDB): the relay reads its global log. */
  readonly store: EventStore;
  readonly kafka: Kafka;
  /** Name of the relay's durable subscription: a restarted relay resumes from its checkpoint. Default "kafka-relay". */
  readonly subscriptionId?: string;
  /** Topics are `<prefix>.<category>`. Default "tenure". */
  readonly topicPrefix?: string;
  /** Partitions of topics the relay creates. Default 6. */
  readonly partitions?: number;
  /** Replication factor of topics the relay creates; -1 = the broker's default. Default -1. */
  readonly replicationFactor?: number;
  /** Publish only these events. Default: every event. */
  readonly filter?: EventFilter;
  /** Attempts to publish one event before the relay stops (calls `onStopped`). Default 5. */
  readonly maxAttempts?: number;
  readonly onStopped?: (error: unknown) => void;
}

/**
 * Publishes every event of an event store to Kafka, in the store's global order.
 *
 * - Producer: idempotent (`idempotent: true`, `maxInFlightRequests: 1`, acks from all replicas), so
 *   the producer's own retries never duplicate or reorder a message within a partition.
 * - Key = stream id: one stream's events stay in one partition, in revision order.
 * - One topic per stream category (`<prefix>.<category>`), created through the admin client.
 * - Delivery is at-least-once: the relay's checkpoint is stored after Kafka acknowledged the event,
 *   so a relay that dies in between publishes that event again when it restarts. Consumers must
 *   deduplicate by event id (the `event-id` header); `KafkaSubscriptionSource` does so in a window.
 */
export class KafkaRelay {
  private constructor(
    private readonly subscription: Subscription,
    private readonly producer: Producer,
    private readonly admin: Admin,
  ) {}

  static async start(options: KafkaRelayOptions): Promise<KafkaRelay> {
    const prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    const producer = options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner: other Kafka clients put a stream's key in the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const admin = options.kafka.admin();
    await producer.connect();
    try {
      await admin.connect();
      const topics = new TopicProvisioner(admin, {
        numPartitions: options.partitions ?? 6,
        replicationFactor: options.replicationFactor ?? -1,
      });

      async function publish(event: RecordedEvent): Promise<void> {
        const topic = topicForStream(prefix, event.streamId);
        await topics.ensure(topic);
        await producer.send({ topic, acks: -1, messages: [encodeEvent(event)] });
      }

      const subscription = await options.store.subscribeToAll({
        subscriptionId: options.subscriptionId ?? 'kafka-relay',
        handle: publish,
        ...(options.filter ? { filter: options.filter } : {}),
        ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
        ...(options.onStopped ? { onStopped: options.onStopped } : {}),
      });
      return new KafkaRelay(subscription, producer, admin);
    } catch (error) {
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
      throw error;
    }
  }

  /** Position of the last event Kafka acknowledged and the relay checkpointed. */
  get checkpoint(): Position | undefined {
    return this.subscription.checkpoint;
  }

  /** Resolves once every event committed before this call has been published. */
  waitUntilCaughtUp(timeoutMs?: number): Promise<void> {
    return this.subscription.waitUntilCaughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
