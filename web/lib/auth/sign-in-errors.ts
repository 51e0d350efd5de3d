/**
 * Why a sign-in could not finish, as a code in the /auth/error URL: the page maps codes to sentences, so
 * nobody can make the portal display text of their choosing.
 */
export const SIGN_IN_ERRORS = {
  'provider-unavailable': 'Sign-in is unavailable: the identity provider could not be reached. Try again in a moment.',
  'sign-in-expired': 'The sign-in took too long or was started in another browser window. Start again.',
  'sign-in-refused': 'The identity provider did not sign you in.',
  'sign-in-failed': 'The identity provider’s answer could not be verified, so you were not signed in. Start again.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | undefined): string {
  return code && code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : SIGN_IN_ERRORS['sign-in-failed'];
}
