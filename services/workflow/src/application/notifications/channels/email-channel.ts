import { createTransport, type Transporter } from 'nodemailer';
import type { EmailSettings } from '../notification-settings';
import type { OutgoingMessage } from '../notification-messages';
import { UndeliverableError, type ChannelSender, type Recipient } from './notification-channel';

/** Short enough that a stuck server fails an attempt (retried later) instead of holding the delivery worker. */
const SMTP_TIMEOUT_MS = 15_000;

/** Email through nodemailer's SMTP transport: plain text with a simple HTML part. */
export function emailChannel(settings: EmailSettings): ChannelSender {
  const transport: Transporter = createTransport({
    url: settings.smtpUrl,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    channel: 'email',
    async send(recipient: Recipient, message: OutgoingMessage): Promise<string | null> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: { name: recipient.displayName, address: recipient.email },
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        return typeof info.messageId === 'string' ? info.messageId : null;
      } catch (error) {
        // 5xx on the recipient is the server saying "never"; anything else (connection, 4xx) may pass later.
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600 && (error as { command?: string }).command === 'RCPT TO') {
          throw new UndeliverableError(`the mail server refused the recipient (${code})`);
        }
        throw error;
      }
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
