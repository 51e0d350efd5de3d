/** Where oidc-provider sends the browser when someone must sign in or consent (see interaction-routes). */
export const INTERACTION_PATH_PREFIX = '/interaction/';

/** The interaction page of an interaction: the login form, or automatic consent. */
export function interactionPath(interactionUid: string): string {
  return `${INTERACTION_PATH_PREFIX}${encodeURIComponent(interactionUid)}`;
}

/** Where the login form of an interaction posts to. */
export function loginFormPath(interactionUid: string): string {
  return `${interactionPath(interactionUid)}/login`;
}
