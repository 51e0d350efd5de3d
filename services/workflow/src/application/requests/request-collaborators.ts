import type { PolicySubject, SodException } from '@tenure/policy-decisions';
import type { SodBlock } from '../../domain/assignments';
import type { Queryable } from '../../read-model/queryable';

// What requests take from the SoD gate (application/sod) and the SoD exceptions copy
// (read-model/workflow-sod-exceptions), as ports: the runtime passes the real ones.

export interface EntitlementPair {
  readonly applicationId: string;
  readonly entitlementKey: string;
}

/** `SodGate.blockingFor`: blocking violations adding `candidates` would create, by `${applicationId}/${entitlementKey}`. */
export interface SodBlockingCheck {
  blockingFor(
    subject: PolicySubject,
    held: readonly EntitlementPair[],
    candidates: readonly EntitlementPair[],
  ): Promise<Map<string, SodBlock[]>>;
}

/** `validExceptionsOf`: the identity's SoD exceptions valid at `now`. */
export type ValidExceptions = (db: Queryable, identityId: string, now: Date) => Promise<SodException[]>;
