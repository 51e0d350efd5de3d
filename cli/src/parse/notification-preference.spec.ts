import { CliError, ExitCode } from '../exit-codes';
import { formatNotificationName, parseNotificationChannel, parseNotificationKind, parseOnOff } from './notification-preference';

function usageError(parse: () => unknown): CliError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.USAGE);
    return error as CliError;
  }
  throw new Error('expected a usage error');
}

describe('notification kinds on the command line', () => {
  test.each(['REQUEST_DECIDED', 'request-decided', 'request_decided', 'Request-Decided', ' request decided '])(
    'given "%s", when parsed, then it is the GraphQL enum value REQUEST_DECIDED',
    (text) => {
      expect(parseNotificationKind(text)).toBe('REQUEST_DECIDED');
    },
  );

  test('given every kind as the command line writes it, when parsed back, then it is the same kind', () => {
    for (const kind of [
      'approval-waiting',
      'review-items-waiting',
      'review-items-due',
      'access-expiring',
      'manual-task-assigned',
      'leaver-completed',
    ]) {
      expect(formatNotificationName(parseNotificationKind(kind))).toBe(kind);
    }
  });

  test('given a kind with a typo, when parsed, then the usage error suggests the nearest kind and lists them all', () => {
    const error = usageError(() => parseNotificationKind('request-decidd'));

    expect(error.message).toBe(
      'Unknown notification kind "request-decidd" (did you mean request-decided?); the kinds are: approval-waiting, review-items-waiting, review-items-due, request-decided, access-expiring, manual-task-assigned, leaver-completed',
    );
  });

  test('given the start of one kind only, when parsed, then that kind is suggested, not guessed', () => {
    expect(usageError(() => parseNotificationKind('leaver')).message).toContain('(did you mean leaver-completed?)');
  });

  test('given something that is no kind at all, when parsed, then the error lists the kinds without a guess', () => {
    const error = usageError(() => parseNotificationKind('birthday'));

    expect(error.message).toMatch(/^Unknown notification kind "birthday"; the kinds are: approval-waiting, /);
  });

  test('given the start of several kinds, when parsed, then nothing is suggested', () => {
    expect(usageError(() => parseNotificationKind('review')).message).not.toContain('did you mean');
  });
});

describe('notification channels and on/off on the command line', () => {
  test.each([
    ['email', 'EMAIL'],
    ['Slack', 'SLACK'],
    ['EMAIL', 'EMAIL'],
  ])('given "%s", when parsed, then it is the channel %s', (text, channel) => {
    expect(parseNotificationChannel(text)).toBe(channel);
  });

  test('given an unknown channel, when parsed, then the usage error names the two channels', () => {
    expect(usageError(() => parseNotificationChannel('sms')).message).toBe('Unknown notification channel "sms": use email or slack');
  });

  test.each([
    ['on', true],
    ['OFF', false],
    [' off ', false],
  ])('given "%s", when parsed, then it is %s', (text, enabled) => {
    expect(parseOnOff(text)).toBe(enabled);
  });

  test.each(['yes', 'true', '1', ''])('given "%s", when parsed as on/off, then it is a usage error', (text) => {
    expect(usageError(() => parseOnOff(text)).message).toContain('is neither on nor off');
  });
});
