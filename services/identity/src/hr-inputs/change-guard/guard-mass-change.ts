import { DEFAULT_MASS_CHANGE_POLICY, type MassChangePolicy } from './mass-change-policy';

/** The parts of a change set the guard weighs; any HR input's change set fits (CSV, SCIM burst, webhook burst). */
export interface GuardedChanges {
  readonly leavers: readonly unknown[];
  readonly movers: readonly unknown[];
}

export type GuardedChangeKind = 'terminations' | 'moves';

export interface GuardMeasure {
  readonly kind: GuardedChangeKind;
  readonly count: number;
  /** count / population, 0 when the population is empty. */
  readonly share: number;
  /** Which limits this kind exceeds; empty when within limits. */
  readonly exceeds: readonly ('count' | 'share')[];
}

export interface MassChangeDecision {
  readonly decision: 'apply' | 'hold';
  /** One sentence per exceeded limit, with the numbers, for the administrator who confirms or discards. */
  readonly reasons: readonly string[];
  readonly population: number;
  readonly measures: readonly GuardMeasure[];
  readonly policy: MassChangePolicy;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function measure(kind: GuardedChangeKind, count: number, population: number, policy: MassChangePolicy): GuardMeasure {
  const share = population > 0 ? count / population : 0;
  const exceeds: ('count' | 'share')[] = [];
  if (count > policy.maxCount) exceeds.push('count');
  if (count >= policy.minCountForShare && population > 0 && share > policy.maxShare) exceeds.push('share');
  return { kind, count, share, exceeds };
}

function reasonsFor(measured: GuardMeasure, population: number, policy: MassChangePolicy): string[] {
  return measured.exceeds.map((limit) => {
    const what = `${measured.count} ${measured.kind} out of ${population} identities (${percent(measured.share)})`;
    return limit === 'count'
      ? `${what}: more than the limit of ${policy.maxCount} people`
      : `${what}: more than the limit of ${percent(policy.maxShare)} of the population (applies from ${policy.minCountForShare} people)`;
  });
}

/**
 * Decides whether a change set may be applied or must be held for an administrator. `population` is the
 * number of identities before the change (pre-hire, active and on leave); see MassChangePolicy for the rule.
 */
export function guardMassChange(
  changes: GuardedChanges,
  population: number,
  policy: MassChangePolicy = DEFAULT_MASS_CHANGE_POLICY,
): MassChangeDecision {
  return guardMassChangeCounts({ terminations: changes.leavers.length, moves: changes.movers.length }, population, policy);
}

/** The same rule over counts: a live feed's burst is counted over a window, not held as one change set. */
export function guardMassChangeCounts(
  counts: { readonly terminations: number; readonly moves: number },
  population: number,
  policy: MassChangePolicy = DEFAULT_MASS_CHANGE_POLICY,
): MassChangeDecision {
  const measures = [measure('terminations', counts.terminations, population, policy), measure('moves', counts.moves, population, policy)];
  const reasons = measures.flatMap((measured) => reasonsFor(measured, population, policy));
  return { decision: reasons.length > 0 ? 'hold' : 'apply', reasons, population, measures, policy };
}
