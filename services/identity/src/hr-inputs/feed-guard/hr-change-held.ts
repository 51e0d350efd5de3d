/**
 * Thrown by an HR input's port when the burst guard kept the change instead of applying it. Not an
 * error of the request: the change is accepted and waits for an administrator; protocols answer
 * 202 Accepted with the hold id.
 */
export class HrChangeHeld<Current = unknown> extends Error {
  constructor(
    readonly holdId: string,
    readonly reasons: readonly string[],
    /** The resource as it still is (unchanged), for protocols that answer with it; null when there is none yet. */
    readonly current: Current | null,
  ) {
    super(`the change is held for an administrator's confirmation (held burst ${holdId}): ${reasons.join('; ')}`);
    this.name = 'HrChangeHeld';
  }
}
