import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The identity subgraph's entity, extended here with what workflow holds for the person; every
 * other field of an identity comes from the identity subgraph.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Identity {
  @Field(() => ID)
  id!: string;
}

export function identityReference(id: string): Identity {
  return Object.assign(new Identity(), { id });
}
