import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import type { SodExceptionEvent, SodExceptionState } from './sod-exception.events';

/** The longest waiver: an exception is reviewed at least once a year. */
export const MAX_EXCEPTION_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Grants a waiver. The application layer has checked that the rule is in the latest published version
 * and that the identity exists; `identityEmployeeNumber` is the identity's, to refuse self-approval.
 */
export interface GrantSodException {
  readonly type: 'GrantSodException';
  readonly data: {
    readonly exceptionId: string;
    readonly ruleId: string;
    readonly identityId: string;
    readonly identityEmployeeNumber: string;
    readonly reason: string;
    /** ISO instant. */
    readonly validUntil: string;
    /** The approver's actor id. */
    readonly by: string;
    readonly now: Date;
  };
}

export interface RevokeSodException {
  readonly type: 'RevokeSodException';
  readonly data: { readonly exceptionId: string; readonly reason: string; readonly by: string; readonly now: Date };
}

/** The expiry timer's work: records the end of an exception whose validUntil has passed. */
export interface ExpireSodException {
  readonly type: 'ExpireSodException';
  readonly data: { readonly exceptionId: string; readonly now: Date };
}

export type SodExceptionCommand = GrantSodException | RevokeSodException | ExpireSodException;

export function decide(command: SodExceptionCommand, state: SodExceptionState): readonly SodExceptionEvent[] {
  switch (command.type) {
    case 'GrantSodException':
      return grant(command.data, state);
    case 'RevokeSodException':
      return revoke(command.data, state);
    case 'ExpireSodException':
      return expire(command.data, state);
    default:
      return assertNever(command);
  }
}

function grant(data: GrantSodException['data'], state: SodExceptionState): readonly SodExceptionEvent[] {
  const { exceptionId, ruleId, identityId, identityEmployeeNumber, by, now } = data;
  if (state.status !== 'none') throw new DomainError('conflict', `SoD exception ${exceptionId} already exists`, { exceptionId });
  const reason = data.reason.trim();
  if (reason === '') {
    throw new DomainError('validation', 'an SoD exception needs a reason: why may this person hold both sides?', { field: 'reason' });
  }
  const validUntil = new Date(data.validUntil);
  if (Number.isNaN(validUntil.getTime())) {
    throw new DomainError('validation', `validUntil "${data.validUntil}" is not a date and time (ISO 8601)`, { field: 'validUntil' });
  }
  if (validUntil.getTime() <= now.getTime()) {
    throw new DomainError('validation', `validUntil ${validUntil.toISOString()} is not in the future`, { field: 'validUntil' });
  }
  const latest = new Date(now.getTime() + MAX_EXCEPTION_DAYS * DAY_MS);
  if (validUntil.getTime() > latest.getTime()) {
    throw new DomainError(
      'validation',
      `validUntil ${validUntil.toISOString()} is more than ${MAX_EXCEPTION_DAYS} days ahead (at most ${latest.toISOString()})`,
      { field: 'validUntil' },
    );
  }
  // Approvers are compared by employee number. The interim administrator token acts as the actor
  // "admin-token", which is nobody's employee number, so this only bites once sign-in (issue 7) gives
  // administrators their own identity.
  if (by === identityEmployeeNumber) {
    throw new DomainError('forbidden', `employee ${identityEmployeeNumber} cannot approve an SoD exception for themselves`, {
      field: 'approvedBy',
    });
  }
  return [
    {
      type: 'SodExceptionGranted',
      data: { exceptionId, ruleId, identityId, approvedBy: by, reason, validUntil: validUntil.toISOString(), grantedAt: now.toISOString() },
    },
  ];
}

function revoke(data: RevokeSodException['data'], state: SodExceptionState): readonly SodExceptionEvent[] {
  if (state.status === 'none') {
    throw new DomainError('not_found', `SoD exception ${data.exceptionId} does not exist`, { exceptionId: data.exceptionId });
  }
  const { exceptionId, validUntil } = state.exception;
  if (state.status === 'revoked') {
    throw new DomainError('illegal_state', `SoD exception ${exceptionId} was already revoked at ${state.revokedAt}`, { exceptionId });
  }
  if (state.status === 'expired' || data.now.getTime() >= new Date(validUntil).getTime()) {
    throw new DomainError('illegal_state', `SoD exception ${exceptionId} expired at ${validUntil}: there is nothing to revoke`, {
      exceptionId,
    });
  }
  const reason = data.reason.trim();
  if (reason === '') throw new DomainError('validation', 'revoking an SoD exception needs a reason', { field: 'reason' });
  return [{ type: 'SodExceptionRevoked', data: { exceptionId, by: data.by, reason, revokedAt: data.now.toISOString() } }];
}

function expire(data: ExpireSodException['data'], state: SodExceptionState): readonly SodExceptionEvent[] {
  switch (state.status) {
    case 'none':
      throw new DomainError('not_found', `SoD exception ${data.exceptionId} does not exist`, { exceptionId: data.exceptionId });
    case 'revoked':
    case 'expired':
      return []; // it ended already: the timer firing again (or after a revocation) changes nothing
    case 'granted': {
      const { exceptionId, identityId, ruleId, validUntil } = state.exception;
      // Early (another clock): refused, so the timer tries again later rather than forget the expiry.
      if (data.now.getTime() < new Date(validUntil).getTime()) {
        throw new DomainError('illegal_state', `SoD exception ${exceptionId} is valid until ${validUntil}: it has not expired`, {
          exceptionId,
        });
      }
      return [{ type: 'SodExceptionExpired', data: { exceptionId, identityId, ruleId, expiredAt: validUntil } }];
    }
    default:
      return assertNever(state);
  }
}
