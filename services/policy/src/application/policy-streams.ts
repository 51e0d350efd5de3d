/** The whole policy set (draft edits and published versions) is one aggregate, so one stream. */
export const POLICY_SET_STREAM = 'policy-set';

export const SOD_EXCEPTION_STREAM_PREFIX = 'sod-exception-';

export function sodExceptionStreamId(exceptionId: string): string {
  return `${SOD_EXCEPTION_STREAM_PREFIX}${exceptionId}`;
}

export const SOD_VIOLATIONS_STREAM_PREFIX = 'sod-violations-';

export function sodViolationsStreamId(identityId: string): string {
  return `${SOD_VIOLATIONS_STREAM_PREFIX}${identityId}`;
}
