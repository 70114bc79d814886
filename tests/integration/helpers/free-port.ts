import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that was free a moment ago, for servers that must be told theirs
 * (redis-server's `--port 0` means "no TCP", PostgreSQL takes no port 0, a host restarted on one port).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
