import type { StoredCredentials } from '../auth/credentials';
import type { CommandContext } from './context';

/** Forgets the stored credentials, and asks the provider to revoke the refresh token (best effort). */
export async function logout(context: CommandContext): Promise<void> {
  const { reporter, store } = context;
  let stored: StoredCredentials | undefined;
  try {
    stored = await store.read();
  } catch {
    stored = undefined; // unsafe or damaged: deleted below all the same
  }
  if (stored?.refreshToken) {
    try {
      const provider = await context.connect(new URL(stored.issuer), stored.clientId);
      await provider.revoke(stored.refreshToken, 'refresh_token');
    } catch (error) {
      reporter.note(
        `Could not revoke the refresh token at the provider (${error instanceof Error ? error.message : String(error)}); it is forgotten here all the same.`,
      );
    }
  }
  const removed = await store.delete();
  reporter.result({ signedOut: removed }, [removed ? `Signed out; ${store.path} is deleted.` : 'You were not signed in.']);
  if (context.settings.token) reporter.note('Note: TENURE_TOKEN is still set in your environment.');
}
