import { CliError, ExitCode } from '../exit-codes';
import { isNetworkError, rootMessage } from '../network-error';
import { displayUrl, endpoint } from '../url';

const TIMEOUT_MS = 30_000;

interface GraphqlErrorEntry {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

interface GraphqlResponse<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphqlErrorEntry[];
}

/** How each GraphQL error code the services use (libs/subgraph) ends the command. */
const EXIT_CODE_BY_GRAPHQL_CODE: Readonly<Record<string, Exclude<ExitCode, 0>>> = {
  UNAUTHENTICATED: ExitCode.NOT_SIGNED_IN,
  FORBIDDEN: ExitCode.REFUSED,
  FAILED_PRECONDITION: ExitCode.REFUSED,
  NOT_FOUND: ExitCode.NOT_FOUND,
  BAD_USER_INPUT: ExitCode.USAGE,
};

export interface GatewayClientOptions {
  readonly apiUrl: URL;
  readonly token: string;
  /** What to tell the person when the gateway refuses the token (sign in again, or fix TENURE_TOKEN). */
  readonly whenTokenRefused: string;
}

/** The one way the command line talks to Tenure: GraphQL over HTTP to the gateway, with the caller's token. */
export class GatewayClient {
  constructor(private readonly options: GatewayClientOptions) {}

  async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const url = endpoint(this.options.apiUrl, 'graphql');
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      throw new CliError(
        `Cannot reach the Tenure gateway at ${displayUrl(this.options.apiUrl)} (${rootMessage(error)}). Is the platform running? Set --api or TENURE_API_URL`,
        ExitCode.UNREACHABLE,
        [],
        { cause: error },
      );
    }
    const body = parse<Data>(text);
    const first = body?.errors?.[0];
    if (response.status === 401 || first?.extensions?.code === 'UNAUTHENTICATED') {
      const why = first?.message ? ` (${first.message})` : '';
      throw new CliError(
        `The gateway at ${displayUrl(this.options.apiUrl)} did not accept your token${why}: ${this.options.whenTokenRefused}`,
        ExitCode.NOT_SIGNED_IN,
      );
    }
    if (first) {
      const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      const exitCode = EXIT_CODE_BY_GRAPHQL_CODE[code] ?? ExitCode.FAILURE;
      const others = (body?.errors ?? []).slice(1).map((error) => error.message);
      throw new CliError(first.message, exitCode, others);
    }
    if (response.status >= 502 && response.status <= 504) {
      throw new CliError(
        `The Tenure gateway at ${displayUrl(this.options.apiUrl)} answered ${response.status}: the platform is not ready, try again shortly`,
        ExitCode.UNREACHABLE,
      );
    }
    if (!response.ok || body?.data == null) {
      throw new CliError(
        `The Tenure gateway at ${displayUrl(this.options.apiUrl)} answered ${response.status} without data`,
        ExitCode.FAILURE,
      );
    }
    return body.data;
  }
}

function parse<Data>(text: string): GraphqlResponse<Data> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as GraphqlResponse<Data>;
  } catch {
    return undefined;
  }
}
