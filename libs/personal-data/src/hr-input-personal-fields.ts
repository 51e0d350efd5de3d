import { IDENTITY_STREAM_PREFIX, PERSONAL_ATTRIBUTES } from '@tenure/contracts';
import { mapAttributes } from './identity-personal-fields';

/**
 * Personal values in the identity service's HR input records, which are not identity streams: the
 * rejected rows and corrections of HR import runs, the change sets they hold, and the changes the
 * live feeds' burst guard holds. Each value belongs to the person of the record's employee number,
 * so it is sealed under that person's key and an erasure reaches it. A rejected row without an
 * employee number cannot be tied to anyone: it is sealed under the import run's own key
 * (`hr-import-run-<run id>`), which is not destroyed by any person's erasure (docs/personal-data.md).
 */

type Replace = (subject: string, value: unknown) => unknown;
type Data = Record<string, unknown>;

/** The subject of a person's key, as for their identity stream. */
export function personSubject(employeeNumber: string): string {
  return `${IDENTITY_STREAM_PREFIX}${employeeNumber}`;
}

/** The subject of the key of an import run's rows that name no person. */
export function importRunSubject(runId: string): string {
  return `hr-import-run-${runId}`;
}

const MAPPERS: Readonly<Record<string, (data: Data, replace: Replace) => Data>> = {
  HrImportRecordRejected: (data, replace) => {
    const subject =
      typeof data['employeeNumber'] === 'string' ? personSubject(data['employeeNumber']) : importRunSubject(String(data['runId']));
    // Errors quote the values they refuse (`email "jane@" is not valid`): they are sealed with the row.
    return { ...data, raw: mapRow(data['raw'], subject, replace), errors: mapStrings(data['errors'], subject, replace) };
  },
  HrImportRecordCorrected: (data, replace) => ({
    ...data,
    raw: mapRow(data['raw'], personSubject(String(data['employeeNumber'])), replace),
  }),
  HrImportChangesHeld: (data, replace) => ({ ...data, changeSet: mapChangeSet(data['changeSet'], replace) }),
  HrFeedChangeHeld: (data, replace) => {
    const change = data['change'];
    if (!isObject(change) || typeof change['employeeNumber'] !== 'string') return data;
    const subject = personSubject(change['employeeNumber']);
    const one = (value: unknown) => replace(subject, value);
    // The description quotes a termination's reason.
    return { ...data, change: { ...change, action: mapFeedAction(change['action'], one) }, description: one(data['description']) };
  },
};

/** True when events of this type may carry HR input personal values. */
export function hrInputEventCarriesPersonalData(type: string): boolean {
  return type in MAPPERS;
}

/** A copy of the event's data with each personal value replaced by `replace(subject, value)`; the data itself for other types. */
export function mapHrInputPersonalValues(type: string, data: unknown, replace: Replace): unknown {
  const mapper = MAPPERS[type];
  return mapper && isObject(data) ? mapper(data, replace) : data;
}

function mapRow(raw: unknown, subject: string, replace: Replace): unknown {
  if (!isObject(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).map(([column, value]) => [column, replace(subject, value)]));
}

function mapStrings(values: unknown, subject: string, replace: Replace): unknown {
  return Array.isArray(values) ? values.map((value) => (typeof value === 'string' ? replace(subject, value) : value)) : values;
}

function mapChangeSet(changeSet: unknown, replace: Replace): unknown {
  if (!isObject(changeSet)) return changeSet;
  const copy: Data = { ...changeSet };
  for (const [kind, changes] of Object.entries(changeSet)) {
    if (!Array.isArray(changes)) continue;
    copy[kind] = changes.map((change: unknown) => {
      if (!isObject(change) || typeof change['employeeNumber'] !== 'string') return change;
      const subject = personSubject(change['employeeNumber']);
      const one = (value: unknown) => replace(subject, value);
      const mapped: Data = { ...change, record: mapRecord(change['record'], one), previous: mapRecord(change['previous'], one) };
      if (Array.isArray(change['changes']))
        mapped['changes'] = change['changes'].map((fieldChange: unknown) => mapFieldChange(fieldChange, one));
      if (!('previous' in change)) delete mapped['previous'];
      return mapped;
    });
  }
  return copy;
}

/** An HR record: its personal attributes, as in identity events. */
function mapRecord(record: unknown, one: (value: unknown) => unknown): unknown {
  if (!isObject(record) || !isObject(record['attributes'])) return record;
  return { ...record, attributes: mapAttributes(record['attributes'], one) };
}

const PERSONAL_FIELDS = new Set<string>(PERSONAL_ATTRIBUTES);

/** A changed field's before and after, when the field is personal (a name, the email, a custom value). */
function mapFieldChange(change: unknown, one: (value: unknown) => unknown): unknown {
  if (!isObject(change) || typeof change['field'] !== 'string') return change;
  if (!PERSONAL_FIELDS.has(change['field']) && !change['field'].startsWith('custom.')) return change;
  const seal = (value: unknown) => (typeof value === 'string' ? one(value) : value);
  return { ...change, before: seal(change['before']), after: seal(change['after']) };
}

function mapFeedAction(action: unknown, one: (value: unknown) => unknown): unknown {
  if (!isObject(action)) return action;
  switch (action['type']) {
    case 'sync':
      return { ...action, record: mapRecord(action['record'], one) };
    case 'change-attributes':
      return isObject(action['changes']) ? { ...action, changes: mapAttributes(action['changes'], one) } : action;
    case 'terminate':
    case 'start-leave':
      return typeof action['reason'] === 'string' ? { ...action, reason: one(action['reason']) } : action;
    default:
      return action;
  }
}

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
