export * from './caller';
export { CallerGuard } from './caller-guard';
export {
  mintCallerToken,
  CALLER_TOKEN_AUDIENCE,
  CALLER_TOKEN_ISSUER,
  CALLER_TOKEN_MIN_SECRET_LENGTH,
  callerTokenSecretFromEnv,
  CallerTokenVerifier,
  type MintCallerTokenOptions,
  type CallerTokenCheck,
} from './caller-token';
export { currentCredentials, keepRequestCredentials, withRequestCredentials, type RequestCredentials } from './request-credentials';
export { oversees, requireOversight, type ReportingLineTable } from './reporting-line';
