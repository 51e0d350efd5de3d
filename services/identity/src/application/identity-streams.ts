/** One stream per employee number: a second hire of the same number meets the first one's stream. */
export const IDENTITY_STREAM_PREFIX = 'identity-';

export function identityStreamId(employeeNumber: string): string {
  return `${IDENTITY_STREAM_PREFIX}${employeeNumber}`;
}

export function employeeNumberOfStream(streamId: string): string {
  if (!streamId.startsWith(IDENTITY_STREAM_PREFIX)) throw new RangeError(`"${streamId}" is not an identity stream`);
  return streamId.slice(IDENTITY_STREAM_PREFIX.length);
}
