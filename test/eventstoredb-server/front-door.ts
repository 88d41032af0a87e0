/**
 * The node's address as clients see it: a TCP relay in front of the gRPC server, so that a test
 * can do to the client's connections what a network or a restarting node does: cut every one of
 * them at once, or refuse new ones for a while.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class FrontDoor {
  private readonly sockets = new Set<Socket>();
  private refusing = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async open(targetPort: number): Promise<FrontDoor> {
    const server = createServer();
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
    const door = new FrontDoor(server, port);
    server.on('connection', (client) => door.relay(client, targetPort));
    return door;
  }

  /** Cuts every open connection, both ways, as a network failure or a node restart would. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** New connections are closed as soon as they open, until `admit` is called. */
  refuse(): void {
    this.refusing = true;
  }

  admit(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, targetPort: number): void {
    if (this.refusing) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true); // as gRPC's own sockets: without it, small frames wait on Nagle's algorithm
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}
