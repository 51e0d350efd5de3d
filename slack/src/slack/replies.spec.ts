import { TenureError, tenureErrorCode } from '../tenure/tenure-error';
import { explain } from './replies';

describe('what a person reads when Tenure refuses', () => {
  it('given the codes Tenure answers with, when explained, then each has its own sentence and keeps Tenure’s reason', () => {
    expect(explain(new TenureError('FORBIDDEN', 'the requester can never approve or deny their own request'))).toBe(
      'Tenure refused: the requester can never approve or deny their own request.',
    );
    expect(explain(new TenureError('FAILED_PRECONDITION', 'access request r-1 is denied: there is nothing to approve'))).toBe(
      'Already decided: access request r-1 is denied: there is nothing to approve.',
    );
    expect(explain(new TenureError('UNAVAILABLE', 'fetch failed'))).toMatch(/cannot be reached right now; nothing was changed/);
    expect(explain(new Error('boom'))).toMatch(/nothing was changed/);
  });

  it('given an HTTP answer without a known code, when classified, then the status decides', () => {
    expect(tenureErrorCode('FORBIDDEN', 200)).toBe('FORBIDDEN');
    expect(tenureErrorCode('RATE_LIMITED', 429)).toBe('UNAVAILABLE');
    expect(tenureErrorCode(undefined, 401)).toBe('UNAUTHENTICATED');
    expect(tenureErrorCode(undefined, 403)).toBe('FORBIDDEN');
    expect(tenureErrorCode('INTERNAL_SERVER_ERROR', 200)).toBe('UNEXPECTED');
  });
});
