/**
 * The preview's viewer: a static page (viewer/ in the package) around pdf.js, served from the
 * files of pdfjs-dist bantin ships — no CDN, the same viewer in every browser, and one
 * that keeps the reader's page and scroll position when a rebuild replaces the PDF.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { language, t } from '../core/i18n.js';
import { en, type MessageKey } from '../core/messages/en.js';
import { packageRoot } from '../paths.js';

const viewerDir = path.join(packageRoot, 'viewer');
/**
 * The few files of pdfjs-dist the page loads, copied into dist/pdfjs/ by the build
 * (scripts/copy-pdfjs.js): the package does not depend on pdfjs-dist, whose Node build pulls in
 * a native canvas. Running from the sources before a build, they come from the devDependency.
 */
const pdfjsDir = existsSync(path.join(packageRoot, 'dist/pdfjs/build'))
  ? path.join(packageRoot, 'dist/pdfjs')
  : path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve('pdfjs-dist/package.json'));
/** The parts the page loads: the library and its worker, the viewer, and the data pdf.js may ask for. */
const PDFJS_FOLDERS = new Set(['build', 'web', 'wasm', 'standard_fonts']);
const VIEWER_FILES = new Set(['viewer.js', 'viewer.css']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The page's words in the interface language (the viewer.* messages; {placeholders} filled by the page). */
function viewerMessages(): Record<string, string> {
  const keys = (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('viewer.'));
  return Object.fromEntries(keys.map((key) => [key.slice('viewer.'.length), t(key)]));
}

/**
 * Answers the viewer's own requests; false for any other path (the PDF, the events, 404).
 * info.json carries the token the page sends with POST /open: only a page of this server can read it.
 */
export function serveViewer(pathname: string, res: http.ServerResponse, page: { title: string; token: string }): boolean {
  if (pathname === '/viewer/info.json') {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
    res.end(JSON.stringify({ title: page.title, token: page.token, lang: language(), messages: viewerMessages() }));
    return true;
  }
  const file = fileFor(pathname);
  if (!file) return false;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
  return true;
}

function fileFor(pathname: string): string | undefined {
  if (pathname === '/' || pathname === '/index.html') return path.join(viewerDir, 'index.html');
  const [, top, ...rest] = pathname.split('/');
  if (top === 'viewer' && rest.length === 1 && VIEWER_FILES.has(rest[0]!)) return path.join(viewerDir, rest[0]!);
  if (top !== 'pdfjs' || !PDFJS_FOLDERS.has(rest[0] ?? '')) return undefined;
  let parts: string[];
  try {
    parts = rest.map(decodeURIComponent);
  } catch {
    return undefined; // a malformed %-escape
  }
  // Only files inside the allowed folders: no "..", no absolute paths.
  const file = path.resolve(pdfjsDir, ...parts);
  return file.startsWith(path.join(pdfjsDir, rest[0]!) + path.sep) ? file : undefined;
}
