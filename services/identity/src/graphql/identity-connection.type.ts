import { Field, Int, ObjectType } from 'type-graphql';
import { Identity } from './identity.type';
import { PageInfo } from './page-info.type';

@ObjectType()
export class IdentityEdge {
  @Field({ description: 'Pass as `after` to continue after this identity.' })
  cursor!: string;

  @Field(() => Identity)
  node!: Identity;
}

@ObjectType({ description: 'A page of identities, ordered by family name, given name and employee number.' })
export class IdentityConnection {
  @Field(() => [IdentityEdge])
  edges!: IdentityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many identities match the filter in all pages.' })
  totalCount!: number;
}
