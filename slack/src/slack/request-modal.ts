import type { types, ViewOutput } from '@slack/bolt';
import { SLACK_REQUEST_MODAL } from '@tenure/contracts';
import type { CatalogEntry, NewRequest } from '../tenure/tenure-operations';

/** Block ids of the request modal's fields: a submission's errors are keyed by them. */
export const REQUEST_FIELDS = { entitlement: 'entitlement', duration: 'duration', reason: 'reason' } as const;
const ACTION = 'value';

/** A static select holds at most 100 options; `/tenure request <text>` narrows the catalog first. */
export const CATALOG_OPTIONS_MAX = 100;
export const DURATIONS_HOURS = [1, 4, 8, 24, 72, 168, 720] as const;
const REASON_MAX = 2000;

/** The modal `/tenure request` opens: entitlement (from the catalog), duration and reason. */
export function requestModal(catalog: readonly CatalogEntry[], search: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: SLACK_REQUEST_MODAL,
    title: { type: 'plain_text', text: 'Request access' },
    submit: { type: 'plain_text', text: 'Request' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REQUEST_FIELDS.entitlement,
        label: { type: 'plain_text', text: 'Entitlement' },
        hint: search ? { type: 'plain_text', text: `Catalog entries matching “${search}”` } : undefined,
        element: {
          type: 'static_select',
          action_id: ACTION,
          placeholder: { type: 'plain_text', text: 'Choose from the catalog' },
          options: catalog.slice(0, CATALOG_OPTIONS_MAX).map((entry) => ({
            text: { type: 'plain_text', text: clip(`${entry.applicationName}: ${entry.displayName}`, 75) },
            value: `${entry.applicationId}:${entry.key}`,
          })),
        },
      },
      {
        type: 'input',
        block_id: REQUEST_FIELDS.duration,
        label: { type: 'plain_text', text: 'For how long' },
        element: {
          type: 'static_select',
          action_id: ACTION,
          initial_option: durationOption(8),
          options: DURATIONS_HOURS.map(durationOption),
        },
      },
      {
        type: 'input',
        block_id: REQUEST_FIELDS.reason,
        label: { type: 'plain_text', text: 'Why do you need it?' },
        element: { type: 'plain_text_input', action_id: ACTION, multiline: true, max_length: REASON_MAX },
      },
    ],
  };
}

/** What the person submitted, or the field errors to show in the modal. */
export type Submission =
  | { readonly kind: 'request'; readonly request: NewRequest; readonly entitlementLabel: string }
  | { readonly kind: 'invalid'; readonly errors: Record<string, string> };

export function readSubmission(view: ViewOutput): Submission {
  const values = view.state.values;
  const entitlement = values[REQUEST_FIELDS.entitlement]?.[ACTION]?.selected_option;
  const hours = Number(values[REQUEST_FIELDS.duration]?.[ACTION]?.selected_option?.value);
  const reason = values[REQUEST_FIELDS.reason]?.[ACTION]?.value?.trim() ?? '';
  const errors: Record<string, string> = {};
  const separator = entitlement?.value.indexOf(':') ?? -1;
  if (!entitlement || separator <= 0) errors[REQUEST_FIELDS.entitlement] = 'Choose an entitlement from the catalog.';
  if (!DURATIONS_HOURS.includes(hours as (typeof DURATIONS_HOURS)[number]))
    errors[REQUEST_FIELDS.duration] = 'Choose how long you need it.';
  if (reason === '') errors[REQUEST_FIELDS.reason] = 'Say why you need it: approvers decide from it.';
  if (Object.keys(errors).length > 0 || !entitlement) return { kind: 'invalid', errors };
  return {
    kind: 'request',
    entitlementLabel: entitlement.text.text,
    request: {
      applicationId: entitlement.value.slice(0, separator),
      entitlementKey: entitlement.value.slice(separator + 1),
      durationHours: hours,
      justification: reason.slice(0, REASON_MAX),
    },
  };
}

export function describeHours(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function durationOption(hours: number) {
  return { text: { type: 'plain_text' as const, text: describeHours(hours) }, value: String(hours) };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
