import type { ViewOutput } from '@slack/bolt';
import { SLACK_REQUEST_MODAL } from '@tenure/contracts';
import { readSubmission, requestModal } from './request-modal';

function viewWith(values: { entitlement?: string; hours?: string; reason?: string }): ViewOutput {
  const option = (value: string | undefined) =>
    value === undefined ? undefined : { text: { type: 'plain_text', text: `label ${value}` }, value };
  return {
    state: {
      values: {
        entitlement: { value: { type: 'static_select', selected_option: option(values.entitlement) } },
        duration: { value: { type: 'static_select', selected_option: option(values.hours) } },
        reason: { value: { type: 'plain_text_input', value: values.reason } },
      },
    },
  } as unknown as ViewOutput;
}

describe('the request modal', () => {
  it('given the catalog, when the modal is built, then each entitlement is an option valued application:key, within Slack’s limits', () => {
    const catalog = Array.from({ length: 120 }, (_, index) => ({
      applicationId: 'aws-production',
      applicationName: 'AWS production',
      key: `role-${index}`,
      displayName: `A role with a very long display name that Slack would refuse beyond seventy-five characters ${index}`,
    }));

    const view = requestModal(catalog, '');
    const select = view.blocks[0] as { element: { options: { text: { text: string }; value: string }[] } };

    expect(view.callback_id).toBe(SLACK_REQUEST_MODAL);
    expect(select.element.options).toHaveLength(100);
    expect(select.element.options[0]!.value).toBe('aws-production:role-0');
    expect(select.element.options.every((option) => option.text.text.length <= 75)).toBe(true);
  });

  it('given a complete submission, when read, then it is the request to make', () => {
    expect(readSubmission(viewWith({ entitlement: 'erp:ap-clerk', hours: '24', reason: '  month-end close  ' }))).toEqual({
      kind: 'request',
      entitlementLabel: 'label erp:ap-clerk',
      request: { applicationId: 'erp', entitlementKey: 'ap-clerk', durationHours: 24, justification: 'month-end close' },
    });
  });

  it('given missing fields or a duration not offered, when read, then each field says what is wrong', () => {
    expect(readSubmission(viewWith({ hours: '5', reason: ' ' }))).toEqual({
      kind: 'invalid',
      errors: {
        entitlement: 'Choose an entitlement from the catalog.',
        duration: 'Choose how long you need it.',
        reason: 'Say why you need it: approvers decide from it.',
      },
    });
  });
});
