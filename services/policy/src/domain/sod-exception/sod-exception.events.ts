import type { DomainEvent } from '@tenure/event-sourcing';
import type { SodException } from '@tenure/policy-decisions';
import { assertNever } from '../assert-never';

// One approved, time-bound waiver of one SoD rule for one identity: one stream per exception.
// An exception ends when revoked or at its validUntil. It no longer applies from validUntil on,
// whether or not SodExceptionExpired is recorded yet: that event (from a durable timer) is how the
// rest of the service learns of the end, outside any transaction, and how auditors see it.

export type SodExceptionGranted = DomainEvent<'SodExceptionGranted', SodException & { readonly grantedAt: string }>;
export type SodExceptionRevoked = DomainEvent<
  'SodExceptionRevoked',
  { readonly exceptionId: string; readonly by: string; readonly reason: string; readonly revokedAt: string }
>;

export type SodExceptionExpired = DomainEvent<
  'SodExceptionExpired',
  { readonly exceptionId: string; readonly identityId: string; readonly ruleId: string; readonly expiredAt: string }
>;

export type SodExceptionEvent = SodExceptionGranted | SodExceptionRevoked | SodExceptionExpired;

export type SodExceptionState =
  | { readonly status: 'none' }
  | { readonly status: 'granted'; readonly exception: SodException; readonly grantedAt: string }
  | { readonly status: 'revoked'; readonly exception: SodException; readonly revokedAt: string }
  | { readonly status: 'expired'; readonly exception: SodException };

export function initialState(): SodExceptionState {
  return { status: 'none' };
}

export function evolve(state: SodExceptionState, event: SodExceptionEvent): SodExceptionState {
  switch (event.type) {
    case 'SodExceptionGranted': {
      const { grantedAt, ...exception } = event.data;
      return { status: 'granted', exception, grantedAt };
    }
    case 'SodExceptionRevoked':
      return state.status === 'granted' ? { status: 'revoked', exception: state.exception, revokedAt: event.data.revokedAt } : state;
    case 'SodExceptionExpired':
      return state.status === 'granted' ? { status: 'expired', exception: state.exception } : state;
    default:
      return assertNever(event);
  }
}
