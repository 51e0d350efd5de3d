import { Field, ID, InputType } from 'type-graphql';
import { IdentityStatus } from './identity-status.enum';

@InputType({ description: 'Narrows the directory; every given criterion must hold.' })
export class IdentityFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name (either order), email or employee number.' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => IdentityStatus, { nullable: true })
  status?: IdentityStatus | null;

  @Field(() => ID, { nullable: true, description: 'Direct reports of the identity with this id.' })
  managerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Direct reports of this employee number, also before that manager is hired.' })
  managerEmployeeNumber?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  employmentType?: string | null;
}
