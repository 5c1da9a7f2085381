/**
 * The preview: a loopback-only HTTP server showing the latest PDF in the reader's browser (a
 * pdf.js viewer, preview-viewer.ts) and reloading it after each rebuild (Server-Sent Events).
 * Errors show on the page until fixed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveViewer } from './preview-viewer.js';
import { UserError } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';

function listenFailure(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new UserError(t('commands.preview.port-in-use', { port }));
  if (error.code === 'EACCES') return new UserError(t('commands.preview.port-denied', { port }));
  return error;
}

export type PreviewState = { kind: 'building' } | { kind: 'ok'; pdf: Uint8Array; version: number; summary: string } | { kind: 'error'; message: string; version: number };

export interface PreviewServer {
  url: string;
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

export async function startPreview(options: { title: string; port?: number; host?: string }): Promise<PreviewServer> {
  let state: PreviewState = { kind: 'building' };
  const clients = new Set<http.ServerResponse>();
  const event = () => {
    const { kind } = state;
    const data = kind === 'ok' ? { kind, version: state.version, summary: state.summary } : kind === 'error' ? { kind, message: state.message, version: state.version } : { kind };
    return `data: ${JSON.stringify(data)}\n\n`;
  };
  let allowedHosts = new Set<string>();
  const server = http.createServer((req, res) => {
    // DNS rebinding: a web page whose name points at 127.0.0.1 must not read the preview.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      res.writeHead(421, { 'content-type': 'text/plain' });
      res.end(t('commands.preview.wrong-host'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (serveViewer(url.pathname, res, options.title)) {
      // the page, pdf.js and their files (preview-viewer.ts)
    } else if (url.pathname === '/issue.pdf' && state.kind === 'ok') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
      res.end(state.pdf);
    } else if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(event());
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  // Loopback only: the preview is for the person at this machine.
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, options.port ?? 0)));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${host}:${port}/`,
    publish(next) {
      state = next;
      const message = event();
      for (const client of clients) client.write(message);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
