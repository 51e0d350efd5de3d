import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Dice } from '../random';
import { FaultCounter } from './fault-counts';

/** The chance of each fault per new connection, and per chunk of an open one. */
export interface TcpFaultRates {
  /** The connection is accepted and never answered: the client's own timeout must fire. */
  readonly stallConnection: number;
  /** Every answer on the connection comes late (a slow target). */
  readonly slowConnection: number;
  /** After each chunk the target sent, the connection is cut (the target crashed or a network reset). */
  readonly resetPerChunk: number;
  /** How late a slow connection's answers are, in ms. */
  readonly slowMs: readonly [number, number];
}

/**
 * A TCP proxy in front of a real target (PostgreSQL, OpenLDAP) that injects the faults a network and
 * a struggling server produce: connections that never answer, slow answers, and connections cut in
 * the middle of a conversation, when a request may or may not have been applied. Off until `enable`,
 * so the setup before the run is not disturbed. Choices come from the run's seeded dice.
 */
export class TcpFaultProxy {
  readonly faults = new FaultCounter();
  private enabled = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { readonly host: string; readonly port: number },
    private readonly dice: Dice,
    private readonly rates: TcpFaultRates,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }, dice: Dice, rates: TcpFaultRates): Promise<TcpFaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TcpFaultProxy(server, target, dice, rates);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.enabled && this.dice.chance(this.rates.stallConnection)) {
      this.faults.count('stalled connections');
      client.on('data', () => undefined);
      return;
    }
    const slowMs = this.enabled && this.dice.chance(this.rates.slowConnection) ? this.dice.between(...this.rates.slowMs) : 0;
    if (slowMs > 0) this.faults.count('slow connections');
    const upstream = this.track(createConnection(this.target));
    client.pipe(upstream);
    let pending = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      pending = pending
        .then(() => (slowMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, slowMs)) : undefined))
        .then(() => {
          if (client.destroyed) return;
          client.write(chunk);
          if (this.enabled && this.dice.chance(this.rates.resetPerChunk)) {
            this.faults.count('connections reset');
            client.resetAndDestroy();
            upstream.destroy();
            return;
          }
          upstream.resume();
        });
    });
    upstream.on('end', () => void pending.then(() => client.end()));
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', () => void pending.then(closeBoth));
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }
}
