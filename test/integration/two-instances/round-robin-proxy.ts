import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The response header that names the instance (its index in `backends`) that answered. */
export const SERVED_BY = 'x-test-served-by';

/**
 * The simplest load balancer: each request goes to the next backend in turn, body and headers
 * passed through as they are, and the answer is marked with the index of the backend that gave it.
 */
export async function startRoundRobinProxy(backends: readonly string[]) {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const index = next++ % backends.length;
    const target = new URL(backends[index]!);
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_BY]: String(index) });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { [SERVED_BY]: String(index) });
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
