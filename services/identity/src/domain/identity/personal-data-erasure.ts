import { DomainError } from '@tenure/event-sourcing';
import type { ErasePersonalData } from './identity.commands';
import { identityNotHired } from './identity-errors';
import type { IdentityEvent, IdentityState } from './identity.events';

/**
 * Only a former employee's personal data may be erased: while someone is employed (or about to
 * be) their name and email are what access is provisioned with. Erasing twice records nothing new,
 * so a retry after a failed key destruction can run the destruction again.
 */
export function decideErasePersonalData(data: ErasePersonalData['data'], state: IdentityState): readonly IdentityEvent[] {
  if (state.status === 'unknown') throw identityNotHired('erasing personal data');
  const legalReference = data.legalReference.trim();
  if (legalReference.length === 0) {
    throw new DomainError(
      'validation',
      `employee ${state.employeeNumber}: erasing personal data needs the legal reference of the request`,
      {
        employeeNumber: state.employeeNumber,
        field: 'legalReference',
      },
    );
  }
  if (state.status !== 'terminated') {
    throw new DomainError(
      'illegal_state',
      `employee ${state.employeeNumber} is ${state.status}: their personal data cannot be erased while they are employed; ` +
        'erasure is for former employees (terminate them first)',
      { employeeNumber: state.employeeNumber, identityId: state.identityId, status: state.status, reason: 'still-employed' },
    );
  }
  if (state.personalDataErasedAt !== undefined) return [];
  return [
    {
      type: 'PersonalDataErased',
      data: {
        identityId: state.identityId,
        employeeNumber: state.employeeNumber,
        legalReference,
        erasedBy: data.erasedBy,
        erasedAt: data.now.toISOString(),
      },
    },
  ];
}
