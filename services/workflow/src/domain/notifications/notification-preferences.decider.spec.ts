import { deciderSpec } from '@tenure/testing';
import { notificationPreferencesDecider } from './notification-preferences.decider';
import { isEnabled, type NotificationPreferenceSet } from './notification-preferences.events';

const NOW = new Date('2026-06-01T08:00:00.000Z');
const spec = deciderSpec(notificationPreferencesDecider);

const set = (kind: string, channel: string, enabled: boolean) =>
  ({ type: 'SetNotificationPreference', data: { employeeNumber: '1002', kind, channel, enabled, now: NOW } }) as const;
const wasSet = (
  kind: NotificationPreferenceSet['data']['kind'],
  channel: 'email' | 'slack',
  enabled: boolean,
): NotificationPreferenceSet => ({
  type: 'NotificationPreferenceSet',
  data: { employeeNumber: '1002', kind, channel, enabled, setAt: NOW.toISOString() },
});

describe('notification preferences decider', () => {
  it('given no choice, when a kind is turned off on a channel, then the choice is recorded', () => {
    spec
      .given([])
      .when(set('approval-waiting', 'email', false))
      .then([wasSet('approval-waiting', 'email', false)]);
  });

  it('given no choice, when a kind is turned on, then nothing is recorded (on is the default)', () => {
    spec
      .given([])
      .when(set('approval-waiting', 'email', true))
      .then([]);
  });

  it('given a kind turned off, when turned off again, then nothing is recorded; when turned on, the change is', () => {
    spec
      .given([wasSet('request-decided', 'slack', false)])
      .when(set('request-decided', 'slack', false))
      .then([]);
    spec
      .given([wasSet('request-decided', 'slack', false)])
      .when(set('request-decided', 'slack', true))
      .then([wasSet('request-decided', 'slack', true)]);
  });

  it('given anything, when the kind or the channel is unknown, then it is refused as a validation error naming it', () => {
    spec
      .given([])
      .when(set('birthday', 'email', false))
      .thenThrows({ code: 'validation', message: expect.stringContaining('birthday') });
    spec
      .given([])
      .when(set('approval-waiting', 'fax', false))
      .thenThrows({ code: 'validation', message: expect.stringContaining('fax') });
  });

  it('given one kind turned off on email, then only that pair is off', () => {
    const state = [wasSet('access-expiring', 'email', false)].reduce(
      notificationPreferencesDecider.evolve,
      notificationPreferencesDecider.initialState(),
    );
    expect(isEnabled(state, 'access-expiring', 'email')).toBe(false);
    expect(isEnabled(state, 'access-expiring', 'slack')).toBe(true);
    expect(isEnabled(state, 'approval-waiting', 'email')).toBe(true);
  });
});
