import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DriftRemediationName } from '../reconciliation/reconciliation-enums';
import { ConnectorErrorKind, ConnectorTypeName } from '../shared/connector-enums';

@ObjectType({ description: 'How reconciliation treats an application: what it does with drift, and how often it runs on its own.' })
export class ReconciliationSetting {
  @Field(() => DriftRemediationName)
  remediation!: DriftRemediationName;

  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled runs; null: on demand only.' })
  scheduleMinutes!: number | null;
}

@ObjectType({ description: 'A target system Tenure provisions, as administrators registered it. Its credentials are never shown.' })
export class Application {
  @Field(() => ID, { description: 'The administrator-chosen id, e.g. "github".' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => ConnectorTypeName)
  connectorType!: ConnectorTypeName;

  @Field(() => GraphQLJSON, { description: 'The connector settings, defaults filled in; secrets appear by name only.' })
  settings!: Record<string, unknown>;

  @Field(() => [String], { description: 'The names of the credentials set (their values are never returned).' })
  credentialNames!: string[];

  @Field(() => Date, { nullable: true, description: 'When the credentials were last set; null if none are.' })
  credentialsSetAt!: Date | null;

  @Field(() => [String], { description: 'Credentials the settings refer to that are not set yet.' })
  missingCredentialNames!: string[];

  @Field({ description: 'False while paused: provisioning waits.' })
  enabled!: boolean;

  @Field(() => String, { nullable: true })
  pausedReason!: string | null;

  @Field(() => Date, { nullable: true })
  pausedAt!: Date | null;

  @Field({ description: 'The owner’s employee number (approves access, does manual tasks).' })
  ownerEmployeeNumber!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => ReconciliationSetting)
  reconciliation!: ReconciliationSetting;
}

@ObjectType({ description: 'Whether the target answered with the configured credentials; when not, why (never a secret).' })
export class ConnectionTest {
  @Field()
  ok!: boolean;

  @Field(() => ConnectorErrorKind, { nullable: true })
  errorKind!: ConnectorErrorKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether trying again later may help.' })
  retryable!: boolean | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
