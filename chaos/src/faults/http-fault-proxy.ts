import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dice } from '../random';
import { FaultCounter } from './fault-counts';

/** The chance of each fault per request; the rest are forwarded untouched. */
export interface HttpFaultRates {
  /** 503 Service Unavailable, without reaching the target. */
  readonly unavailable: number;
  /** 429 Too Many Requests with Retry-After: 1, without reaching the target. */
  readonly rateLimited: number;
  /** Forwarded late. */
  readonly slow: number;
  /** Never answered (the client's timeout fires); not forwarded. */
  readonly stalled: number;
  /** Forwarded and applied by the target, but the answer is lost (the connection is cut). */
  readonly answerLost: number;
  readonly slowMs: readonly [number, number];
}

/**
 * An HTTP proxy in front of a real SCIM server that injects what SaaS APIs do under load: 503s,
 * 429s with Retry-After, slow answers, requests never answered, and (hardest for exactly-once)
 * requests applied whose answer never arrives. Off until `enable`; seeded.
 */
export class HttpFaultProxy {
  readonly faults = new FaultCounter();
  private enabled = false;
  /** While set, requests wait here (unanswered) until `release`: a target that has stopped answering, on cue. */
  private held: (() => void)[] | null = null;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
    private readonly dice: Dice,
    private readonly rates: HttpFaultRates,
  ) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res));
  }

  static async start(targetOrigin: string, dice: Dice, rates: HttpFaultRates): Promise<HttpFaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new HttpFaultProxy(server, new URL(targetOrigin), dice, rates);
  }

  /** The proxy's URL for a path of the target, e.g. `/scim/v2`. */
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
  }

  /** From now on, requests wait without an answer until `release` (not counted as injected faults: a test's cue). */
  hold(): void {
    this.held ??= [];
  }

  /** Forwards every request held, and those that come after, as usual. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const forward of held) forward();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.held) {
      this.held.push(() => this.handle(req, res));
      return;
    }
    const draw = this.enabled ? this.dice.roll() : 1;
    const { unavailable, rateLimited, slow, stalled, answerLost } = this.rates;
    let threshold = unavailable;
    if (draw < threshold) return this.answer(res, 503, {}, '503 answers');
    if (draw < (threshold += rateLimited)) return this.answer(res, 429, { 'retry-after': '1' }, '429 answers');
    if (draw < (threshold += stalled)) {
      this.faults.count('requests never answered');
      req.resume();
      return;
    }
    if (draw < (threshold += answerLost)) {
      this.faults.count('answers lost after the change');
      return this.forward(req, res, 0, true);
    }
    if (draw < threshold + slow) {
      this.faults.count('slow answers');
      return this.forward(req, res, this.dice.between(...this.rates.slowMs), false);
    }
    this.forward(req, res, 0, false);
  }

  private answer(res: ServerResponse, status: number, headers: Record<string, string>, kind: string): void {
    this.faults.count(kind);
    res.writeHead(status, { 'content-type': 'application/scim+json', ...headers });
    res.end(
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: String(status),
        detail: 'injected by the chaos proxy',
      }),
    );
  }

  private forward(req: IncomingMessage, res: ServerResponse, delayMs: number, loseAnswer: boolean): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = request(
          { host: this.target.hostname, port: this.target.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            if (loseAnswer) {
              answer.resume();
              answer.on('end', () => res.socket?.destroy());
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.socket?.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs);
    });
  }
}
