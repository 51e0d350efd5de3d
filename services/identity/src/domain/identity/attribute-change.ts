import type { HrSource } from '../hr-record';
import { containsAll, diffAttributes, type AttributeValues } from './attribute-diff';
import type { IsoDate } from './dates';
import type { CurrentIdentity, IdentityEvent } from './identity.events';
import { classifyAttributeChange } from './lifecycle';

/** The classified event for a change in effect now, or nothing when it changes nothing (HR feeds resend everything). */
export function attributeChangeEvents(
  current: CurrentIdentity,
  proposed: AttributeValues,
  change: { readonly effectiveDate: IsoDate; readonly source: HrSource; readonly leaving: boolean },
): IdentityEvent[] {
  const { changed, before, after } = diffAttributes(current.attributes, proposed);
  if (changed.length === 0) return [];
  const data = { identityId: current.identityId, effectiveDate: change.effectiveDate, before, after, source: change.source };
  const lifecycle = classifyAttributeChange(changed, { beforeStart: current.status === 'pre-hire', leaving: change.leaving });
  return lifecycle === 'mover'
    ? [{ type: 'IdentityMoved', data: { ...data, lifecycle } }]
    : [{ type: 'IdentityAttributesUpdated', data: { ...data, lifecycle } }];
}

/** A change for a future date, unless that date already holds exactly these values (a resend). */
export function scheduleAttributeChangeEvents(
  current: CurrentIdentity,
  changes: AttributeValues,
  change: { readonly effectiveDate: IsoDate; readonly source: HrSource },
): IdentityEvent[] {
  const alreadyScheduled = current.scheduledChanges.find((scheduled) => scheduled.effectiveDate === change.effectiveDate);
  if (containsAll(alreadyScheduled?.changes ?? {}, changes)) return [];
  return [
    {
      type: 'AttributeChangeScheduled',
      data: { identityId: current.identityId, effectiveDate: change.effectiveDate, changes, source: change.source },
    },
  ];
}
