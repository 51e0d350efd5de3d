import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OperationError } from './operation.type';
import { CircuitStateName } from './provisioning-enums';

@ObjectType({ description: 'How provisioning to an application goes.' })
export class ApplicationHealth {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => CircuitStateName)
  circuit!: CircuitStateName;

  @Field(() => Int, { description: 'Retryable failures in a row (the circuit opens at 5).' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true })
  circuitOpenedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an open circuit lets a trial operation through.' })
  circuitRetryAt!: Date | null;

  @Field(() => OperationError, { nullable: true, description: 'The last failed attempt of any of its operations.' })
  lastError!: OperationError | null;

  @Field(() => Date, { nullable: true, description: 'When its connector last completed an operation.' })
  lastSuccessAt!: Date | null;

  @Field(() => Int, { description: 'Operations waiting (requested or retrying).' })
  waiting!: number;

  @Field(() => Int)
  deadLetters!: number;

  @Field(() => Int)
  openTasks!: number;
}
