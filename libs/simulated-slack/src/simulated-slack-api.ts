import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A member of the simulated workspace. */
export interface SlackMember {
  readonly id: string;
  readonly email: string;
  /** Whether Slack has confirmed the email (users.info `is_email_confirmed`); default true. */
  readonly emailConfirmed?: boolean;
  readonly deleted?: boolean;
  readonly realName?: string;
}

/**
 * One Web API call as the app made it: the method, its arguments (form or JSON body), the bearer token,
 * and what the stand-in answered (e.g. the `channel` and `ts` of a posted message, which a later click
 * on it carries).
 */
export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | null;
  readonly answer: Record<string, unknown>;
}

type Answer = Record<string, unknown>;

/**
 * A stand-in for Slack's Web API (`https://slack.com/api/<method>`) that records every call, for
 * tests: Slack cannot run here. It answers the methods Tenure uses the way Slack documents them
 * (`{ ok: true, ... }` or `{ ok: false, error }`), from a workspace of members the test gives it.
 * Point `@slack/web-api`'s `slackApiUrl` at `url`.
 */
export class SimulatedSlackApi {
  readonly calls: RecordedCall[] = [];
  private server: Server | undefined;
  private nextTs = 1;
  private readonly failures = new Map<string, string[]>();
  private readonly waiters: { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];

  private readonly members: SlackMember[];

  constructor(
    members: readonly SlackMember[],
    /** The bot token the app must send; any other is refused with `invalid_auth`. */
    private readonly botToken: string,
  ) {
    this.members = [...members];
  }

  /** Adds members once the test knows them (e.g. people found in Tenure after the workspace started). */
  addMembers(...members: readonly SlackMember[]): void {
    this.members.push(...members);
  }

  /**
   * A `response_url` as Slack puts in slash commands and interactions: what the app posts there is
   * recorded as a call of the method `response_url` (its JSON body as the arguments, `args.url` the URL).
   */
  responseUrl(name: string): string {
    return `${this.url.replace(/\/api\/$/, '')}/response/${encodeURIComponent(name)}`;
  }

  /** Base URL ending in `/api/`, as `slackApiUrl` expects. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the simulated Slack API is not started');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `count` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, count = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<string>(count).fill(error)]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (already made or to come) of `method` that matches; rejects after `timeoutMs`. */
  waitForCall(method: string, matches: (call: RecordedCall) => boolean = () => true, timeoutMs = 10_000): Promise<RecordedCall> {
    const predicate = (call: RecordedCall) => call.method === method && matches(call);
    const already = this.calls.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve: (call: RecordedCall) => (clearTimeout(timer), resolve(call)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `no ${method} call matching within ${timeoutMs} ms; calls made: ${this.calls.map((c) => c.method).join(', ') || 'none'}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const body = await readBody(request);
    const args = parseArgs(request.headers['content-type'] ?? '', body);
    if (path.startsWith('/response/')) {
      // response_url takes no token: the URL itself is the capability.
      const answer = { ok: true };
      this.record({
        method: 'response_url',
        args: { ...args, url: this.responseUrl(decodeURIComponent(path.slice('/response/'.length))) },
        token: null,
        answer,
      });
      return send(response, 200, answer);
    }
    const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
    const token = bearerOf(request.headers.authorization) ?? (typeof args['token'] === 'string' ? args['token'] : null);
    if (!method) return send(response, 404, { ok: false, error: 'unknown_method' });
    const answer = this.answerFor(method, args, token);
    this.record({ method, args, token, answer });
    send(response, 200, answer);
  }

  private answerFor(method: string, args: Record<string, unknown>, token: string | null): Answer {
    if (token !== this.botToken) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    const failure = this.failures.get(method)?.shift();
    if (failure) return { ok: false, error: failure };
    return this.answer(method, args);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters.filter((candidate) => candidate.predicate(call))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }

  private answer(method: string, args: Record<string, unknown>): Answer {
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: 'T0TENURE', user_id: 'UBOT', bot_id: 'BTENURE' };
      case 'users.info':
        return this.memberAnswer(this.members.find((member) => member.id === args['user']));
      case 'users.lookupByEmail': {
        const email = String(args['email'] ?? '').toLowerCase();
        return this.memberAnswer(this.members.find((member) => member.email.toLowerCase() === email && !member.deleted));
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args['users'] ?? '').split(',')[0]}` } };
      case 'chat.postMessage':
        return { ok: true, channel: dmChannelOf(String(args['channel'] ?? '')), ts: this.ts(), message: { text: args['text'] } };
      case 'chat.update':
        return { ok: true, channel: args['channel'], ts: args['ts'] };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.ts() };
      case 'views.open':
        return { ok: true, view: { id: `V${this.ts().replace('.', '')}` } };
      case 'views.update':
        return { ok: true, view: { id: args['view_id'] ?? `V${this.ts().replace('.', '')}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private memberAnswer(member: SlackMember | undefined): Answer {
    if (!member) return { ok: false, error: 'users_not_found' };
    return {
      ok: true,
      user: {
        id: member.id,
        team_id: 'T0TENURE',
        deleted: member.deleted ?? false,
        real_name: member.realName ?? member.email,
        is_email_confirmed: member.emailConfirmed ?? true,
        profile: { email: member.email, real_name: member.realName ?? member.email },
      },
    };
  }

  private ts(): string {
    return `1700000000.${String(this.nextTs++).padStart(6, '0')}`;
  }
}

/** Posting to a user id lands in the bot's direct message with them: Slack answers with that DM's channel id. */
function dmChannelOf(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel}` : channel;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Slack's Web API takes form-encoded arguments (nested values as JSON strings) or a JSON body. */
function parseArgs(contentType: string, body: string): Record<string, unknown> {
  if (body === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = parseNested(value);
  return args;
}

function parseNested(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearerOf(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

function send(response: ServerResponse, status: number, answer: Answer): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer));
}
