export {
  ADMINISTRATORS_GROUP,
  AUDITORS_GROUP,
  CLI_CLIENT_ID,
  CLI_REDIRECT_URI,
  DEV_IDENTITY_PROVIDER_DEFAULTS,
  PORTAL_CLIENT_ID,
  SIGN_IN_REFUSED_MESSAGE,
  SUPPORTED_SCOPES,
  TENURE_API_AUDIENCE,
} from './constants';
export {
  createDevIdentityProvider,
  DevIdentityProviderError,
  type DevIdentityProvider,
  type DevIdentityProviderLogger,
  type DevIdentityProviderOptions,
} from './dev-identity-provider';
export { portalRedirectUri } from './provider/first-party-clients';
export { resourceIndicatorFor } from './provider/resource-indicator';
export { signInWithPassword, type SignInTokens, type SignInWithPasswordOptions } from './sign-in/sign-in-with-password';
export { SignInFailedError, SignInRefusedError } from './sign-in/sign-in-errors';
export { HrPeopleFileError } from './people/read-hr-people';
export { UnknownRoleMemberError } from './people/person-directory';
export { SigningKeyFileError } from './keys/signing-key-file';
export { DevelopmentOnlyError, loadDevIdentityProviderConfig, type DevIdentityProviderConfig } from './config/dev-identity-provider-config';
