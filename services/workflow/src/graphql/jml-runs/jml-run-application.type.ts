import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A run’s grants and revokes in one application: for a leaver, the time to revoke in that application. Account disables are the connector’s operations (cause TERMINATION, reference the run id), which name their application.',
})
export class JmlRunApplication {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int, { description: 'Grants and revokes in this application the run waits for.' })
  expected!: number;

  @Field(() => Int)
  acknowledged!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: 'Neither acknowledged nor failed yet.' })
  pending!: number;

  @Field(() => Date, { nullable: true, description: 'The last acknowledgement (or failure) in this application so far.' })
  lastSettledAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The last acknowledgement (or failure) once nothing here is pending and the run’s work is fully planned; else null.',
  })
  completedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Milliseconds from the run’s start (the identity event) to completedAt: for a leaver, the time to revoke in this application.',
  })
  durationMs!: number | null;
}
