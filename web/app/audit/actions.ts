'use server';

import { unstable_rethrow } from 'next/navigation';
import { readsEverything } from '@/components/admin/roles';
import { MAX_FINDINGS, type EventLogVerification, type VerificationState } from '@/components/audit/event-log-verification';
import { refusalState } from '@/lib/actions/form-action';
import { graphql, GraphqlRequestError } from '@/lib/graphql';
import { requireSession } from '@/lib/session';

/** A checkpoint names every stream head: a few MB covers a very large log; anything larger is no checkpoint. */
const MAX_CHECKPOINT_BYTES = 20 * 1024 * 1024;

const VERIFICATION_FIELDS = `intact streams events seconds findingsOmitted
  findings { kind streamId revision eventId position source detail }
  checkpoint { source id root streams intact problems }`;

/** Recomputes the identity event log's hash chains (eventLogVerification) for an administrator or auditor. */
export async function verifyHistory(_previous: VerificationState, formData: FormData): Promise<VerificationState> {
  const session = await requireSession();
  if (!readsEverything(session)) return { status: 'error', message: 'Only administrators and auditors may verify the history.' };
  // A checkpoint kept outside Tenure (downloaded from this page earlier), when one is given.
  const kept = formData.get('checkpoint');
  const against = kept instanceof File && kept.size > 0 ? await kept.text() : null;
  if (kept instanceof File && kept.size > MAX_CHECKPOINT_BYTES) {
    return { status: 'error', message: `${kept.name} is too large for a checkpoint (${kept.size} bytes).` };
  }
  try {
    const { eventLogVerification } = await graphql<{ eventLogVerification: EventLogVerification }>(
      `query VerifyEventLog($maxFindings: Int!, $against: String) {
        eventLogVerification(maxFindings: $maxFindings, against: $against) { ${VERIFICATION_FIELDS} }
      }`,
      { maxFindings: MAX_FINDINGS, against },
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
