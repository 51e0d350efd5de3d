import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for what a deployment puts in front of a service's replicas (a Kubernetes Service, a
 * compose network alias): TCP round robin over the instances, skipping one that refuses the
 * connection (killed, not restarted yet). A connection open when its instance dies is cut, as a
 * real load balancer would cut it: callers see that failure and must cope.
 */
export class RoundRobinBalancer {
  private nextIndex = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly ports: () => readonly number[],
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(ports: () => readonly number[]): Promise<RoundRobinBalancer> {
    const server = createServer({ pauseOnConnect: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new RoundRobinBalancer(server, ports);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.track(client);
    const ports = this.ports();
    const start = this.nextIndex++;
    const tryInstance = (attempt: number): void => {
      if (client.destroyed) return;
      if (attempt >= ports.length) {
        client.destroy();
        return;
      }
      let connected = false;
      const upstream = createConnection({ host: '127.0.0.1', port: ports[(start + attempt) % ports.length]! });
      upstream.on('error', () => {
        if (connected) client.destroy();
        else tryInstance(attempt + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        this.track(upstream);
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryInstance(0);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
