import { entitlementKey, type EntitlementRef as EntitlementRefModel } from '@tenure/policy-decisions';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An entitlement as policy names it: the application (from the connector catalog) and its own key there.' })
export class EntitlementRef {
  @Field({ description: 'The application’s id in the connector catalog, e.g. "github".' })
  application!: string;

  @Field({ description: 'The entitlement’s key inside the application, e.g. "deploy-production".' })
  entitlement!: string;

  @Field({ description: '"application:entitlement", one string per entitlement.' })
  key!: string;
}

@InputType({ description: 'An entitlement: the application’s id and the entitlement’s key there.' })
export class EntitlementRefInput {
  @Field()
  application!: string;

  @Field()
  entitlement!: string;
}

export function toEntitlementRef(ref: EntitlementRefModel): EntitlementRef {
  return Object.assign(new EntitlementRef(), { application: ref.application, entitlement: ref.entitlement, key: entitlementKey(ref) });
}

export function toEntitlementRefs(refs: readonly EntitlementRefModel[]): EntitlementRef[] {
  return refs.map(toEntitlementRef);
}
