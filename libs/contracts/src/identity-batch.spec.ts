import { foldIdentityBatch, identityEventsByEmployee, type IdentitySnapshot, type IdentityStreamEvent } from './identity-events';

const attributes = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.com',
  department: 'Engineering',
  title: 'Engineer',
  managerEmployeeNumber: null,
  location: 'London',
  costCenter: 'CC-1',
  employmentType: 'employee',
  custom: {},
};
const at = (minute: number) => new Date(`2026-11-26T08:${String(minute).padStart(2, '0')}:00.000Z`);
const event = (employeeNumber: string, type: string, data: unknown, minute: number): IdentityStreamEvent => ({
  streamId: `identity-${employeeNumber}`,
  type,
  data,
  recordedAt: at(minute),
});

describe('folding a batch of identity events', () => {
  it('given events of two people interleaved, when grouped, then each keeps its own events in log order', () => {
    const events = [event('1', 'A', {}, 1), event('2', 'B', {}, 2), event('1', 'C', {}, 3)];

    const grouped = identityEventsByEmployee(events);

    expect([...grouped.keys()]).toEqual(['1', '2']);
    expect(grouped.get('1')!.map((e) => e.type)).toEqual(['A', 'C']);
  });

  it('given a stored snapshot and a batch, when folded, then only changed snapshots come back, stamped with their last event', () => {
    const stored: IdentitySnapshot = { identityId: 'i2', employeeNumber: '2', status: 'active', attributes };
    const events = [
      event('1', 'IdentityHired', { identityId: 'i1', employeeNumber: '1', attributes, startDate: '2026-12-01' }, 1),
      event('1', 'IdentityActivated', { identityId: 'i1', employeeNumber: '1', attributes, lifecycle: 'joiner' }, 2),
      event('2', 'AttributeChangeScheduled', {}, 3),
    ];

    const changed = foldIdentityBatch(events, new Map([['2', stored]]));

    expect(changed).toEqual([{ snapshot: { identityId: 'i1', employeeNumber: '1', status: 'active', attributes }, at: at(2) }]);
  });
});
