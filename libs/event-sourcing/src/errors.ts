/**
 * Error codes shared by every context. Each service maps them once to its transport
 * (GraphQL `extensions.code`, SCIM `scimType`, HTTP status); domain code never imports a transport.
 */
export type ErrorCode = 'validation' | 'not_found' | 'forbidden' | 'illegal_state' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An append found the stream at another revision than the one expected. */
export class WrongExpectedRevisionError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      'conflict',
      `stream "${streamId}" was expected at ${expected} but is at ${actual === 'no_stream' ? 'no stream' : `revision ${actual}`}`,
      { streamId, expected, actual: String(actual) },
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The same event id was appended before with different content or at another place. */
export class IdempotencyViolationError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super('conflict', `event ${eventId} was already appended, but not as the same batch at the same place in stream "${streamId}"`, {
      streamId,
      eventId,
    });
    this.name = 'IdempotencyViolationError';
  }
}
