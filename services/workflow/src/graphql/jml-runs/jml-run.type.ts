import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Identity } from '../identity/identity.type';
import { JmlRunKind, JmlRunStatus } from './jml-run-enums';

@ObjectType({
  description:
    'A joiner, mover or leaver run with its timings: from the identity event that started it to the last acknowledgement (or failure) of the work it caused.',
})
export class JmlRun {
  @Field(() => ID, { description: 'The id of the identity event that started the run.' })
  id!: string;

  @Field(() => JmlRunKind)
  kind!: JmlRunKind;

  @Field(() => ID)
  identityId!: string;

  @Field(() => Identity, { description: 'The person, for the identity subgraph’s fields (name, employee number).' })
  identity!: Identity;

  @Field(() => ID, { description: 'The identity event (activation, move, termination) the run answers.' })
  triggerEventId!: string;

  @Field({ description: 'Its type, e.g. "IdentityTerminated".' })
  triggerType!: string;

  @Field({ description: 'When the identity event occurred: the start of the clock.' })
  startedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'The last acknowledgement (or failure) once everything planned has settled; null while in progress.',
  })
  completedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Milliseconds from startedAt to completedAt: for a leaver the time to revoke, for a joiner the time to be ready on day one. Null while in progress.',
  })
  durationMs!: number | null;

  @Field(() => Int, { description: 'Grants, revokes and account disables the run waits for (so far, while still being planned).' })
  expected!: number;

  @Field(() => Int)
  acknowledged!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: 'Neither acknowledged nor failed yet.' })
  pending!: number;

  @Field(() => JmlRunStatus)
  status!: JmlRunStatus;
}
