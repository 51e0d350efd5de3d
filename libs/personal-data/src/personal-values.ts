import { connectorEventCarriesPersonalData, mapConnectorPersonalValues } from './connector-personal-fields';
import { driftEventCarriesPersonalData, mapDriftPersonalValues } from './drift-personal-fields';
import { hrInputEventCarriesPersonalData, mapHrInputPersonalValues } from './hr-input-personal-fields';
import { identityEventCarriesPersonalData, mapPersonalValues, personalDataSubject } from './identity-personal-fields';

/** True when events of this type may carry personal values (identity events, HR input records, connector operations and drift). */
export function carriesPersonalData(type: string): boolean {
  return (
    identityEventCarriesPersonalData(type) ||
    hrInputEventCarriesPersonalData(type) ||
    connectorEventCarriesPersonalData(type) ||
    driftEventCarriesPersonalData(type)
  );
}

/**
 * A copy of the event's data with each personal value replaced by `replace(subject, value)`, where
 * the subject names the key's owner: the identity stream for identity events (one stream, one
 * person), the record's person for HR input records and drift findings (one stream, many people).
 */
export function mapPersonalValuesOf(
  streamId: string,
  type: string,
  data: unknown,
  replace: (subject: string, value: unknown) => unknown,
): unknown {
  if (hrInputEventCarriesPersonalData(type)) return mapHrInputPersonalValues(type, data, replace);
  // The connector's operation events name their person by employee number (connector-personal-fields.ts).
  if (connectorEventCarriesPersonalData(type)) return mapConnectorPersonalValues(streamId, type, data, replace);
  // So do the reconciliation and drift events, finding by finding (drift-personal-fields.ts).
  if (driftEventCarriesPersonalData(type)) return mapDriftPersonalValues(streamId, type, data, replace);
  const subject = personalDataSubject(streamId);
  return subject === null ? data : mapPersonalValues(type, data, (value) => replace(subject, value));
}
