/** Liveness for the launcher and load balancers: answers without a session (proxy.ts lets it through). */
export function GET(): Response {
  return Response.json({ status: 'ok', service: 'portal' }, { headers: { 'cache-control': 'no-store' } });
}
