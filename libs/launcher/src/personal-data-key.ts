import { readOrCreateKeyFile } from './key-file';

/** Where the development platform keeps the master key of personal data, in its data directory. */
export const PERSONAL_DATA_KEY_FILE = 'personal-data-key.json';

/**
 * The development master key of personal data (PERSONAL_DATA_KEY), generated once into the data
 * directory and given to every process that reads or appends events. It wraps every person's key:
 * losing the file makes all personal data in the log unreadable, so it is never replaced silently.
 */
export function readOrCreatePersonalDataKey(dataDir: string): string {
  return readOrCreateKeyFile(
    dataDir,
    PERSONAL_DATA_KEY_FILE,
    'Restore it from a copy: without it the personal data in the event log cannot be read. ' +
      'Only for a development database you are ready to lose, delete the file together with the data directory.',
  );
}

/**
 * PERSONAL_DATA_KEY for the processes the launcher starts: in development the one from its own
 * environment (inherited, nothing to add) or else the one generated into the data directory; in
 * production nothing (each service refuses to start without it, so it must be configured).
 */
export function personalDataKeyEnv(nodeEnv: string, env: NodeJS.ProcessEnv, dataDir: () => string): Record<string, string> {
  if (nodeEnv !== 'development' || env['PERSONAL_DATA_KEY']) return {};
  return { PERSONAL_DATA_KEY: readOrCreatePersonalDataKey(dataDir()) };
}
