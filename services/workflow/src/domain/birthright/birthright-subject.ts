import { birthrightFor, type BirthrightDecision, type CompiledPolicy, type PolicySubject } from '@tenure/policy-decisions';

/**
 * The birthright workflow assigns: the policy decision for the subject, where someone on leave is
 * decided as if active. A leave keeps access as it is (starting or ending one adds and removes
 * nothing), while a move or a new version during the leave applies as for anyone else.
 */
export function assignableBirthright(policy: CompiledPolicy, subject: PolicySubject): BirthrightDecision {
  return birthrightFor(policy, subject.status === 'on-leave' ? { ...subject, status: 'active' } : subject);
}
