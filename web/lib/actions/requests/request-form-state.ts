import type { RequestDecision } from '../../data/request-decision';
import type { FormState } from '../form-state';

/** The request form's state: the policy preview for the duration last checked, and a refusal's reasons. */
export interface RequestFormState extends FormState {
  decision?: RequestDecision | null;
  /** Set when the request was made and policy refused it. */
  refusal?: { requestId: string; reasons: string[] };
}
