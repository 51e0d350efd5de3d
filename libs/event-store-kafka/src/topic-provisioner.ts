import type { Admin } from 'kafkajs';

export interface TopicSettings {
  readonly numPartitions: number;
  /** -1 lets the broker choose (its default.replication.factor). */
  readonly replicationFactor: number;
}

/** Creates a category's topic the first time the relay publishes to it. */
export class TopicProvisioner {
  private readonly known = new Set<string>();
  private listed = false;

  constructor(
    private readonly admin: Admin,
    private readonly settings: TopicSettings,
  ) {}

  async ensure(topic: string): Promise<void> {
    if (this.known.has(topic)) return;
    if (!this.listed) {
      for (const existing of await this.admin.listTopics()) this.known.add(existing);
      this.listed = true;
      if (this.known.has(topic)) return;
    }
    // Resolves false when another relay created it first: either way it exists now.
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: this.settings.numPartitions, replicationFactor: this.settings.replicationFactor }],
    });
    this.known.add(topic);
  }
}
