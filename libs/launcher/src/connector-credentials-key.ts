import { readOrCreateKeyFile } from './key-file';

/** Where the development platform keeps the key that seals application credentials, in its data directory. */
export const CONNECTOR_CREDENTIALS_KEY_FILE = 'connector-credentials.json';

/**
 * The development credentials key (CONNECTOR_CREDENTIALS_KEY), generated once into the data
 * directory. Losing the file makes the stored credentials unreadable (they are set again), never
 * readable by others.
 */
export function readOrCreateConnectorCredentialsKey(dataDir: string): string {
  return readOrCreateKeyFile(
    dataDir,
    CONNECTOR_CREDENTIALS_KEY_FILE,
    "Delete it to generate a new one (applications' credentials must then be set again).",
  );
}
