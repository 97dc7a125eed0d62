import { createServer } from 'node:net';

/** A port the OS has just handed out on loopback (released again, so it may race; good enough here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('bench: no free port'))));
    });
  });
}
