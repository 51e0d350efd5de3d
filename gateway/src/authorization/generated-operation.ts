import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/**
 * A mutation with made-up but well-typed arguments, for checks that must refuse before any argument is
 * looked at (an administrator-only mutation refuses a person whatever they send). Required arguments
 * and required input fields only; every scalar gets a plain value of its type.
 */
export function generatedOperation(field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((argument) => argument.type instanceof GraphQLNonNull);
  const declarations = required.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const uses = required.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `mutation AuthorizationMatrix${declarations ? `(${declarations})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((argument) => [argument.name, valueOf(argument.type)])),
  };
}

function valueOf(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return valueOf(type.ofType);
  if (type instanceof GraphQLList) return [valueOf(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields()).filter((inputField) => inputField.type instanceof GraphQLNonNull);
    return Object.fromEntries(fields.map((inputField) => [inputField.name, valueOf(inputField.type)]));
  }
  return scalarValue(type as GraphQLScalarType);
}

function scalarValue(type: GraphQLScalarType): unknown {
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return /date|time/i.test(type.name) ? new Date().toISOString() : 'authorization-matrix';
  }
}
