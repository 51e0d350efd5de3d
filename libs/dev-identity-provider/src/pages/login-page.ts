import { escapeHtml, htmlPage } from './html';

export interface LoginPageModel {
  /** Where the form posts to. */
  readonly action: string;
  /** Who asked for the sign-in, e.g. "Tenure portal". */
  readonly clientName: string;
  /** What the person typed last time, kept so only the password needs typing again. */
  readonly username?: string;
  readonly error?: string;
}

/** The sign-in form: labelled inputs, the error announced and tied to the inputs, usable with the keyboard alone. */
export function renderLoginPage(model: LoginPageModel): string {
  const errorId = 'sign-in-error';
  const invalid = model.error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  const error = model.error ? `<p id="${errorId}" class="error" role="alert">${escapeHtml(model.error)}</p>\n` : '';
  // Focus the field to fix: the password after a refusal, else the user name.
  const usernameFocus = model.error ? '' : ' autofocus';
  const passwordFocus = model.error ? ' autofocus' : '';
  return htmlPage(
    'Sign in',
    `<h1>Sign in to Tenure</h1>
<p>to continue to ${escapeHtml(model.clientName)}</p>
<p class="notice">Development identity provider: for demos and tests only. Sign in as a person of the demo company.</p>
${error}<form method="post" action="${escapeHtml(model.action)}" novalidate>
<label for="username">Employee number or email</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(model.username ?? '')}"${invalid}${usernameFocus}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${passwordFocus}>
<button type="submit">Sign in</button>
</form>`,
  );
}
