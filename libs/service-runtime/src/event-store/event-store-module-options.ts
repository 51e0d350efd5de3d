import type { PersonalDataMasterKey } from '@tenure/personal-data';
import type { Logger } from '@tenure/platform';

export interface EventStoreModuleOptions {
  readonly databaseUrl: string;
  readonly logger: Logger;
  /** Wraps the per-person keys (PERSONAL_DATA_KEY); null without one, outside production only. */
  readonly personalDataKey: PersonalDataMasterKey | null;
}
