import { createServer, type AddressInfo } from 'node:net';

/** A port free on loopback now: taken from the system and given back, for a server a test starts as a process of its own. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
