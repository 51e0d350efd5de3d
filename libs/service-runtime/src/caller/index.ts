export * from './caller';
export { CallerGuard } from './caller-guard';
export {
  mintPersonToken,
  PERSON_TOKEN_AUDIENCE,
  PERSON_TOKEN_ISSUER,
  PERSON_TOKEN_MIN_SECRET_LENGTH,
  personTokenSecretFromEnv,
  PersonTokenVerifier,
  type MintPersonTokenOptions,
  type PersonTokenCheck,
} from './person-token';
export { currentCredentials, keepRequestCredentials, withRequestCredentials, type RequestCredentials } from './request-credentials';
