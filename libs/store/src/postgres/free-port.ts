import { createServer } from 'node:net';

/** Asks the OS for a TCP port nobody listens on right now (there is a short race until the caller binds it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => (port ? resolve(port) : reject(new Error('the OS did not assign a port'))));
    });
  });
}
