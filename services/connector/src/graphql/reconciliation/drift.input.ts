import { Field, ID, InputType } from 'type-graphql';
import { DriftKindName, DriftStatusName } from './reconciliation-enums';

@InputType({ description: 'Which drift to list; every field narrows, none lists all.' })
export class DriftFilter {
  @Field(() => ID, { nullable: true })
  applicationId?: string | null;

  @Field(() => DriftKindName, { nullable: true })
  kind?: DriftKindName | null;

  @Field(() => [DriftStatusName], { nullable: true, description: 'Any of these; e.g. [OPEN] for what waits for an administrator.' })
  status?: DriftStatusName[] | null;
}
