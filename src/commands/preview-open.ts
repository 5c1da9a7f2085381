/**
 * POST /open: the preview page asks for a story's line (or an error's) to be opened in the
 * editor. What is opened is decided here, never by the request: always the issue file, and only
 * at a line the last build named (a story or part, an error or warning of that file). Another
 * web site cannot ask: the request must carry the page's token (which only a page from this
 * server can read), come from this server's origin, and be JSON (so a browser sends it
 * cross-origin only after a preflight, which this server never answers).
 */
import type http from 'node:http';
import path from 'node:path';
import { t } from '../core/i18n.js';
import { editorCall, startEditor } from './preview-editor.js';
import { shownFile, type PreviewItem, type PreviewProblem } from './preview-items.js';

const MAX_BODY = 1024;

interface OpenContext {
  token: string;
  /** http://host:port of this server, by each name it answers to. */
  origins: string[];
  file: string;
  editor?: string;
  items: readonly PreviewItem[];
  problems: readonly PreviewProblem[];
}

export function openInEditor(req: http.IncomingMessage, res: http.ServerResponse, context: OpenContext): void {
  const reply = (status: number, ok: boolean, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok, message }));
  };
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if (
    req.method !== 'POST' ||
    !/^application\/json\b/i.test(req.headers['content-type'] ?? '') ||
    req.headers['x-bantin-token'] !== context.token ||
    (origin !== undefined && !context.origins.includes(origin)) ||
    (fetchSite !== undefined && fetchSite !== 'same-origin')
  ) {
    return reply(403, false, t('commands.preview.open-refused'));
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > MAX_BODY) req.destroy();
  });
  req.on('end', () => {
    const line = lineAsked(body, context);
    if (line === undefined) return reply(403, false, t('commands.preview.open-refused'));
    const shown = shownFile(context.file);
    const editor = context.editor?.trim() || process.env.VISUAL?.trim() || process.env.EDITOR?.trim();
    if (!editor) return reply(200, false, t('commands.preview.no-editor', { file: shown, line }));
    const call = editorCall(editor, context.file, line);
    if ('terminal' in call) return reply(200, false, t('commands.preview.editor-terminal', { editor, command: call.terminal }));
    startEditor(call).then(
      () => reply(200, true, t('commands.preview.editor-opened', { file: shown, line, editor })),
      (error: unknown) => reply(200, false, t('commands.preview.editor-failed', { editor, reason: error instanceof Error ? error.message : String(error) })),
    );
  });
}

/** The line the request names through a story's id or an error's line, if the last build named it. */
function lineAsked(body: string, context: OpenContext): number | undefined {
  let asked: { id?: unknown; line?: unknown };
  try {
    asked = JSON.parse(body) as typeof asked;
  } catch {
    return undefined;
  }
  if (typeof asked !== 'object' || asked === null) return undefined;
  if (typeof asked.id === 'string') return context.items.find((item) => item.id === asked.id)?.line;
  if (typeof asked.line === 'number') {
    return context.problems.some((p) => p.line === asked.line && path.resolve(p.file) === context.file) ? asked.line : undefined;
  }
  return undefined;
}
