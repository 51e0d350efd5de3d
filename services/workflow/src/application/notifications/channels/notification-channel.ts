import type { NotificationChannel } from '../../../domain/notifications';
import type { OutgoingMessage } from '../notification-messages';

/** Who a message goes to, looked up in workflow's directory when it is sent. */
export interface Recipient {
  readonly employeeNumber: string;
  readonly email: string;
  readonly displayName: string;
}

/** One way of reaching people. `send` resolves with a reference to what was sent (a message id), for the record. */
export interface ChannelSender {
  readonly channel: NotificationChannel;
  send(recipient: Recipient, message: OutgoingMessage): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Sending can never succeed for this recipient on this channel (no Slack account for the address,
 * an address the server refuses for good): recorded at once, not retried.
 */
export class UndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeliverableError';
  }
}
