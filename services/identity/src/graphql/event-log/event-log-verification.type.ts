import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One event (or missing revision) the verification found altered.' })
export class EventLogFinding {
  @Field({ description: 'MODIFIED, REMOVED, INSERTED or REORDERED.' })
  kind!: string;

  @Field()
  streamId!: string;

  @Field({ description: 'The stored revision; for REMOVED, the missing one.' })
  revision!: string;

  @Field(() => String, { nullable: true, description: 'Null for REMOVED: the event is gone.' })
  eventId!: string | null;

  @Field(() => String, { nullable: true, description: 'The event’s global position (commit:prepare); null for REMOVED.' })
  position!: string | null;

  @Field({ description: 'chain: found by recomputing the stream’s hash chain; checkpoint: by comparing stream heads with a checkpoint.' })
  source!: string;

  @Field()
  detail!: string;
}

@ObjectType({ description: 'The checkpoint the stream heads were compared with.' })
export class EventLogCheckpoint {
  @Field({ description: 'database (the latest one kept by Tenure) or export (one an auditor kept).' })
  source!: string;

  @Field()
  id!: string;

  @Field({ description: 'The SHA-256 root folding every stream head at the checkpoint.' })
  root!: string;

  @Field(() => Int)
  streams!: number;

  @Field()
  intact!: boolean;

  @Field(() => [String])
  problems!: string[];
}

@ObjectType({ description: 'Every stream’s hash chain recomputed, and the heads compared with the latest checkpoint.' })
export class EventLogVerification {
  @Field({ description: 'True when nothing was modified, removed, inserted or reordered.' })
  intact!: boolean;

  @Field(() => Int)
  streams!: number;

  @Field(() => Float)
  events!: number;

  @Field(() => Float)
  seconds!: number;

  @Field(() => [EventLogFinding])
  findings!: EventLogFinding[];

  @Field(() => Int, { description: 'Findings beyond the ones listed.' })
  findingsOmitted!: number;

  @Field(() => EventLogCheckpoint, { nullable: true, description: 'Null before the first checkpoint.' })
  checkpoint!: EventLogCheckpoint | null;
}
