/**
 * The preview: a loopback-only HTTP server showing the latest PDF in the reader's browser (a
 * pdf.js viewer, preview-viewer.ts) and reloading it after each rebuild (Server-Sent Events),
 * with the build's errors and warnings and the issue's stories beside it. A story's "edit" link
 * asks the server (POST /open) to open the issue file at that story's line in the editor.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveViewer } from './preview-viewer.js';
import { openInEditor } from './preview-open.js';
import type { PreviewItem, PreviewProblem } from './preview-items.js';
import { UserError } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';

function listenFailure(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new UserError(t('commands.preview.port-in-use', { port }));
  if (error.code === 'EACCES') return new UserError(t('commands.preview.port-denied', { port }));
  return error;
}

export type PreviewState =
  | { kind: 'building' }
  | { kind: 'ok'; pdf: Uint8Array; version: number; summary: string; items: PreviewItem[]; problems: PreviewProblem[] }
  | { kind: 'error'; message: string; version: number; problems: PreviewProblem[] };

export interface PreviewServer {
  url: string;
  port: number;
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  title: string;
  /** The issue file (absolute): the only file the page can have opened in the editor. */
  issueFile: string;
  /** 0: any free port. */
  port?: number;
  /** When `port` is taken, the next free one of the following 19. */
  nextFree?: boolean;
  host?: string;
  /** --editor, else $VISUAL, else $EDITOR. */
  editor?: string;
}

/** Ports tried after a taken one, with nextFree. */
const NEXT_PORTS = 19;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  let state: PreviewState = { kind: 'building' };
  /** The last build's stories: kept while an error is shown, so their links still work. */
  let items: PreviewItem[] = [];
  const clients = new Set<http.ServerResponse>();
  const token = randomBytes(18).toString('base64url');
  const event = () => {
    const { kind } = state;
    const data =
      kind === 'ok'
        ? { kind, version: state.version, summary: state.summary, items: state.items, problems: state.problems }
        : kind === 'error'
          ? { kind, message: state.message, version: state.version, problems: state.problems }
          : { kind };
    return `data: ${JSON.stringify(data)}\n\n`;
  };
  let allowedHosts = new Set<string>();
  const server = http.createServer((req, res) => {
    // DNS rebinding: a web page whose name points at 127.0.0.1 must not read the preview.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(t('commands.preview.wrong-host'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/open') {
      const problems = state.kind === 'building' ? [] : state.problems;
      openInEditor(req, res, { token, origins: [...allowedHosts].map((h) => `http://${h}`), file: options.issueFile, editor: options.editor, items, problems });
    } else if (serveViewer(url.pathname, res, { title: options.title, token })) {
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
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(t('commands.preview.not-found'));
    }
  });
  // Loopback only: the preview is for the person at this machine.
  const host = options.host ?? '127.0.0.1';
  const first = options.port ?? 0;
  const last = options.nextFree && first > 0 ? Math.min(65535, first + NEXT_PORTS) : first;
  for (let port = first; ; port++) {
    try {
      await listen(server, port, host);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port >= last) throw listenFailure(error as NodeJS.ErrnoException, first);
    }
  }
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${host}:${port}/`,
    port,
    publish(next) {
      state = next;
      if (next.kind === 'ok') items = next.items;
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

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
