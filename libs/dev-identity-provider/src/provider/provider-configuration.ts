import { type Configuration, errors } from 'oidc-provider';
import { SUPPORTED_SCOPES } from '../constants';
import { interactionPath } from '../interactions/interaction-paths';
import { type PrivateJwks, SIGNING_ALGORITHM } from '../keys/signing-key-file';
import {
  renderDeviceSuccess,
  renderLogoutConfirm,
  renderLogoutSuccess,
  renderProviderError,
  renderUserCodeConfirm,
  renderUserCodeInput,
} from '../pages/provider-pages';
import type { PersonDirectory } from '../people/person-directory';
import { type FirstPartyClientSettings, firstPartyClients } from './first-party-clients';
import { resourceIndicatorFor } from './resource-indicator';

export interface ProviderSettings extends FirstPartyClientSettings {
  readonly directory: PersonDirectory;
  readonly jwks: PrivateJwks;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly cookieKeys: readonly string[];
}

const AUTHORIZATION_CODE_TTL_SECONDS = 60;
const DEVICE_CODE_TTL_SECONDS = 10 * 60;
const INTERACTION_TTL_SECONDS = 30 * 60;
// A working day: sessions, grants and refresh tokens end together, so a refresh never outlives its grant.
const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** The oidc-provider configuration of the development provider. */
export function providerConfiguration(settings: ProviderSettings): Configuration {
  const { directory, audience, accessTokenTtlSeconds } = settings;
  const tenureApi = resourceIndicatorFor(audience);

  return {
    clients: firstPartyClients(settings),
    jwks: { keys: settings.jwks.keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: [...settings.cookieKeys] },
    scopes: [...SUPPORTED_SCOPES],
    responseTypes: ['code'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'employee_number', 'groups'],
      email: ['email'],
    },
    // ID tokens carry the profile claims too: there is no userinfo endpoint to fetch them from (see below).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // No browser code calls this provider: the portal signs in on its server, the CLI from a terminal.
    clientBasedCORS: () => false,
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    renderError: (ctx, out) => renderProviderError(ctx, out),

    async findAccount(_ctx, sub) {
      const person = directory.findByEmployeeNumber(sub);
      if (!person) return undefined;
      return { accountId: person.employeeNumber, claims: () => ({ ...directory.claimsOf(person) }) };
    },

    // The access token carries who the caller is, so the gateway needs nothing but the token and the JWKS.
    async extraTokenClaims(_ctx, token) {
      const person = 'accountId' in token ? directory.findByEmployeeNumber(token.accountId) : undefined;
      if (!person) return undefined;
      const { employee_number, name, email, groups } = directory.claimsOf(person);
      return { employee_number, name, ...(email ? { email } : {}), groups: [...groups] };
    },

    ttl: {
      AccessToken: accessTokenTtlSeconds,
      IdToken: accessTokenTtlSeconds,
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      DeviceCode: DEVICE_CODE_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
      RefreshToken: SESSION_TTL_SECONDS,
    },

    features: {
      // Never the library's development login, which accepts any password.
      devInteractions: { enabled: false },
      // Access tokens are for the Tenure API only; a userinfo endpoint would only reject them.
      userinfo: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: renderLogoutConfirm, postLogoutSuccessSource: renderLogoutSuccess },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: renderUserCodeInput,
        userCodeConfirmSource: renderUserCodeConfirm,
        successSource: renderDeviceSuccess,
      },
      resourceIndicators: {
        enabled: true,
        // Every token is for the Tenure API, whether or not the client names it.
        defaultResource: () => tenureApi,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== tenureApi) throw new errors.InvalidTarget(`unknown resource ${resourceIndicator}; use ${tenureApi}`);
          return {
            scope: '',
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlSeconds,
            jwt: { sign: { alg: SIGNING_ALGORITHM } },
          };
        },
      },
    },
  };
}
