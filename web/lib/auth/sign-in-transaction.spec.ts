import { SIGN_IN_MAX_AGE_SECONDS, sealSignInTransaction, unsealSignInTransaction } from './sign-in-transaction';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const STARTED = new Date('2026-03-02T09:00:00.000Z');
const transaction = { codeVerifier: 'verifier-123', state: 'state-456', nonce: 'nonce-789', returnTo: '/requests?page=2' };

describe('sign-in transaction cookie', () => {
  it('given a started sign-in, when the provider sends the person back in time, then the checks and the way back are there', async () => {
    const value = await sealSignInTransaction(transaction, SECRET, STARTED);

    await expect(unsealSignInTransaction(value, SECRET, new Date(STARTED.getTime() + 60_000))).resolves.toEqual(transaction);
  });

  it('given a started sign-in, when the person comes back after ten minutes, then it has expired', async () => {
    const value = await sealSignInTransaction(transaction, SECRET, STARTED);

    await expect(
      unsealSignInTransaction(value, SECRET, new Date(STARTED.getTime() + (SIGN_IN_MAX_AGE_SECONDS + 1) * 1000)),
    ).resolves.toBeNull();
  });

  it('given a transaction whose way back points elsewhere, when it is unsealed, then the way back is the dashboard', async () => {
    const value = await sealSignInTransaction({ ...transaction, returnTo: 'https://evil.example/' }, SECRET, STARTED);

    await expect(unsealSignInTransaction(value, SECRET, STARTED)).resolves.toMatchObject({ returnTo: '/' });
  });

  it('given no cookie, when the callback arrives, then there is no transaction', async () => {
    await expect(unsealSignInTransaction(undefined, SECRET, STARTED)).resolves.toBeNull();
  });
});
