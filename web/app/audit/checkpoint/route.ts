import { readsEverything } from '@/components/admin/roles';
import { GraphqlRequestError } from '@/lib/graphql';
import { postGraphql } from '@/lib/graphql-client';
import { portalConfig } from '@/lib/config';
import { getSession } from '@/lib/session';

export const dynamic = 'force-dynamic';

/**
 * GET /audit/checkpoint: the latest hash checkpoint with every stream head it sealed, as a JSON file
 * for an auditor to keep outside Tenure and verify the history against later (the Audit page's
 * "Verify the history" takes it back). Auditors and administrators only.
 */
export async function GET(): Promise<Response> {
  const session = await getSession();
  if (!session) return plain(401, 'Sign in to download the checkpoint.');
  if (!readsEverything(session))
    return plain(403, `The checkpoint is for auditors and administrators, and ${session.employeeNumber} is neither.`);
  try {
    const { exportedHashCheckpoint } = await postGraphql<{ exportedHashCheckpoint: string | null }>(
      portalConfig().gatewayUrl,
      session.accessToken,
      '{ exportedHashCheckpoint }',
    );
    if (exportedHashCheckpoint === null) return plain(404, 'No checkpoint has been sealed yet.');
    const { id } = JSON.parse(exportedHashCheckpoint) as { id: string };
    return new Response(exportedHashCheckpoint, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="tenure-checkpoint-${id.replace(/[^\w-]/g, '')}.json"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return plain(502, `The checkpoint could not be read: ${error.message}`);
  }
}

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
