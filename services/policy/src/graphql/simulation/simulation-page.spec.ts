import type { SimulatedIdentity } from '@tenure/policy-decisions';
import { pageOfAffected } from './simulation-page';

const affected = (employeeNumbers: readonly string[]): SimulatedIdentity[] =>
  employeeNumbers.map((employeeNumber) => ({
    identityId: `id-${employeeNumber}`,
    employeeNumber,
    added: [],
    removed: [],
    newViolations: [],
  }));

describe('a page of the identities a simulation affects', () => {
  it('given more than a page, when paged with the end cursors, then every identity comes once, in order', () => {
    const all = affected(['7', '10', '11', '200', '3000']);
    const seen: string[] = [];
    let after: string | null = null;
    let hasNextPage = true;
    while (hasNextPage) {
      const page = pageOfAffected(all, 2, after);
      seen.push(...page.items.map((item) => item.identity.employeeNumber));
      after = page.items.at(-1)?.cursor ?? null;
      hasNextPage = page.hasNextPage;
    }
    expect(seen).toEqual(['7', '10', '11', '200', '3000']);
  });

  it('given a cursor from an earlier simulation, when the identity it names is no longer affected, then the page continues after where it was', () => {
    const before = pageOfAffected(affected(['7', '10', '11']), 2, null);
    const now = pageOfAffected(affected(['7', '11', '12']), 2, before.items[1]!.cursor);
    expect(now.items.map((item) => item.identity.employeeNumber)).toEqual(['11', '12']);
  });

  it('given a page size out of range or a cursor it did not hand out, then it is refused naming the argument', () => {
    expect(() => pageOfAffected([], 101, null)).toThrow(
      expect.objectContaining({ code: 'validation', details: { field: 'first', max: 100 } }),
    );
    expect(() => pageOfAffected([], -1, null)).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => pageOfAffected([], 2, 'bm9wZQ')).toThrow(expect.objectContaining({ code: 'validation', details: { field: 'after' } }));
  });

  it('given first 0, then the page is empty and says whether identities follow', () => {
    expect(pageOfAffected(affected(['1']), 0, null)).toEqual({ items: [], hasNextPage: true });
  });
});
