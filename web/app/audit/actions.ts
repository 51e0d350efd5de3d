'use server';

import { unstable_rethrow } from 'next/navigation';
import { readsEverything } from '@/components/admin/roles';
import { MAX_FINDINGS, type EventLogVerification, type VerificationState } from '@/components/audit/event-log-verification';
import { refusalState } from '@/lib/actions/form-action';
import { graphql, GraphqlRequestError } from '@/lib/graphql';
import { requireSession } from '@/lib/session';

const VERIFICATION_FIELDS = `intact streams events seconds findingsOmitted
  findings { kind streamId revision eventId position source detail }
  checkpoint { source id root streams intact problems }`;

/** Recomputes the identity event log's hash chains (eventLogVerification) for an administrator or auditor. */
export async function verifyHistory(_previous: VerificationState, _formData: FormData): Promise<VerificationState> {
  const session = await requireSession();
  if (!readsEverything(session)) return { status: 'error', message: 'Only administrators and auditors may verify the history.' };
  try {
    const { eventLogVerification } = await graphql<{ eventLogVerification: EventLogVerification }>(
      `query VerifyEventLog($maxFindings: Int!) { eventLogVerification(maxFindings: $maxFindings) { ${VERIFICATION_FIELDS} } }`,
      { maxFindings: MAX_FINDINGS },
    );
    return { status: 'done', verification: eventLogVerification };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof GraphqlRequestError) {
      return { status: 'error', message: `The history could not be verified: ${refusalState(error, {}).message}` };
    }
    throw error;
  }
}
