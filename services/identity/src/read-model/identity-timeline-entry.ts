import type { Actor, RecordedEvent } from '@tenure/event-sourcing';
import type { HrSource } from '../domain/hr-record';
import { ATTRIBUTE_NAMES, type AttributeValues, type IdentityEvent, type Lifecycle } from '../domain/identity';

/** One attribute as a change shows it; custom attributes appear one by one as `custom.<name>`. */
export interface AttributeChangeEntry {
  readonly attribute: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** An identity event as a person reads it in the identity's history. */
export interface TimelineEntry {
  readonly revision: bigint;
  readonly type: string;
  readonly lifecycle: Lifecycle | null;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly actor: Actor;
  readonly source: HrSource | null;
  readonly effectiveDate: string | null;
  readonly reason: string | null;
  readonly summary: string;
  readonly changes: readonly AttributeChangeEntry[];
}

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  givenName: 'given name',
  familyName: 'family name',
  managerEmployeeNumber: 'manager',
  costCenter: 'cost center',
  employmentType: 'employment type',
};

/** Reads a stored identity event as a timeline entry: who, when, why, and what changed in words. */
export function timelineEntryOf(recorded: RecordedEvent): TimelineEntry {
  const event = { type: recorded.type, data: recorded.data } as IdentityEvent;
  const data = event.data as Partial<{ lifecycle: Lifecycle; source: HrSource; effectiveDate: string; reason: string | null }>;
  return {
    revision: recorded.revision,
    type: recorded.type,
    lifecycle: data.lifecycle ?? null,
    occurredAt: new Date(recorded.metadata.occurredAt),
    recordedAt: recorded.recordedAt,
    actor: recorded.metadata.actor,
    source: data.source ?? null,
    effectiveDate: data.effectiveDate ?? null,
    reason: event.type === 'ScheduledAttributeChangeDiscarded' ? null : (data.reason ?? null),
    summary: summaryOf(event),
    changes:
      event.type === 'IdentityMoved' || event.type === 'IdentityAttributesUpdated'
        ? attributeChanges(event.data.before, event.data.after)
        : [],
  };
}

function summaryOf(event: IdentityEvent): string {
  switch (event.type) {
    case 'IdentityHired':
      return `Hired as ${event.data.attributes.title} in ${event.data.attributes.department}, starting ${event.data.startDate}`;
    case 'IdentityRehired':
      return `Rehired (employment ${event.data.employment}) as ${event.data.attributes.title} in ${event.data.attributes.department}, starting ${event.data.startDate}`;
    case 'IdentityStartDateChanged':
      return `Start date changed: ${event.data.previousStartDate} → ${event.data.startDate}`;
    case 'IdentityActivated':
      return `Joined: employment ${event.data.employment} started on ${event.data.startDate}`;
    case 'IdentityMoved':
      return `Moved: ${describeChanges(attributeChanges(event.data.before, event.data.after))}`;
    case 'IdentityAttributesUpdated':
      return `Updated: ${describeChanges(attributeChanges(event.data.before, event.data.after))}`;
    case 'AttributeChangeScheduled':
      // What the attributes will be before that date is not known yet: only the new values.
      return `Change scheduled for ${event.data.effectiveDate}: ${describeChanges(attributeChanges({}, event.data.changes), false)}`;
    case 'ScheduledAttributeChangeDiscarded':
      return `Change scheduled for ${event.data.effectiveDate} discarded: it no longer changed anything`;
    case 'IdentityLeaveStarted':
      return `Leave of absence from ${event.data.effectiveDate}${because(event.data.reason)}`;
    case 'IdentityReturnedFromLeave':
      return `Returned from leave on ${event.data.effectiveDate}`;
    case 'TerminationScheduled':
      return `Termination scheduled for ${event.data.effectiveDate}${because(event.data.reason)}`;
    case 'TerminationCancelled':
      return `Termination scheduled for ${event.data.effectiveDate} cancelled`;
    case 'IdentityTerminated':
      return `Left: terminated on ${event.data.terminationDate}${because(event.data.reason)}`;
    case 'PersonalDataErased':
      return `Personal data erased on legal request (${event.data.legalReference})`;
    default: {
      // An event type newer than this reader: still listed, named by its type.
      const unknown: never = event;
      return (unknown as { type: string }).type;
    }
  }
}

/** Before/after pairs in the order timelines show attributes; custom attributes expanded by name. */
export function attributeChanges(before: AttributeValues, after: AttributeValues): AttributeChangeEntry[] {
  return ATTRIBUTE_NAMES.flatMap((name): AttributeChangeEntry[] => {
    if (!(name in before) && !(name in after)) return [];
    if (name !== 'custom') return [{ attribute: name, before: before[name] ?? null, after: after[name] ?? null }];
    const was = before.custom ?? {};
    const is = after.custom ?? {};
    return [...new Set([...Object.keys(was), ...Object.keys(is)])]
      .sort()
      .filter((key) => was[key] !== is[key])
      .map((key) => ({ attribute: `custom.${key}`, before: was[key] ?? null, after: is[key] ?? null }));
  });
}

function describeChanges(changes: readonly AttributeChangeEntry[], withBefore = true): string {
  return changes
    .map(({ attribute, before, after }) => {
      const label = ATTRIBUTE_LABELS[attribute] ?? attribute;
      return withBefore ? `${label} ${before ?? '(none)'} → ${after ?? '(none)'}` : `${label} → ${after ?? '(none)'}`;
    })
    .join('; ');
}

function because(reason: string | null): string {
  return reason ? ` (${reason})` : '';
}
