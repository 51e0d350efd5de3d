import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ConnectorTypeName } from '../shared/connector-enums';

@InputType({ description: 'One secret by name, e.g. the bind password the settings refer to. Stored encrypted, never returned.' })
export class CredentialInput {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

@InputType()
export class RegisterApplicationInput {
  @Field(() => ID, { description: '1 to 64 lower-case letters, digits and inner hyphens; it cannot change.' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => ConnectorTypeName)
  connectorType!: ConnectorTypeName;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Checked against the connector type’s settings; secrets by name only.' })
  settings?: Record<string, unknown> | null;

  @Field(() => [CredentialInput], { nullable: true })
  credentials?: CredentialInput[] | null;

  @Field()
  ownerEmployeeNumber!: string;

  @Field({ defaultValue: true, description: 'False registers it paused.' })
  enabled!: boolean;
}
