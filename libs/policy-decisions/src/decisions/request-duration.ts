/** How long a grant lasts: the requested duration, capped by the policy's maximum. */
export type GrantDuration =
  | { readonly valid: true; readonly grantedHours: number | null; readonly reason: string }
  | { readonly valid: false; readonly reason: string };

export function grantDuration(requestedHours: number | null, maxHours: number | null): GrantDuration {
  if (requestedHours !== null && !(Number.isFinite(requestedHours) && requestedHours > 0)) {
    return { valid: false, reason: `The requested duration (${requestedHours} hours) must be more than 0 hours.` };
  }
  if (requestedHours === null) {
    return maxHours === null
      ? { valid: true, grantedHours: null, reason: 'Granted without an end date: the policy sets no maximum duration.' }
      : { valid: true, grantedHours: maxHours, reason: `No end requested: granted for the maximum of ${hours(maxHours)}.` };
  }
  if (maxHours !== null && requestedHours > maxHours) {
    return {
      valid: true,
      grantedHours: maxHours,
      reason: `Requested ${hours(requestedHours)}, capped to the policy's maximum of ${hours(maxHours)}.`,
    };
  }
  const limit = maxHours === null ? 'the policy sets no maximum' : `maximum ${hours(maxHours)}`;
  return { valid: true, grantedHours: requestedHours, reason: `Granted for ${hours(requestedHours)} as requested (${limit}).` };
}

export function hours(value: number): string {
  return `${value} hour${value === 1 ? '' : 's'}`;
}
