/**
 * Fetching an article page for `bantin add`, the only place bantin reaches the network: http
 * and https only, one deadline for the whole exchange (10 s), at most 5 MB read (a longer body
 * is cut off and refused, whatever its Content-Length said), at most 5 redirects followed by
 * hand so that each hop is checked, and the User-Agent of a browser (several Vietnamese news
 * sites answer an unknown client with an empty page or a 403).
 */
import { t } from '../../core/i18n.js';
import { megabytes } from '../../core/read-file.js';

const FETCH_TIMEOUT_MS = 10_000;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface FetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The address the page was read from, after redirects. */
  url: string;
  bytes: Uint8Array;
  /** The Content-Type header, if any. */
  contentType?: string;
}

/** Why a page could not be had, in words for the user. */
export class FetchProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchProblem';
  }
}

export function checkWebAddress(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchProblem(t('add.fail.not-address'));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchProblem(t('add.fail.scheme', { scheme: parsed.protocol.replace(/:$/, '') }));
  return parsed;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

export async function fetchPage(url: string, limits: FetchLimits = {}): Promise<FetchedPage> {
  const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? MAX_PAGE_BYTES;
  const maxRedirects = limits.maxRedirects ?? MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = checkWebAddress(url);
    for (let hops = 0; ; hops++) {
      const response = await request(current, controller.signal, timeoutMs);
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        if (hops === maxRedirects) throw new FetchProblem(t('add.fail.redirects', { max: maxRedirects }));
        let next: URL;
        try {
          next = new URL(response.headers.get('location')!, current);
        } catch {
          throw new FetchProblem(t('add.fail.bad-redirect'));
        }
        current = checkWebAddress(next.href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchProblem(response.status === 404 || response.status === 410 ? t('add.fail.not-found', { status: response.status }) : t('add.fail.status', { status: response.status }));
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      if (contentType && !HTML_TYPES.test(contentType.trim())) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchProblem(t('add.fail.not-html', { type: contentType.split(';')[0]!.trim() }));
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchProblem(t('add.fail.too-big', { max: megabytes(maxBytes) }));
      }
      const bytes = await readCapped(response, maxBytes, timeoutMs);
      return { url: current.href, bytes, contentType };
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function request(url: URL, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {
      redirect: 'manual',
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'accept-language': 'vi-VN,vi;q=0.9,en;q=0.6',
      },
    });
  } catch (error) {
    throw networkProblem(error, signal, timeoutMs);
  }
}

/** The body, read piece by piece and given up as soon as it passes the cap. */
async function readCapped(response: Response, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FetchProblem(t('add.fail.too-big', { max: megabytes(maxBytes) }));
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    throw networkProblem(error, undefined, timeoutMs);
  }
  return Buffer.concat(chunks, length);
}

/** fetch's failures (undici puts the system's code in `cause`) → one reason. */
function networkProblem(error: unknown, signal: AbortSignal | undefined, timeoutMs: number): FetchProblem {
  if (error instanceof FetchProblem) return error;
  const name = (error as Error)?.name;
  if (signal?.aborted || name === 'AbortError' || name === 'TimeoutError') return new FetchProblem(t('add.fail.timeout', { seconds: Math.round(timeoutMs / 100) / 10 }));
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchProblem(t('add.fail.no-host'));
  if (code === 'ECONNREFUSED') return new FetchProblem(t('add.fail.refused'));
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new FetchProblem(t('add.fail.reset'));
  if (/CERT|SSL|TLS/i.test(code)) return new FetchProblem(t('add.fail.tls', { code }));
  return new FetchProblem(t('add.fail.network', { code: code || cause?.message || (error as Error)?.message || String(error) }));
}
