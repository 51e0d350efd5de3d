import type { NotificationPreference } from '../api/types';
import { notificationLines, preferenceSetLines } from './format-notifications';

const KINDS = [
  'APPROVAL_WAITING',
  'REVIEW_ITEMS_WAITING',
  'REVIEW_ITEMS_DUE',
  'REQUEST_DECIDED',
  'ACCESS_EXPIRING',
  'MANUAL_TASK_ASSIGNED',
  'LEAVER_COMPLETED',
];

function preferences(off: readonly string[] = [], slackConfigured = false): NotificationPreference[] {
  return KINDS.flatMap((kind) =>
    ['SLACK', 'EMAIL'].map((channel) => ({
      kind,
      channel,
      enabled: !off.includes(`${kind}.${channel}`),
      channelConfigured: channel === 'EMAIL' || slackConfigured,
    })),
  );
}

describe('notification preferences for people', () => {
  test('given email configured and Slack not, when listed, then each kind has its state per channel, and the Slack column is starred and explained', () => {
    expect(notificationLines(preferences(['REQUEST_DECIDED.EMAIL']))).toEqual([
      'KIND                  EMAIL  SLACK*',
      'approval-waiting      on     on',
      'review-items-waiting  on     on',
      'review-items-due      on     on',
      'request-decided       off    on',
      'access-expiring       on     on',
      'manual-task-assigned  on     on',
      'leaver-completed      on     on',
      '* Slack is not set up on this platform: nothing is sent there, whatever is chosen.',
      'Change one with `tenure notifications set <kind> <channel> on|off`.',
    ]);
  });

  test('given both channels configured, when listed, then nothing is starred', () => {
    const lines = notificationLines(preferences([], true));
    expect(lines[0]).toBe('KIND                  EMAIL  SLACK');
    expect(lines.some((line) => line.startsWith('*'))).toBe(false);
  });

  test('given a kind this command line does not know yet, when listed, then it is shown last in the same form', () => {
    const lines = notificationLines([
      ...preferences(),
      { kind: 'CERTIFICATE_EXPIRING', channel: 'EMAIL', enabled: true, channelConfigured: true },
    ]);
    expect(lines[8]).toBe('certificate-expiring  on     -');
  });

  test('given a change, when reported, then it says what is now on or off', () => {
    expect(preferenceSetLines({ kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false, channelConfigured: true }, true)).toEqual([
      'Email notifications of request-decided are now off.',
    ]);
  });

  test('given a setting already in force, when reported, then it says nothing changed', () => {
    expect(preferenceSetLines({ kind: 'ACCESS_EXPIRING', channel: 'EMAIL', enabled: true, channelConfigured: true }, false)).toEqual([
      'Email notifications of access-expiring were already on; nothing changed.',
    ]);
  });

  test('given a channel that is not set up, when a setting is reported, then a note says nothing is sent there yet', () => {
    expect(preferenceSetLines({ kind: 'APPROVAL_WAITING', channel: 'SLACK', enabled: false, channelConfigured: false }, true)).toEqual([
      'Slack notifications of approval-waiting are now off.',
      'Note: Slack is not set up on this platform, so nothing is sent there; your choice applies once it is.',
    ]);
  });
});
