import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HAS_UUID = new RegExp(UUID.source, 'i');
const EMPLOYEE_NUMBER = /\b1\d{4}\b/g;
/** Copy k's employee numbers are the recorded ones plus k times this. */
const EMPLOYEE_NUMBER_STRIDE = 100_000;

/** A run of events of one stream, appended together (one append of the recording, usually). */
interface Append {
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
}

/**
 * The recorded traffic as copies of the company: every person, request, assignment, operation and
 * event id gets a fresh value in each copy, so copies never collide and each reads like another
 * company going through the same lifecycle. Streams that name no one (the published policy, the
 * application catalog) are shared, as are the ids they hold; they are not copied.
 */
export class TrafficCopier {
  private readonly appends: Append[];
  private readonly sharedIds: ReadonlySet<string>;
  private readonly employeeNumbers: ReadonlySet<string>;
  readonly eventsPerCopy: number;

  constructor(recording: readonly RecordedEvent[]) {
    const employeeNumbers = new Set<string>();
    for (const event of recording) {
      const number = (event.data as { employeeNumber?: unknown } | null)?.employeeNumber;
      if (typeof number === 'string') employeeNumbers.add(number);
    }
    this.employeeNumbers = employeeNumbers;
    const copied = (event: RecordedEvent) => HAS_UUID.test(event.streamId) || this.namesSomeone(event.streamId);
    const sharedIds = new Set<string>();
    for (const event of recording) {
      if (copied(event)) continue;
      for (const id of `${event.streamId} ${JSON.stringify(event.data)}`.match(UUID) ?? []) sharedIds.add(id.toLowerCase());
    }
    this.sharedIds = sharedIds;
    this.appends = [];
    for (const event of recording) {
      if (!copied(event)) continue;
      const last = this.appends[this.appends.length - 1];
      if (last && last.streamId === event.streamId && last.events.at(-1)!.position.commit === event.position.commit) {
        (last.events as RecordedEvent[]).push(event);
      } else this.appends.push({ streamId: event.streamId, events: [event] });
    }
    this.eventsPerCopy = this.appends.reduce((sum, append) => sum + append.events.length, 0);
  }

  /** Appends copy number `copy` (1, 2, …) in the recording's order. */
  async appendCopy(store: PostgresEventStore, copy: number): Promise<void> {
    const ids = new Map<string, string>();
    const rename = (text: string): string =>
      text
        .replace(UUID, (id) => {
          const key = id.toLowerCase();
          if (this.sharedIds.has(key)) return id;
          let fresh = ids.get(key);
          if (!fresh) ids.set(key, (fresh = randomUUID()));
          return fresh;
        })
        .replace(EMPLOYEE_NUMBER, (number) =>
          this.employeeNumbers.has(number) ? String(Number(number) + copy * EMPLOYEE_NUMBER_STRIDE) : number,
        );
    for (const append of this.appends) {
      const events: NewEvent[] = append.events.map((event) => ({
        type: event.type,
        data: JSON.parse(rename(JSON.stringify(event.data))),
        metadata: JSON.parse(rename(JSON.stringify(event.metadata))),
      }));
      await store.appendToStream(rename(append.streamId), events);
    }
  }

  private namesSomeone(streamId: string): boolean {
    return (streamId.match(EMPLOYEE_NUMBER) ?? []).some((number) => this.employeeNumbers.has(number));
  }
}
