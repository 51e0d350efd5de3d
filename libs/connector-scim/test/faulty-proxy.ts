import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request instead of forwarding it at once. */
export type Fault =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** The SCIM error detail to send; a fixed text by default. */
      readonly detail?: string;
    }
  | { readonly kind: 'delay'; readonly ms: number };

/**
 * TEST FIXTURE: a tiny HTTP proxy in front of the real SCIM server that injects the failures a
 * SaaS API produces (429 with Retry-After, 503, slow answers). Faults are queued and each request
 * takes the next one; with the queue empty it forwards untouched.
 */
export interface FaultyProxy {
  /** The proxy's URL for a path of the target, e.g. `/scim/v2`. */
  url(path: string): string;
  /** The next `times` requests get this fault (Infinity: every request until `clear`). */
  inject(fault: Fault, times: number): void;
  clear(): void;
  /** Requests received since the last `clear`. */
  readonly received: number;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetOrigin: string): Promise<FaultyProxy> {
  const target = new URL(targetOrigin);
  const queue: { fault: Fault; left: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let received = 0;

  const takeFault = (): Fault | null => {
    const head = queue[0];
    if (!head) return null;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.fault;
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    received += 1;
    const fault = takeFault();
    if (fault?.kind === 'answer') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/scim+json', ...fault.headers });
      const error = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: String(fault.status),
        detail: fault.detail ?? 'injected by the test proxy',
      };
      res.end(JSON.stringify(error));
      return;
    }
    if (fault?.kind === 'delay') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) forward(req, res);
      }, fault.ms);
      timers.add(timer);
      return;
    }
    forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: (path) => `${origin}${path}`,
    inject(fault, times) {
      queue.push({ fault, left: times });
    },
    clear() {
      queue.length = 0;
      received = 0;
    },
    get received() {
      return received;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
