/** Something a service adds to its /ready answer: read when asked, never secret (the endpoint is open to probes). */
export type HealthDetail = () => unknown;

/**
 * What a service's own parts report on /ready beside the runtime's checks (the connector service:
 * its circuits to the targets). Informative only: a target that is down does not make Tenure
 * unready, since sending it less traffic would not bring the target back. Kept per event store, as
 * the background status is.
 */
export class HealthDetails {
  private readonly details = new Map<string, HealthDetail>();

  report(name: string, detail: HealthDetail): void {
    this.details.set(name, detail);
  }

  async collect(): Promise<Record<string, unknown>> {
    const entries = await Promise.all([...this.details].map(async ([name, detail]) => [name, await detail()] as const));
    return Object.fromEntries(entries);
  }
}

const registered = new WeakMap<object, HealthDetails>();

/** The health details of the service whose event store this is. */
export function healthDetailsOf(store: object): HealthDetails {
  let details = registered.get(store);
  if (!details) registered.set(store, (details = new HealthDetails()));
  return details;
}
