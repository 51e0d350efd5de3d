import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The identity subgraph's entity, extended here with what Tenure provisioned for the person; every
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

/** `Identity.__resolveReference`: any id; what the connector knows about it is resolved field by field. */
export function resolveIdentityReference(representation: Readonly<Record<string, unknown>>): Identity | null {
  const id = representation['id'];
  return typeof id === 'string' ? identityReference(id) : null;
}
