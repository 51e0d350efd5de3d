import { DomainError } from '@tenure/event-sourcing';
import { ConfigurationError, loadConfig } from '@tenure/platform';
import { connectorCredentialsConfigSchema } from '../../config';
import type { SealedCredentials } from '../../domain/application';
import { type Credentials, CredentialsCipher, CredentialsUnreadable } from './credentials-cipher';

const SET_THE_KEY =
  'set CONNECTOR_CREDENTIALS_KEY to 32 random bytes in base64 (e.g. `openssl rand -base64 32`) and restart the connector service';

/**
 * Seals and opens credentials with the key from CONNECTOR_CREDENTIALS_KEY, read when credentials are
 * first used: a platform whose applications need none runs without a key. Without a usable key,
 * storing or using credentials is refused with a message that names the variable.
 */
export class CredentialsVault {
  private cipher: CredentialsCipher | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Null for no credentials at all: nothing to seal, no key needed. */
  seal(applicationId: string, credentials: Credentials): SealedCredentials | null {
    if (Object.keys(credentials).length === 0) return null;
    return this.key().seal(applicationId, credentials);
  }

  open(applicationId: string, sealed: SealedCredentials | null): Credentials {
    if (sealed === null) return {};
    try {
      return this.key().open(applicationId, sealed);
    } catch (error) {
      if (error instanceof CredentialsUnreadable) {
        throw new DomainError(
          'illegal_state',
          `${error.message}; was CONNECTOR_CREDENTIALS_KEY changed? Set the application's credentials again`,
          {
            applicationId,
          },
        );
      }
      throw error;
    }
  }

  private key(): CredentialsCipher {
    if (this.cipher) return this.cipher;
    let configured: string | undefined;
    try {
      configured = loadConfig(connectorCredentialsConfigSchema, this.env).CONNECTOR_CREDENTIALS_KEY;
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      throw new DomainError(
        'illegal_state',
        `credentials cannot be stored or used: CONNECTOR_CREDENTIALS_KEY is not valid; ${SET_THE_KEY}`,
      );
    }
    if (configured === undefined) {
      throw new DomainError('illegal_state', `credentials cannot be stored or used: CONNECTOR_CREDENTIALS_KEY is not set; ${SET_THE_KEY}`);
    }
    this.cipher = new CredentialsCipher(Buffer.from(configured, 'base64'));
    return this.cipher;
  }
}
