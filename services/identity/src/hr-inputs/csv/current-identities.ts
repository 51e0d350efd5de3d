import type { HrRecord } from '../../domain/hr-record';

export type IdentityStatus = 'pre-hire' | 'active' | 'on-leave' | 'terminated';

/** What the identity service holds for one person today: the HR record it last accepted and the lifecycle status. */
export interface CurrentIdentity {
  readonly record: HrRecord;
  readonly status: IdentityStatus;
}

/** Every known identity by employee number (terminated ones included, so a returning person is a rehire). */
export type CurrentIdentities = ReadonlyMap<string, CurrentIdentity>;

export const NO_IDENTITIES: CurrentIdentities = new Map();

/** People the organisation counts today: everyone not terminated. */
export function isInPopulation(status: IdentityStatus): boolean {
  switch (status) {
    case 'pre-hire':
    case 'active':
    case 'on-leave':
      return true;
    case 'terminated':
      return false;
    default: {
      const unexpected: never = status;
      throw new Error(`unknown identity status ${String(unexpected)}`);
    }
  }
}

/** The population size the mass-change guard compares against. */
export function populationSize(current: CurrentIdentities): number {
  let size = 0;
  for (const identity of current.values()) if (isInPopulation(identity.status)) size += 1;
  return size;
}
