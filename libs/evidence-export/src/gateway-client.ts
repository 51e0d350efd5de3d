/** Reads through the gateway as the signed-in auditor (or an administrator API token): the only door evidence comes through. */
export class GatewayClient {
  constructor(
    private readonly graphqlUrl: string,
    private readonly token: string,
  ) {}

  async query<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    let response: Response;
    try {
      response = await fetch(this.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new EvidenceSourceError(`cannot reach the gateway at ${this.graphqlUrl}: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as { data?: Data; errors?: { message: string }[] };
    if (answer.errors?.length || !answer.data) {
      const said = answer.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`;
      throw new EvidenceSourceError(`the gateway refused or failed (${said})`);
    }
    return answer.data;
  }
}

export class EvidenceSourceError extends Error {}
