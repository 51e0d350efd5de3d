import { z } from 'zod';
import { notificationPreferencesSchema } from './notification-forms';

describe('notification preferences form', () => {
  it('given the switches the form showed, when validated, then they are the list of fields', () => {
    expect(
      notificationPreferencesSchema.parse({ shown: 'APPROVAL_WAITING.EMAIL, REQUEST_DECIDED.EMAIL', 'REQUEST_DECIDED.EMAIL': 'on' }),
    ).toEqual({
      shown: ['APPROVAL_WAITING.EMAIL', 'REQUEST_DECIDED.EMAIL'],
    });
  });

  it.each([
    ['missing', {}],
    ['empty', { shown: '' }],
    ['not kind.channel', { shown: 'APPROVAL_WAITING' }],
    ['tampered with', { shown: 'APPROVAL_WAITING.EMAIL,<script>' }],
  ])('given a list of switches that is %s, when validated, then the form says to reload the page', (_label, values) => {
    const result = notificationPreferencesSchema.safeParse(values);

    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(errors.shown).toEqual(['The form lost the list of its switches; reload the page and choose again']);
  });
});
