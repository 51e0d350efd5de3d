import type { Logger } from '@tenure/platform';

export interface EventStoreModuleOptions {
  readonly databaseUrl: string;
  readonly logger: Logger;
}
