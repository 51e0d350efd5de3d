import { configuredChannels, notificationSettingsFrom } from './notification-settings';

describe('notification settings from the environment', () => {
  it('given nothing set, then no channel is configured and the defaults apply', () => {
    const settings = notificationSettingsFrom({});
    expect(configuredChannels(settings)).toEqual([]);
    expect(settings).toMatchObject({ portalUrl: 'http://localhost:3000', expiryWarningMs: 24 * 3_600_000, maxAttempts: 8 });
  });

  it('given SMTP and Slack settings, then both channels, with authentication and the Slack API URL', () => {
    const settings = notificationSettingsFrom({
      SMTP_URL: 'smtp://mail.internal:2525',
      SMTP_USER: 'tenure',
      SMTP_PASSWORD: 'secret',
      NOTIFICATIONS_EMAIL_FROM: '',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      PORTAL_URL: 'https://tenure.example.com',
      NOTIFICATIONS_EXPIRY_WARNING_HOURS: '6',
    });
    expect(configuredChannels(settings)).toEqual(['email', 'slack']);
    expect(settings.email).toEqual({
      smtpUrl: 'smtp://mail.internal:2525',
      user: 'tenure',
      password: 'secret',
      from: 'Tenure <tenure@localhost>',
    });
    expect(settings.slack).toEqual({ botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9999/api/' });
    expect(settings.expiryWarningMs).toBe(6 * 3_600_000);
  });

  it('given an SMTP_URL that is not one, then the start fails naming the variable and the expected form', () => {
    expect(() => notificationSettingsFrom({ SMTP_URL: 'mail.internal:25' })).toThrow(/SMTP_URL.*smtp:\/\/host:port/);
  });
});
