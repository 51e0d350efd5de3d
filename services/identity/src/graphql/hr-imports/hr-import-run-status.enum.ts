import { registerEnumType } from 'type-graphql';

/** GraphQL names for a run's statuses; the values are what the hr_import_runs read model stores. */
export enum HrImportRunStatus {
  OPEN = 'open',
  REFUSED = 'refused',
  HELD = 'held',
  CONFIRMED = 'confirmed',
  DISCARDED = 'discarded',
  COMPLETED = 'completed',
}

registerEnumType(HrImportRunStatus, {
  name: 'HrImportRunStatus',
  description:
    'OPEN: being applied; REFUSED: the file could not be read; HELD: changes wait for an administrator; ' +
    'CONFIRMED: held changes are being applied; DISCARDED: held changes were dropped; COMPLETED: changes applied.',
  valuesConfig: {
    HELD: { description: 'The mass-change guard held every change: confirm or discard with confirmHrImport/discardHrImport.' },
  },
});
