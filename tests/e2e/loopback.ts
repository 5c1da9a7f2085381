/**
 * A server on loopback standing in for the outside world: it records every request it gets,
 * so a test can prove that rendering sent none.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/css' }).end('body { display: none }');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
