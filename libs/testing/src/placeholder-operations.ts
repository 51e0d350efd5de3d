import {
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

/** What a scalar placeholder is, for the scalars this subgraph's arguments use. */
const SCALAR_PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  String: 'placeholder',
  ID: 'placeholder',
  Int: 1,
  Float: 1,
  Boolean: false,
  JSON: {},
  DateTimeISO: '2030-01-01T00:00:00.000Z',
};

export function schemaFromIntrospection(introspection: IntrospectionQuery): GraphQLSchema {
  return buildClientSchema(introspection);
}

/**
 * One operation per mutation of the schema, with every required argument given a value that
 * passes GraphQL validation: what reaches the resolver, so a missing authorization check shows.
 */
export function placeholderMutations(
  schema: GraphQLSchema,
): { readonly name: string; readonly query: string; readonly variables: Record<string, unknown> }[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => placeholderOperation(field));
}

function placeholderOperation(field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const argumentList = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    name: field.name,
    query: `mutation${declarations ? `(${declarations})` : ''} { ${field.name}${argumentList ? `(${argumentList})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, placeholderValue(arg.type)])),
  };
}

function placeholderValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholderValue(type.ofType);
  if (isListType(type)) return [placeholderValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isScalarType(type)) {
    if (!(type.name in SCALAR_PLACEHOLDERS)) throw new Error(`no placeholder for scalar ${type.name}: add one`);
    return SCALAR_PLACEHOLDERS[type.name];
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (inputField) => isNonNullType(inputField.type) && inputField.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((inputField) => [inputField.name, placeholderValue(inputField.type)]));
  }
  throw new Error(`no placeholder for ${String(type)}`);
}
