import { CHAOS_ADMIN_TOKEN, CHAOS_SCIM_TOKEN } from '../platform/chaos-platform';

export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

export interface GraphqlAnswer<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphqlError[];
}

/** Answers that are the platform's decision; anything else (a subgraph unreachable, a 5xx) may pass when tried again. */
const DEFINITE_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED']);

/** A failure whose outcome is unknown: the platform may or may not have done it. */
export class UncertainOutcome extends Error {}

export function definiteError(answer: GraphqlAnswer<unknown>): GraphqlError | undefined {
  return answer.errors?.find((error) => DEFINITE_CODES.has(error.extensions?.code ?? ''));
}

/**
 * The workload's only way in: HTTP to the gateway, as a portal, an HR system or a script would
 * call it. Transport failures and 5xx become `UncertainOutcome`, which the flows resolve by
 * asking the platform what happened before trying again (never by blindly repeating a change).
 */
export class GatewayClient {
  retriesAfterUncertainty = 0;

  constructor(private readonly origin: string) {}

  async graphql<Data>(query: string, variables: Record<string, unknown>, token: string = CHAOS_ADMIN_TOKEN): Promise<GraphqlAnswer<Data>> {
    let response: Response;
    try {
      response = await fetch(`${this.origin}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new UncertainOutcome(`the gateway did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.status >= 500 && !text.startsWith('{')) throw new UncertainOutcome(`the gateway answered ${response.status}`);
    let answer: GraphqlAnswer<Data>;
    try {
      answer = JSON.parse(text) as GraphqlAnswer<Data>;
    } catch {
      throw new UncertainOutcome(`the gateway answered ${response.status} with no JSON`);
    }
    if (answer.errors?.length && !definiteError(answer)) {
      throw new UncertainOutcome(
        `GraphQL errors: ${answer.errors.map((error) => `${error.extensions?.code}: ${error.message}`).join('; ')}`,
      );
    }
    return answer;
  }

  /** The data, or an Error naming the platform's definite refusal. */
  async data<Data>(query: string, variables: Record<string, unknown>, token?: string): Promise<Data> {
    const answer = await this.graphql<Data>(query, variables, token);
    if (answer.errors?.length || !answer.data) throw new Error(`refused: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  async scim(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await fetch(`${this.origin}/scim/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${CHAOS_SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new UncertainOutcome(`the gateway did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.status >= 500) throw new UncertainOutcome(`SCIM ${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /**
   * Runs `step` until it completes, up to `attempts` times. After an uncertain outcome `resolve`
   * is asked first whether it happened after all (and what it produced); only if not is it tried again.
   */
  async untilDone<Result>(
    what: string,
    step: () => Promise<Result>,
    resolve: () => Promise<Result | undefined> = () => Promise.resolve(undefined),
    attempts = 40,
  ): Promise<Result> {
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        if (attempt > 1) {
          const already = await resolve();
          if (already !== undefined) return already;
        }
        return await step();
      } catch (error) {
        if (!(error instanceof UncertainOutcome)) throw error;
        last = error;
        this.retriesAfterUncertainty += 1;
        await new Promise((wake) => setTimeout(wake, Math.min(5_000, 250 * attempt)));
      }
    }
    throw new Error(`${what}: still failing after ${attempts} attempts (${(last as Error).message})`);
  }
}
