import type { TimerRequest } from '@tenure/event-store-postgres';

/** Timers of this kind carry `{ campaignId }` and remind the reviewers with pending items. */
export const REVIEW_REMINDER_TIMER = 'workflow-review-reminder';
/** Timers of this kind carry `{ campaignId }` and close the campaign at its deadline. */
export const REVIEW_DEADLINE_TIMER = 'workflow-review-deadline';

export const reviewReminderTimerId = (campaignId: string): string => `${REVIEW_REMINDER_TIMER}:${campaignId}`;
export const reviewDeadlineTimerId = (campaignId: string): string => `${REVIEW_DEADLINE_TIMER}:${campaignId}`;

const HOUR_MS = 3_600_000;

export function reviewDeadlineTimer(campaignId: string, deadline: string): TimerRequest {
  return { timerId: reviewDeadlineTimerId(campaignId), kind: REVIEW_DEADLINE_TIMER, dueAt: new Date(deadline), payload: { campaignId } };
}

/** The next reminder one interval after the last one was due, unless the deadline comes first (then none). */
export function nextReminder(
  campaignId: string,
  lastDueMs: number,
  intervalHours: number,
  deadline: Date,
): TimerRequest | { readonly cancel: string } {
  const next = new Date(lastDueMs + intervalHours * HOUR_MS);
  if (next.getTime() >= deadline.getTime()) return { cancel: reviewReminderTimerId(campaignId) };
  return { timerId: reviewReminderTimerId(campaignId), kind: REVIEW_REMINDER_TIMER, dueAt: next, payload: { campaignId } };
}
