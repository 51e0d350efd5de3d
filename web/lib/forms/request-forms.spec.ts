import { z } from 'zod';
import { cancelRequestSchema, checkRequestSchema, extendAccessSchema, requestAccessSchema } from './request-forms';

function fieldErrors(schema: z.ZodType, values: Record<string, string>): Record<string, string[] | undefined> {
  const result = schema.safeParse(values);
  if (result.success) throw new Error('expected the form to be refused');
  return z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
}

const request = { applicationId: 'aws-production', entitlementKey: 'viewer', durationHours: '4', justification: '  INC-42  ' };

describe('request access form', () => {
  it('given a complete form, when it is validated, then the duration is a number and the justification is trimmed', () => {
    expect(requestAccessSchema.parse(request)).toEqual({
      applicationId: 'aws-production',
      entitlementKey: 'viewer',
      durationHours: 4,
      justification: 'INC-42',
    });
  });

  it('given a blank justification, when it is validated, then the justification field says what to write', () => {
    expect(fieldErrors(requestAccessSchema, { ...request, justification: '   ' }).justification).toEqual(['Say why you need this access']);
  });

  it('given a justification over 2,000 characters, when it is validated, then the field names the limit', () => {
    expect(fieldErrors(requestAccessSchema, { ...request, justification: 'x'.repeat(2001) }).justification).toEqual([
      'Keep the justification under 2000 characters',
    ]);
  });

  it.each([
    ['empty', '', 'Enter the number of hours, e.g. 8'],
    ['not a number', 'four', 'Enter the number of hours as a number, e.g. 8 or 1.5'],
    ['zero', '0', 'The duration must be more than 0 hours'],
    ['negative', '-3', 'The duration must be more than 0 hours'],
    ['over a year', '9000', 'The duration can be at most 8784 hours (a year)'],
  ])('given a duration that is %s, when it is validated, then the duration field explains', (_label, durationHours, message) => {
    expect(fieldErrors(requestAccessSchema, { ...request, durationHours }).durationHours).toEqual([message]);
  });

  it('given a missing duration field, when it is validated, then the duration field asks for one', () => {
    const { durationHours: _omitted, ...withoutDuration } = request;
    expect(fieldErrors(requestAccessSchema, withoutDuration).durationHours).toEqual(['Enter the number of hours, e.g. 8']);
  });

  it('given only a duration, when policy is checked, then no justification is needed', () => {
    expect(checkRequestSchema.parse({ applicationId: 'github', entitlementKey: 'org-member', durationHours: '1.5' })).toEqual({
      applicationId: 'github',
      entitlementKey: 'org-member',
      durationHours: 1.5,
    });
  });

  it('given no entitlement chosen, when policy is checked, then the form says to choose one', () => {
    expect(fieldErrors(checkRequestSchema, { applicationId: '', entitlementKey: '', durationHours: '8' }).applicationId).toEqual([
      'Choose an entitlement from the catalog first',
    ]);
  });
});

describe('cancel and extend forms', () => {
  it('given no reason, when a cancellation is validated, then the reason is left out', () => {
    expect(cancelRequestSchema.parse({ requestId: 'r-1', reason: '  ' })).toEqual({ requestId: 'r-1' });
    expect(cancelRequestSchema.parse({ requestId: 'r-1', reason: 'not needed' })).toEqual({ requestId: 'r-1', reason: 'not needed' });
  });

  it('given an extension without justification, when it is validated, then the justification field says what to write', () => {
    expect(fieldErrors(extendAccessSchema, { assignmentId: 'a-1', durationHours: '2', justification: '' }).justification).toEqual([
      'Say why you need this access',
    ]);
  });
});
