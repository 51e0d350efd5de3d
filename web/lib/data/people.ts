import 'server-only';
import { graphql } from '../graphql';

// The gateway refuses operations with more than 15 aliases (GRAPHQL_MAX_ALIASES): ask in chunks below it.
const CHUNK = 10;

/** Display names by employee number, for showing people rather than numbers; unknown numbers are left out. */
export async function displayNames(employeeNumbers: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(employeeNumbers)].filter(Boolean);
  const names = new Map<string, string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const variables = Object.fromEntries(chunk.map((number, index) => [`n${index}`, number]));
    const declarations = chunk.map((_, index) => `$n${index}: String!`).join(', ');
    const fields = chunk.map((_, index) => `p${index}: identityByEmployeeNumber(employeeNumber: $n${index}) { displayName }`).join('\n');
    const data = await graphql<Record<string, { displayName: string } | null>>(
      `query PeopleNames(${declarations}) {\n${fields}\n}`,
      variables,
    );
    chunk.forEach((number, index) => {
      const person = data[`p${index}`];
      if (person) names.set(number, person.displayName);
    });
  }
  return names;
}
