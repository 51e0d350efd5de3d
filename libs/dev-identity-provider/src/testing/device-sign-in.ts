import { Browser, formAction, inputValue } from './browser';

export interface ConfirmDeviceSignInOptions {
  /** The `verification_uri` the device authorization answered with (the provider's /device page). */
  readonly verificationUri: string;
  /** The code the device shows. */
  readonly userCode: string;
  /** Employee number or email. */
  readonly username: string;
  readonly password: string;
}

/**
 * Does in a browser what a person does to complete a device sign-in (RFC 8628) at the development provider: enter
 * the user code, confirm the device, sign in with the login form. Resolves once the provider says the device is
 * signed in; rejects with the page's HTML otherwise.
 */
export async function confirmDeviceSignIn(options: ConfirmDeviceSignInOptions): Promise<void> {
  const browser = new Browser(new URL(options.verificationUri).origin);
  const input = await browser.open(options.verificationUri);
  const confirm = await browser.submit(formAction(input), { xsrf: inputValue(input.html, 'xsrf'), user_code: options.userCode });
  const login = await browser.submit(formAction(confirm), {
    xsrf: inputValue(confirm.html, 'xsrf'),
    user_code: options.userCode,
    confirm: 'yes',
  });
  const done = await browser.submit(formAction(login), { username: options.username, password: options.password });
  if (!done.html.includes('You are signed in')) {
    throw new Error(`the device sign-in did not complete (${done.status} at ${done.url.pathname}):\n${done.html}`);
  }
}
