/**
 * When an HR import or burst is held for an administrator instead of applied.
 *
 * The rule is "more than a configurable share or number of identities (defaults: 5% or 25
 * people)": a change kind (terminations, moves) is held when its count exceeds `maxCount`, or when its
 * share of the population exceeds `maxShare`. Taken literally, the share rule holds a 10-person
 * company's single leaver (10%), which is ordinary business, not a mass change. So the share rule only
 * applies from `minCountForShare` people: 1 or 2 leavers never trip it, 3 leavers out of 40 (7.5%) do,
 * and 26 leavers trip the count rule whatever the size of the company.
 *
 *   hold when  count > maxCount
 *          or  (count >= minCountForShare and population > 0 and count / population > maxShare)
 */
export interface MassChangePolicy {
  /** Largest share of the population (0..1) that may change in one go. */
  readonly maxShare: number;
  /** Largest number of people that may change in one go. */
  readonly maxCount: number;
  /** Below this many people the share rule does not apply (small companies). */
  readonly minCountForShare: number;
}

export const DEFAULT_MASS_CHANGE_POLICY: MassChangePolicy = { maxShare: 0.05, maxCount: 25, minCountForShare: 3 };
