import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** One message as the server received it, parsed. */
export interface ReceivedMail {
  readonly envelopeTo: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * A real SMTP server (smtp-server) on a free port for tests: it accepts every message, parses it
 * with mailparser and keeps it; `failNext(n)` answers the next n messages with a temporary failure
 * (451) the way a busy or broken server does.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  private failures = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to trust, no sign-in.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData: (stream, session, callback) =>
        void this.receive(
          stream,
          session.envelope.rcptTo.map((r) => r.address),
          callback,
        ),
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  failNext(count: number): void {
    this.failures += count;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  private async receive(stream: SMTPServerDataStream, envelopeTo: string[], callback: (error?: Error | null) => void): Promise<void> {
    try {
      const parsed: ParsedMail = await simpleParser(stream);
      if (this.failures > 0) {
        this.failures -= 1;
        callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        return;
      }
      this.received.push({
        envelopeTo,
        from: parsed.from?.text ?? '',
        to: Array.isArray(parsed.to) ? parsed.to.map((to) => to.text).join(', ') : (parsed.to?.text ?? ''),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
      });
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}
