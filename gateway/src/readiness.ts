export type SubgraphReadiness = Readonly<Record<string, 'ready' | 'unavailable'>>;

/** How long one subgraph may take to answer /ready before it counts as unavailable. */
const READY_TIMEOUT_MS = 2_000;

/** Asks every subgraph's /ready (next to its /graphql) at once. */
export async function checkSubgraphsReady(graphqlUrls: ReadonlyMap<string, string>): Promise<SubgraphReadiness> {
  const entries = await Promise.all(
    [...graphqlUrls].map(
      async ([name, graphqlUrl]) => [name, (await isReady(new URL('/ready', graphqlUrl))) ? 'ready' : 'unavailable'] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function isReady(url: URL): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
