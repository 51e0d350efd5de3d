import { mintCallerToken } from '@tenure/service-runtime';

/** Who an integration acts for, or why it may not. */
export type ActingPerson =
  { readonly kind: 'person'; readonly employeeNumber: string } | { readonly kind: 'refused'; readonly reason: string };

/** The identity service could not be asked: nobody can be resolved, which is the platform's problem, not the client's. */
export class DirectoryUnavailable extends Error {}

/** The subject of the gateway's own lookups in the directory: nobody in HR. */
export const GATEWAY_LOOKUP_SUBJECT = 'tenure-gateway';
const LOOKUP_TOKEN_HOURS = 60 / 3600;
const LOOKUP_TIMEOUT_MS = 5000;

const FIND_BY_EMAIL = `query ActingPersonByEmail($search: String!) {
  identities(first: 100, filter: { search: $search }) { edges { node { employeeNumber email status } } }
}`;

interface FoundIdentity {
  readonly employeeNumber: string;
  readonly email: string;
  readonly status: string;
}

interface LookupReply {
  readonly data?: { readonly identities?: { readonly edges: readonly { readonly node: FoundIdentity }[] } } | null;
  readonly errors?: readonly { readonly message: string }[];
}

/**
 * Finds the one active person an integration acts for, by their email, in the identity service. The
 * gateway asks with a caller token of its own (auditor, a minute, subject `tenure-gateway`) used for
 * this lookup only; the person is then vouched for with no platform role at all.
 */
export class ActingPersonResolver {
  constructor(
    private readonly identityUrl: () => string | undefined,
    private readonly callerTokenSecret: string,
  ) {}

  async resolve(email: string, correlationId?: string): Promise<ActingPerson> {
    const wanted = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(wanted)) return refused(`"${email}" is not an email address`);
    const found = (await this.search(wanted, correlationId)).filter((identity) => identity.email.toLowerCase() === wanted);
    const active = found.filter((identity) => identity.status === 'ACTIVE');
    if (active.length === 1) return { kind: 'person', employeeNumber: active[0]!.employeeNumber };
    if (active.length > 1) {
      return refused(`${email} belongs to ${active.length} active identities in Tenure; an integration can only act for exactly one`);
    }
    if (found.length > 0) {
      return refused(`${email} belongs to no active identity in Tenure (${found.map((identity) => identity.status).join(', ')})`);
    }
    return refused(`no identity in Tenure has the email ${email}`);
  }

  private async search(email: string, correlationId: string | undefined): Promise<readonly FoundIdentity[]> {
    const url = this.identityUrl();
    if (!url) throw new DirectoryUnavailable('the identity service is not known to the gateway yet');
    const token = await mintCallerToken(this.callerTokenSecret, GATEWAY_LOOKUP_SUBJECT, { roles: ['auditor'], hours: LOOKUP_TOKEN_HOURS });
    let reply: LookupReply;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
        },
        body: JSON.stringify({ query: FIND_BY_EMAIL, variables: { search: email } }),
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
      reply = (await response.json()) as LookupReply;
    } catch (error) {
      throw new DirectoryUnavailable(`the identity service could not be asked who the integration acts for: ${(error as Error).message}`);
    }
    const identities = reply.data?.identities;
    if (!identities) {
      throw new DirectoryUnavailable(
        `the identity service did not answer who the integration acts for: ${reply.errors?.map((error) => error.message).join('; ') ?? 'no data'}`,
      );
    }
    return identities.edges.map((edge) => edge.node);
  }
}

function refused(reason: string): ActingPerson {
  return { kind: 'refused', reason };
}
