import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, htmlPage, PAGE_CONTENT_SECURITY_POLICY } from './html';

// The pages oidc-provider renders itself (errors, device flow, sign-out), in this provider's look and without the
// library's defaults, which load web fonts from the internet.

function send(ctx: KoaContextWithOIDC, title: string, body: string): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
  ctx.set('cache-control', 'no-store');
  ctx.body = htmlPage(title, body);
}

function clientDisplayName(ctx: KoaContextWithOIDC): string {
  const client = ctx.oidc?.client;
  return client?.clientName ?? client?.clientId ?? 'an application';
}

export function renderProviderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  const description = out.error_description ? `<p>${escapeHtml(out.error_description)}</p>\n` : '';
  send(
    ctx,
    'Sign-in problem',
    `<h1>Sign-in could not continue</h1>
<p class="error" role="alert">${escapeHtml(out.error)}</p>
${description}<p>Go back to the application and start signing in again.</p>`,
  );
}

/** The form oidc-provider builds has an unlabelled code input: give it an id so the label below names it. */
const USER_CODE_INPUT_ID = 'user-code';

export function renderUserCodeInput(ctx: KoaContextWithOIDC, form: string, _out?: ErrorOut, err?: Error): void {
  const labelledForm = form.replace('name="user_code"', `id="${USER_CODE_INPUT_ID}" name="user_code"`);
  let message = '';
  if (err && ((err as { userCode?: unknown }).userCode || err.name === 'NoCodeError')) {
    message = '<p class="error" role="alert">That code is not right, or has expired. Check the code on your device and try again.</p>\n';
  } else if (err && err.name === 'AbortedError') {
    message = '<p class="error" role="alert">The sign-in was cancelled.</p>\n';
  } else if (err) {
    message = '<p class="error" role="alert">Something went wrong. Start again on your device.</p>\n';
  }
  send(
    ctx,
    'Enter device code',
    `<h1>Sign in on a device</h1>
<p>Enter the code your device shows.</p>
${message}<label for="${USER_CODE_INPUT_ID}">Device code</label>
${labelledForm}
<button type="submit" form="op.deviceInputForm">Continue</button>`,
  );
}

export function renderUserCodeConfirm(
  ctx: KoaContextWithOIDC,
  form: string,
  _client: unknown,
  _deviceInfo: unknown,
  userCode: string,
): void {
  send(
    ctx,
    'Confirm device',
    `<h1>Confirm the device</h1>
<p><strong>${escapeHtml(clientDisplayName(ctx))}</strong> asks to sign in. Continue only if your device shows this code:</p>
<p><code>${escapeHtml(userCode)}</code></p>
${form}
<button type="submit" form="op.deviceConfirmForm" autofocus>Continue</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes" class="secondary">Cancel</button>`,
  );
}

export function renderDeviceSuccess(ctx: KoaContextWithOIDC): void {
  send(ctx, 'Signed in', `<h1>You are signed in</h1>\n<p>${escapeHtml(clientDisplayName(ctx))} can continue. You may close this page.</p>`);
}

export function renderLogoutConfirm(ctx: KoaContextWithOIDC, form: string): void {
  send(
    ctx,
    'Sign out',
    `<h1>Sign out of Tenure?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
  );
}

export function renderLogoutSuccess(ctx: KoaContextWithOIDC): void {
  send(ctx, 'Signed out', '<h1>You are signed out</h1>\n<p>You may close this page.</p>');
}
