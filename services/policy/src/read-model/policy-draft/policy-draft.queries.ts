import { policySetDecider, type PolicySetState } from '../../domain/policy-set';
import type { Queryable } from '../queryable';

/** The policy set's state as the read model last folded it (the initial state before any event). */
export async function loadPolicySetState(db: Queryable): Promise<PolicySetState> {
  const { rows } = await db.query<{ state: PolicySetState }>('SELECT state FROM policy_draft WHERE singleton');
  return rows[0]?.state ?? policySetDecider.initialState();
}
