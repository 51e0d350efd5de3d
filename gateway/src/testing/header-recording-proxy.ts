import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Passes every request on to `target` as it is, and keeps the headers each one arrived with. */
export class HeaderRecordingProxy {
  readonly received: IncomingHttpHeaders[] = [];

  private constructor(private readonly server: Server) {}

  static async start(target: URL): Promise<HeaderRecordingProxy> {
    const server = createServer();
    const proxy = new HeaderRecordingProxy(server);
    server.on('request', (incoming, outgoing) => {
      proxy.received.push(incoming.headers);
      const upstream = httpRequest(
        { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.writeHead(502).end());
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return proxy;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
