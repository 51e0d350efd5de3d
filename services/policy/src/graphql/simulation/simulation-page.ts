import { DomainError } from '@tenure/event-sourcing';
import { compareEmployeeNumbers, type SimulatedIdentity } from '@tenure/policy-decisions';

export const MAX_SIMULATION_PAGE = 100;

/**
 * A page of the affected identities, which the simulation lists by employee number then identity
 * id. The cursor names the last identity of a page, so it stays meaningful when the simulation is
 * computed again for the next page, even after the draft changed.
 */
export function pageOfAffected(
  affected: readonly SimulatedIdentity[],
  first: number,
  after: string | null,
): { readonly items: readonly { cursor: string; identity: SimulatedIdentity }[]; readonly hasNextPage: boolean } {
  checkPageSize(first);
  const from = after === null ? 0 : firstAfter(affected, decodeCursor(after));
  const page = affected.slice(from, from + first);
  return {
    items: page.map((identity) => ({ cursor: encodeCursor(identity), identity })),
    hasNextPage: from + page.length < affected.length,
  };
}

/** Checked before simulating, which is the expensive part. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_SIMULATION_PAGE) {
    throw new DomainError('validation', `first must be between 0 and ${MAX_SIMULATION_PAGE}, got ${first}`, {
      field: 'first',
      max: MAX_SIMULATION_PAGE,
    });
  }
}

interface Position {
  readonly employeeNumber: string;
  readonly identityId: string;
}

function firstAfter(affected: readonly SimulatedIdentity[], position: Position): number {
  const index = affected.findIndex((identity) => compare(identity, position) > 0);
  return index === -1 ? affected.length : index;
}

function compare(a: Position, b: Position): number {
  return (
    compareEmployeeNumbers(a.employeeNumber, b.employeeNumber) || (a.identityId < b.identityId ? -1 : a.identityId > b.identityId ? 1 : 0)
  );
}

function encodeCursor(identity: Position): string {
  return Buffer.from(JSON.stringify([identity.employeeNumber, identity.identityId]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Position {
  try {
    const [employeeNumber, identityId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof employeeNumber === 'string' && typeof identityId === 'string') return { employeeNumber, identityId };
  } catch {
    // Falls through to the error below: a cursor this service did not hand out.
  }
  throw new DomainError('validation', `after "${cursor}" is not a cursor of simulatePolicyDraft: pass an endCursor it returned`, {
    field: 'after',
  });
}
