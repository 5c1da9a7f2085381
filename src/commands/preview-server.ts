/**
 * The preview: a loopback-only HTTP server showing the latest PDF in the reader's browser and
 * reloading it after each rebuild (Server-Sent Events). Errors show on the page until fixed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../issue/diagnostics.js';

function listenFailure(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new UserError(`port ${port} is in use (another preview, or another program): choose another with --port, or leave --port out for a free one`);
  if (error.code === 'EACCES') return new UserError(`cannot listen on port ${port}: permission denied; choose a port above 1023 with --port`);
  return error;
}

export type PreviewState = { kind: 'building' } | { kind: 'ok'; pdf: Uint8Array; version: number; summary: string } | { kind: 'error'; message: string; version: number };

export interface PreviewServer {
  url: string;
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function viewer(title: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} — bantin preview</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px system-ui, sans-serif; background: #525659; }
  #bar { position: fixed; inset: 0 0 auto 0; height: 32px; display: flex; align-items: center; gap: 12px; padding: 0 12px; background: #0c3460; color: #fff; }
  #status { opacity: .85 } #error { display: none; position: fixed; inset: 32px 0 auto 0; max-height: 60%; overflow: auto; margin: 0; padding: 12px 16px; background: #fff3f0; color: #8a1c00; white-space: pre-wrap; font: 13px ui-monospace, monospace; border-bottom: 3px solid #e2622b; z-index: 2; }
  iframe { position: fixed; inset: 32px 0 0 0; width: 100%; height: calc(100% - 32px); border: 0; }
</style></head><body>
<div id="bar"><strong>bantin</strong><span>${escapeHtml(title)}</span><span id="status">…</span></div>
<pre id="error"></pre><iframe id="pdf" title="PDF"></iframe>
<script>
  const frame = document.getElementById('pdf'), error = document.getElementById('error'), status = document.getElementById('status');
  const events = new EventSource('/events');
  events.onmessage = (e) => {
    const s = JSON.parse(e.data);
    if (s.kind === 'building') { status.textContent = 'đang dựng lại…'; return; }
    if (s.kind === 'error') { error.textContent = s.message; error.style.display = 'block'; status.textContent = 'lỗi — sửa tệp YAML, bản xem trước tự cập nhật'; return; }
    error.style.display = 'none'; status.textContent = s.summary;
    frame.src = '/issue.pdf?v=' + s.version;
  };
</script></body></html>`;
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
      res.end('bantin preview answers only to its own loopback address');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(viewer(options.title));
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
