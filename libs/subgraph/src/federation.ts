/**
 * The one place that pins the Apollo Federation version every Tenure subgraph speaks.
 * Raising it is a deliberate change to all subgraphs at once, followed by `npm run supergraph`.
 */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.3';

/** Federation directives a subgraph may use without the `federation__` prefix. */
export const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@extends',
  '@inaccessible',
  '@interfaceObject',
] as const;

export const FEDERATION_LINK = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ')}])`;
