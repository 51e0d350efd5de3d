import { ERASED_MARKER } from '@tenure/contracts';
import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import type { IdentityCommand, IdentityEvent } from './index';
import { identityDecider } from './identity.decider';
import { ada, command, EMPLOYEE, event, IDENTITY_ID, record } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const terminated = [event.hired('2020-01-06'), event.activated('2020-01-06'), event.terminated('2023-06-30')];
const NOW = new Date('2026-11-26T09:00:00.000Z');

const erase = (legalReference = 'GDPR-17 case 2026-041'): IdentityCommand => ({
  type: 'ErasePersonalData',
  data: { legalReference, erasedBy: 'person:9000', now: NOW },
});

const erased: IdentityEvent = {
  type: 'PersonalDataErased',
  data: {
    identityId: IDENTITY_ID,
    employeeNumber: EMPLOYEE,
    legalReference: 'GDPR-17 case 2026-041',
    erasedBy: 'person:9000',
    erasedAt: NOW.toISOString(),
  },
};

describe('erasure of personal data', () => {
  it('given a former employee, when erased, then the erasure is recorded with who, when and the legal reference only', () => {
    spec.given(terminated).when(erase()).then([erased]);
  });

  it('given an erasure, when folded, then names, email and custom attributes are blanked and the rest is kept', () => {
    const state = fold(identityDecider, [...terminated, erased]);

    expect(state).toMatchObject({
      status: 'terminated',
      personalDataErasedAt: NOW.toISOString(),
      attributes: {
        ...ada,
        givenName: ERASED_MARKER,
        familyName: ERASED_MARKER,
        email: ERASED_MARKER,
        custom: Object.fromEntries(Object.keys(ada.custom).map((key) => [key, ERASED_MARKER])),
      },
    });
  });

  it('given an erased former employee, when erased again, then nothing new is recorded (a retry only destroys the key again)', () => {
    spec
      .given([...terminated, erased])
      .when(erase())
      .then([]);
  });

  it('given someone still employed, when erased, then it is refused naming the person and why', () => {
    spec
      .given([event.hired('2025-01-06'), event.activated('2025-01-06')])
      .when(erase())
      .thenThrows({
        code: 'illegal_state',
        message: `employee ${EMPLOYEE} is active: their personal data cannot be erased while they are employed; erasure is for former employees (terminate them first)`,
      });
  });

  it('given no legal reference, when erased, then it is a validation error', () => {
    spec
      .given(terminated)
      .when(erase('  '))
      .thenThrows({ code: 'validation', message: expect.stringContaining('legal reference') });
  });

  it('given an identity never hired, when erased, then it is not found', () => {
    spec.given([]).when(erase()).thenThrows({ code: 'not_found' });
  });

  it('given an erased former employee HR still lists as a leaver with their name, when synced, then nothing changes; other changes are still refused', () => {
    spec
      .given([...terminated, erased])
      .when(command.sync(record({ active: false }), '2026-11-27'))
      .then([]);
    spec
      .given([...terminated, erased])
      .when(command.sync(record({ active: false, attributes: { ...ada, department: 'Elsewhere' } }), '2026-11-27'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('changing department') });
  });

  it('given an erased former employee, when rehired, then the new employment has its own data and can be erased again', () => {
    const rehired = [...terminated, erased, event.rehired('2026-12-01', 2)];

    expect(fold(identityDecider, rehired)).toMatchObject({ status: 'pre-hire', attributes: ada });
    spec
      .given([...rehired, event.activated('2026-12-01', ada, 2), event.terminated('2027-01-31', 2)])
      .when(erase())
      .then([erased]);
  });
});
