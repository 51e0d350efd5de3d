import { SIGN_IN_REFUSED_MESSAGE } from '../constants';

/** The provider refused the user name or password (it never says which). */
export class SignInRefusedError extends Error {
  constructor() {
    super(SIGN_IN_REFUSED_MESSAGE);
    this.name = 'SignInRefusedError';
  }
}

/** The sign-in could not be completed for another reason: the provider unreachable, a protocol error, a bad answer. */
export class SignInFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInFailedError';
  }
}
