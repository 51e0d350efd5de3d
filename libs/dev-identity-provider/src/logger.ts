/** The part of a pino logger the provider uses (a pino Logger fits). */
export interface DevIdentityProviderLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
