// Signing in from tests without loading the provider itself (oidc-provider ships ES modules only,
// which every test project would otherwise have to compile).
export { CLI_CLIENT_ID, CLI_REDIRECT_URI, DEV_IDENTITY_PROVIDER_DEFAULTS, PORTAL_CLIENT_ID } from '../constants';
export { signInWithPassword, type SignInTokens, type SignInWithPasswordOptions } from '../sign-in/sign-in-with-password';
export { SignInFailedError, SignInRefusedError } from '../sign-in/sign-in-errors';
export { confirmDeviceSignIn, type ConfirmDeviceSignInOptions } from './device-sign-in';
