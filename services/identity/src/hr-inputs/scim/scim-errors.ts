import { DomainError, WrongExpectedRevisionError } from '@tenure/event-sourcing';
import SCIMMY from 'scimmy';
import { UnsupportedFilterError } from './scim-filter';
import { ScimUserInvalidError } from './scim-user-mapping';

type ScimType = SCIMMY.Messages.ErrorResponse.ValidScimTypes;
type ScimStatus = SCIMMY.Messages.ErrorResponse.ValidStatusCodes;
export type ScimError = InstanceType<typeof SCIMMY.Types.Error>;

/** A SCIM error; SCIMMY types `scimType` as required although RFC 7644 leaves it out for most statuses. */
export function scimError(status: ScimStatus, scimType: ScimType | null, message: string): ScimError {
  return new SCIMMY.Types.Error(status, scimType as ScimType, message);
}

/**
 * The one place errors become SCIM errors. SCIMMY turns any non-SCIM exception from a handler into
 * "404 Resource not found" (and a TypeError into 400), so every handler error passes through here.
 * `versionWasExpected`: a version conflict answers 412 when the client sent If-Match, 409 otherwise.
 */
export function toScimError(error: unknown, versionWasExpected: boolean): ScimError {
  if (error instanceof SCIMMY.Types.Error) return error;
  if (error instanceof ScimUserInvalidError) return scimError(400, error.scimType, error.message);
  if (error instanceof UnsupportedFilterError) return scimError(400, 'invalidFilter', error.message);
  if (error instanceof DomainError) return fromDomainError(error, versionWasExpected);
  return scimError(500, null, 'internal error');
}

function fromDomainError(error: DomainError, versionWasExpected: boolean): ScimError {
  switch (error.code) {
    case 'validation':
      return scimError(400, 'invalidValue', error.message);
    case 'not_found':
      return scimError(404, null, error.message);
    case 'forbidden':
      return scimError(403, null, error.message);
    case 'illegal_state':
      return scimError(400, 'mutability', error.message);
    case 'conflict':
      if (error instanceof WrongExpectedRevisionError || error.details['reason'] === 'version_mismatch') {
        return versionWasExpected
          ? scimError(412, null, `${error.message}; read the user again and retry with its current ETag`)
          : scimError(409, null, `${error.message}; the user changed meanwhile, retry`);
      }
      return scimError(409, 'uniqueness', error.message);
    default: {
      const unknownCode: never = error.code;
      return scimError(500, null, `unknown error code ${String(unknownCode)}`);
    }
  }
}
