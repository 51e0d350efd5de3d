import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Provider } from 'oidc-provider';
import { CLI_CLIENT_ID, PORTAL_CLIENT_ID, SIGN_IN_REFUSED_MESSAGE } from '../constants';
import type { DevIdentityProviderLogger } from '../logger';
import { htmlPage } from '../pages/html';
import { renderLoginPage } from '../pages/login-page';
import type { PersonDirectory } from '../people/person-directory';
import { isFirstPartyClient } from '../provider/first-party-clients';
import { grantRequestedAccess } from './automatic-consent';
import { readForm, sendHtml, UnreadableFormError } from './http-io';
import { INTERACTION_PATH_PREFIX, loginFormPath } from './interaction-paths';

export interface InteractionRoutesDependencies {
  readonly provider: Provider;
  readonly directory: PersonDirectory;
  /** Today's date (YYYY-MM-DD), for who is employed. */
  readonly today: () => string;
  readonly logger: DevIdentityProviderLogger | undefined;
}

const CLIENT_NAMES: Readonly<Record<string, string>> = {
  [PORTAL_CLIENT_ID]: 'the Tenure portal',
  [CLI_CLIENT_ID]: 'the Tenure command line',
};

/**
 * Serves `/interaction/<uid>` (the login page, or automatic consent) and `/interaction/<uid>/login` (the form post).
 * Returns false for any other path, which then belongs to oidc-provider.
 */
export function createInteractionRoutes(deps: InteractionRoutesDependencies) {
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://provider.invalid').pathname;
    if (!path.startsWith(INTERACTION_PATH_PREFIX)) return false;
    const [uid, action, ...rest] = path.slice(INTERACTION_PATH_PREFIX.length).split('/').map(decodeURIComponent);
    try {
      if (uid && action === undefined && req.method === 'GET') await showInteraction(deps, req, res, uid);
      else if (uid && action === 'login' && rest.length === 0 && req.method === 'POST') await submitLogin(deps, req, res, uid);
      else sendHtml(res, 404, problemPage('Page not found', 'There is nothing here. Go back to the application and sign in from there.'));
    } catch (error) {
      respondToFailure(deps, res, error);
    }
    return true;
  };
}

async function showInteraction(deps: InteractionRoutesDependencies, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await currentInteraction(deps.provider, req, res, uid);
  const clientId = String(interaction.params['client_id'] ?? '');
  switch (interaction.prompt.name) {
    case 'login':
      sendHtml(res, 200, renderLoginPage({ action: loginFormPath(uid), clientName: clientName(clientId) }));
      return;
    case 'consent': {
      const accountId = interaction.session?.accountId;
      if (!accountId || !isFirstPartyClient(clientId)) {
        await deps.provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'only Tenure applications may sign in here',
        });
        return;
      }
      const grantId = await grantRequestedAccess(deps.provider, interaction, accountId, clientId);
      await deps.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    default:
      await deps.provider.interactionFinished(req, res, {
        error: 'interaction_required',
        error_description: `this provider cannot handle the "${interaction.prompt.name}" prompt`,
      });
  }
}

async function submitLogin(deps: InteractionRoutesDependencies, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await currentInteraction(deps.provider, req, res, uid);
  if (interaction.prompt.name !== 'login') {
    sendHtml(res, 409, problemPage('Already signed in', 'This sign-in step is already done. Go back to the application.'));
    return;
  }
  const form = await readForm(req);
  const username = form.get('username') ?? '';
  const person = deps.directory.authenticate(username, form.get('password') ?? '', deps.today());
  const clientId = String(interaction.params['client_id'] ?? '');
  if (!person) {
    deps.logger?.info({ username, clientId }, 'sign-in refused');
    const page = renderLoginPage({
      action: loginFormPath(uid),
      clientName: clientName(clientId),
      username,
      error: SIGN_IN_REFUSED_MESSAGE,
    });
    sendHtml(res, 401, page);
    return;
  }
  deps.logger?.info({ employeeNumber: person.employeeNumber, clientId }, 'signed in');
  await deps.provider.interactionFinished(req, res, { login: { accountId: person.employeeNumber } }, { mergeWithLastSubmission: false });
}

async function currentInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string) {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) throw new errors.SessionNotFound('the interaction in the address is not the one in progress');
  return interaction;
}

function respondToFailure(deps: InteractionRoutesDependencies, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    deps.logger?.error({ err: error }, 'sign-in interaction failed');
    res.destroy();
    return;
  }
  if (error instanceof errors.SessionNotFound) {
    sendHtml(
      res,
      400,
      problemPage(
        'Sign-in expired',
        'This sign-in has expired, or was opened in another browser. Go back to the application and sign in again.',
      ),
    );
  } else if (error instanceof UnreadableFormError) {
    sendHtml(res, 400, problemPage('Sign-in problem', `The sign-in form could not be read: ${error.message}.`));
  } else {
    deps.logger?.error({ err: error }, 'sign-in interaction failed');
    sendHtml(res, 500, problemPage('Sign-in problem', 'Something went wrong on our side. Go back to the application and try again.'));
  }
}

function clientName(clientId: string): string {
  return CLIENT_NAMES[clientId] ?? clientId;
}

function problemPage(title: string, message: string): string {
  // Titles and messages here are fixed text, never input, so they need no escaping.
  return htmlPage(title, `<h1>${title}</h1>\n<p>${message}</p>`);
}
