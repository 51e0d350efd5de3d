import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLError, parse, validate } from 'graphql';
import { DEFAULT_GRAPHQL_LIMITS, graphqlLimitOptions } from './graphql-limits';
import { readSupergraph } from './supergraph';

// The rules alone (no specified rules) against the checked-in supergraph: the limits do not need a valid
// API schema, only the operation.
const schema = buildSchema(readSupergraph(), { assumeValidSDL: true });

function limitErrors(query: string, limits = DEFAULT_GRAPHQL_LIMITS): readonly GraphQLError[] {
  const { validationRules, parseOptions } = graphqlLimitOptions(limits);
  return validate(schema, parse(query, parseOptions), validationRules);
}

/** Every GraphQL operation in the README's curl examples (`"query":"…"` in JSON). */
function readmeQueries(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  return [...readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
}

describe('the default GraphQL limits', () => {
  it('given the README’s examples, when checked, then none is refused', () => {
    const queries = readmeQueries();

    expect(queries.length).toBeGreaterThanOrEqual(5);
    expect(queries.filter((query) => limitErrors(query).length > 0)).toEqual([]);
  });

  it('given the README’s administrator query at the largest page (100), when checked, then it passes', () => {
    const administratorQuery = readmeQueries().find((query) => query.includes('deadLetters'))!;

    expect(limitErrors(administratorQuery.replace(/first: \d+/g, 'first: 100'))).toEqual([]);
  });

  it('given an operation over each limit, when checked, then each refusal names its limit', () => {
    const limits = { maxDepth: 3, maxCost: 50, maxAliases: 1, maxDirectives: 1, maxTokens: 1_000 };

    const messages = limitErrors(
      '{ a: identities(first: 10) { edges { node { displayName @skip(if: false) title @skip(if: false) } } } b: platformStatus { identity { service } } }',
      limits,
    ).map((error) => error.message);

    expect(messages).toEqual([
      expect.stringContaining('Cost limit of 50 exceeded'),
      expect.stringContaining('Aliases limit of 1 exceeded, found 2'),
      expect.stringContaining('Directives limit of 1 exceeded, found 2'),
      expect.stringContaining('depth limit of 3 exceeded, found 4'),
    ]);
  });

  it('given more tokens than allowed, when parsed, then parsing stops naming the limit', () => {
    expect(() => limitErrors('{ platformStatus { identity { service } } }', { ...DEFAULT_GRAPHQL_LIMITS, maxTokens: 5 })).toThrow(
      /more that 5 tokens/,
    );
  });
});
