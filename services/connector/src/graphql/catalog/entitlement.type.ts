import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Application } from '../applications/application.type';
import { PageInfo } from '../shared/page-info.type';
import { RiskLevel } from '../shared/connector-enums';

@ObjectType({ description: 'Something grantable in an application (a group, a role, a license), as discovered and annotated.' })
export class Entitlement {
  @Field(() => ID, { description: '"application:key", one id per entitlement.' })
  id!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => Application, { nullable: true })
  application?: Application | null;

  @Field({ description: 'The key inside the application, e.g. the group’s name.' })
  key!: string;

  @Field({ description: 'The administrators’ name for it, else the target’s.' })
  displayName!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'What the target calls it: "group", "role", "license"...' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The owner’s employee number, when one is named.' })
  ownerEmployeeNumber!: string | null;

  @Field(() => RiskLevel, { nullable: true, description: 'Null until assessed.' })
  risk!: RiskLevel | null;

  @Field(() => Float, { nullable: true, description: 'Per holder and month, in licenseCurrency.' })
  licenseCost!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of licenseCost.' })
  licenseCurrency!: string | null;

  @Field({ description: 'Whether people may ask for it.' })
  requestable!: boolean;

  @Field({ description: 'Whether the target listed it at the last discovery.' })
  present!: boolean;

  @Field()
  discoveredAt!: Date;

  @Field(() => Date, { nullable: true })
  vanishedAt!: Date | null;
}

@ObjectType()
export class EntitlementEdge {
  @Field({ description: 'Pass as `after` to continue.' })
  cursor!: string;

  @Field(() => Entitlement)
  node!: Entitlement;
}

@ObjectType({ description: 'A page of the entitlement catalog.' })
export class EntitlementConnection {
  @Field(() => [EntitlementEdge])
  edges!: EntitlementEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'What one discovery found in the target.' })
export class EntitlementDiscovery {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int, { description: 'Entitlements the target lists now.' })
  listed!: number;

  @Field(() => Int, { description: 'New in the catalog (or back after vanishing).' })
  discovered!: number;

  @Field(() => Int, { description: 'No longer listed by the target.' })
  vanished!: number;
}
