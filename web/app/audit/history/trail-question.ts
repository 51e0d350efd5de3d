/**
 * The audit trail page's question, read from its search parameters: whose history (a person, an
 * application, or one entitlement), and optionally between which UTC days. Pure, so it is tested alone.
 */

export interface TrailQuestion {
  /** Employee number, name or email, as typed; resolved to one identity by the page. */
  person: string | null;
  applicationId: string | null;
  entitlementKey: string | null;
  /** Inclusive: from the start of this UTC day. */
  from: Date | null;
  /** Inclusive day, so exclusive bound: the start of the next UTC day. */
  to: Date | null;
}

export interface TrailQuestionErrors {
  target?: string;
  from?: string;
  to?: string;
}

export type TrailQuestionResult = { question: TrailQuestion; errors?: undefined } | { question?: undefined; errors: TrailQuestionErrors };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readTrailQuestion(values: { person?: string; target?: string; from?: string; to?: string }): TrailQuestionResult | null {
  const person = values.person?.trim() || null;
  const target = values.target?.trim() || null;
  if (!person && !target) return null;
  const errors: TrailQuestionErrors = {};
  let applicationId: string | null = null;
  let entitlementKey: string | null = null;
  if (target) {
    const [application = '', ...key] = target.split(':');
    applicationId = application.trim() || null;
    entitlementKey = key.length > 0 ? key.join(':').trim() || null : null;
    if (!applicationId || (key.length > 0 && !entitlementKey)) {
      errors.target = `“${target}” is neither an application nor application:entitlement; choose one from the list.`;
    }
  }
  const from = day(values.from, 0);
  const to = day(values.to, 1);
  if (from === undefined) errors.from = `“${values.from}” is not a date (YYYY-MM-DD).`;
  if (to === undefined) errors.to = `“${values.to}” is not a date (YYYY-MM-DD).`;
  if (from && to && from.getTime() >= to.getTime()) errors.to = 'The last day must not be before the first day.';
  if (Object.keys(errors).length > 0) return { errors };
  return { question: { person, applicationId, entitlementKey, from: from ?? null, to: to ?? null } };
}

/** The start of the UTC day, plus `addDays`; null when empty, undefined when not a date. */
function day(text: string | undefined, addDays: number): Date | null | undefined {
  const value = text?.trim();
  if (!value) return null;
  if (!DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
  return new Date(date.getTime() + addDays * 86_400_000);
}

export interface TrailActor {
  kind: 'PERSON' | 'ADMINISTRATOR_TOKEN' | 'SERVICE' | 'HR_FEED' | 'SYSTEM';
  id: string;
  name: string | null;
}

/** "Priya Raman (10040)", "HR feed nightly-csv", "workflow service", "the administrator token". */
export function actorText(actor: TrailActor): string {
  switch (actor.kind) {
    case 'PERSON':
      return actor.name ? `${actor.name} (${actor.id})` : actor.id;
    case 'ADMINISTRATOR_TOKEN':
      return 'the administrator token';
    case 'SERVICE':
      return `${actor.id} service`;
    case 'HR_FEED':
      return `HR feed ${actor.id}`;
    case 'SYSTEM':
      return `system (${actor.id})`;
    default: {
      const unknown: never = actor.kind;
      return `${String(unknown)} ${actor.id}`;
    }
  }
}
