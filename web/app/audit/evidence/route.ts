import { buildEvidence, EVIDENCE_KINDS, EvidenceSourceError } from '@tenure/evidence-export';
import { readsEverything } from '@/components/admin/roles';
import { portalConfig } from '@/lib/config';
import { readEvidenceQuery } from '@/lib/evidence/evidence-query';
import { evidenceZipName, zipEvidence } from '@/lib/evidence/evidence-zip';
import { getSession } from '@/lib/session';

export const dynamic = 'force-dynamic';

/**
 * GET /audit/evidence?kind=…&from=…&to=…: the evidence export (the same as `npm run evidence -- export`),
 * read through the gateway with the signed-in person's own access token, as one zip of the CSV and JSON
 * files and manifest.json. Auditors and administrators only; the gateway refuses anyone else anyway.
 */
export async function GET(request: Request): Promise<Response> {
  const now = new Date();
  const session = await getSession();
  if (!session) return refusal(401, 'Sign in to download evidence.');
  if (!readsEverything(session))
    return refusal(403, `Evidence is for auditors and administrators, and ${session.employeeNumber} is neither.`);

  const read = readEvidenceQuery(new URL(request.url).searchParams, EVIDENCE_KINDS, now);
  if (!read.query) return refusal(400, read.problem);
  const { kinds, period } = read.query;
  try {
    const evidence = await buildEvidence({
      graphqlUrl: `${portalConfig().gatewayUrl}/graphql`,
      token: session.accessToken,
      kinds: EVIDENCE_KINDS.filter((kind) => kinds.includes(kind.name)),
      now,
      period,
    });
    const zip = zipEvidence(evidence.files, now);
    return new Response(Buffer.from(zip), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${evidenceZipName(now)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof EvidenceSourceError)) throw error;
    return refusal(502, `The evidence could not be read: ${error.message}`);
  }
}

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
