import { TenureError, tenureErrorCode } from './tenure-error';

/** Sent with every request: the person (by email) the gateway must act for, with exactly their rights. */
export const ACT_AS_EMAIL_HEADER = 'x-tenure-act-as-email';
/** Answered by the gateway: the employee number of the person it acted for. */
export const ACTING_AS_HEADER = 'x-tenure-acting-as';

const TIMEOUT_MS = 10_000;

interface GraphqlBody<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: unknown } }[];
}

export interface TenureClientOptions {
  /** The gateway's /graphql URL. */
  readonly url: string;
  /** This app's integration token (INTEGRATION_TOKENS at the gateway). */
  readonly integrationToken: string;
}

/**
 * Tenure's GraphQL API through the gateway, always as one person: the integration token says it is
 * the Slack app, the act-as header says for whom. Errors become `TenureError`s with their code.
 */
export class TenureClient {
  constructor(private readonly options: TenureClientOptions) {}

  /** Runs one operation as the person with this email; resolves with the data and who the gateway acted for. */
  async as<Data>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data: Data; actingAs: string | null }> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.options.integrationToken}`,
          [ACT_AS_EMAIL_HEADER]: email,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new TenureError('UNAVAILABLE', `Tenure could not be reached: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as GraphqlBody<Data>;
    const first = body.errors?.[0];
    if (first) throw new TenureError(tenureErrorCode(first.extensions?.code, response.status), first.message);
    if (!response.ok || !body.data)
      throw new TenureError(tenureErrorCode(undefined, response.status), `Tenure answered HTTP ${response.status}`);
    return { data: body.data, actingAs: response.headers.get(ACTING_AS_HEADER) };
  }
}
