/**
 * The policy service's SoD exceptions as other contexts may rely on them: one approved, time-bound
 * waiver of one SoD rule for one identity, one `sod-exception-<exceptionId>` stream each. An
 * exception applies while granted and before `validUntil` (whether or not `SodExceptionExpired`,
 * recorded by a timer at about that time, has arrived yet); revoking ends it at once.
 */

export const SOD_EXCEPTION_STREAM_PREFIX = 'sod-exception-';

export function sodExceptionStreamId(exceptionId: string): string {
  return `${SOD_EXCEPTION_STREAM_PREFIX}${exceptionId}`;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type PublishedSodExceptionGranted = Published<
  'SodExceptionGranted',
  {
    readonly exceptionId: string;
    readonly ruleId: string;
    readonly identityId: string;
    /** Who approved the waiver (an employee number or an administrator's name). */
    readonly approvedBy: string;
    readonly reason: string;
    /** ISO instant; the exception no longer applies from then on. */
    readonly validUntil: string;
    readonly grantedAt: string;
  }
>;

export type PublishedSodExceptionRevoked = Published<
  'SodExceptionRevoked',
  { readonly exceptionId: string; readonly by: string; readonly reason: string; readonly revokedAt: string }
>;

export type PublishedSodExceptionExpired = Published<
  'SodExceptionExpired',
  { readonly exceptionId: string; readonly identityId: string; readonly ruleId: string; readonly expiredAt: string }
>;

export type PublishedSodExceptionEvent = PublishedSodExceptionGranted | PublishedSodExceptionRevoked | PublishedSodExceptionExpired;

export const PUBLISHED_SOD_EXCEPTION_EVENT_TYPES: readonly PublishedSodExceptionEvent['type'][] = [
  'SodExceptionGranted',
  'SodExceptionRevoked',
  'SodExceptionExpired',
];
