/** One stream per access request; helper processes (break-glass reviews) follow this prefix. */
export const ACCESS_REQUEST_STREAM_PREFIX = 'access-request-';

export function accessRequestStreamId(requestId: string): string {
  return `${ACCESS_REQUEST_STREAM_PREFIX}${requestId}`;
}

export function requestIdOf(streamId: string): string {
  return streamId.slice(ACCESS_REQUEST_STREAM_PREFIX.length);
}
