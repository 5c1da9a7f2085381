/**
 * Printing with real page numbers. Chromium has no target-counter(), so: print, read where
 * every link target landed, write the numbers into their fixed-width slots, print again and
 * check that nothing moved. Repeats until the numbers are a fixed point.
 */
import type { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import type { AssetMap } from '../issue/assets.js';
import { PAGE_URL } from '../render/html.js';
import { readDestinations, type DestinationMap } from './destinations.js';
import { servePage, type RequestLog } from './requests.js';

export interface PrintInput {
  html: string;
  assets: AssetMap;
  /** Ids whose page numbers the page prints. */
  targets: ReadonlySet<string>;
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** The final PDF, parsed (reused by the finishing step). */
  doc: PDFDocument;
  pageCount: number;
  /** id → 1-based page number, read from the final PDF. */
  pages: Map<string, number>;
  destinations: DestinationMap;
  passes: number;
  requests: RequestLog;
}

const MAX_PASSES = 5;

export class LayoutError extends Error {}

/**
 * `browser` may be a page opened ahead of time (build() opens it while rendering the HTML);
 * the page is closed at the end either way.
 */
export async function printPaginated(target: Browser | Page, input: PrintInput): Promise<PrintResult> {
  const page = 'newPage' in target ? await target.newPage() : target;
  const requests: RequestLog = { blocked: [], failed: [] };
  try {
    page.setDefaultTimeout(input.timeoutMs ?? 60_000);
    await servePage(page, () => ({ html: input.html, assets: input.assets }), requests);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const refused = refusedUrl(message.text());
      if (refused) requests.blocked.push(refused);
      else input.log?.(`page: ${message.text()}`);
    });
    const t0 = performance.now();
    const lap = (what: string) => input.log?.(`${what}: ${Math.round(performance.now() - t0)} ms`);
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    lap('page loaded');

    // Backgrounds do not move anything: the measuring print leaves them out (~15 % faster).
    let pdf = await print(page, input.timeoutMs, { backgrounds: false });
    let { destinations, pageCount } = await readDestinations(pdf);
    lap('pass 1 printed');
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const pages = pageNumbers(destinations, input.targets);
      await fillPageNumbers(page, pages, String(pageCount).length);
      pdf = await print(page, input.timeoutMs);
      const next = await readDestinations(pdf);
      lap(`pass ${pass + 1} printed`);
      const settled = next.pageCount === pageCount && sameTargets(pageNumbers(next.destinations, input.targets), pages);
      destinations = next.destinations;
      pageCount = next.pageCount;
      if (settled) return { pdf, doc: next.doc, pageCount, pages, destinations, passes: pass + 1, requests };
      input.log?.(`page numbers moved the layout; printing again (pass ${pass + 2})`);
    }
    throw new LayoutError(`page numbers did not settle after ${MAX_PASSES + 1} prints`);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Chromium refuses some loads before they become requests: the page's Content-Security-Policy
 * (foreign origins) and its rule against file: URLs. It says so on the console.
 */
export function refusedUrl(text: string): string | undefined {
  return (
    /^(?:Loading|Refused to load) the [\w -]+ '([^']+)' violates the following Content Security Policy/.exec(text)?.[1] ??
    /^Refused to (?:connect to|frame|load) '([^']+)'/.exec(text)?.[1] ??
    /^Not allowed to load local resource: (\S+)/.exec(text)?.[1]
  );
}

function print(page: Page, timeoutMs = 60_000, { backgrounds = true } = {}): Promise<Uint8Array> {
  return page.pdf({ printBackground: backgrounds, preferCSSPageSize: true, timeout: timeoutMs, tagged: false, outline: false });
}

function pageNumbers(destinations: DestinationMap, targets: ReadonlySet<string>): Map<string, number> {
  const pages = new Map<string, number>();
  const missing: string[] = [];
  for (const id of targets) {
    const dest = destinations.get(id);
    if (dest) pages.set(id, dest.page);
    else missing.push(id);
  }
  if (missing.length) throw new LayoutError(`no PDF destination for ${missing.slice(0, 5).join(', ')}: a link target is not printed`);
  return pages;
}

function sameTargets(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, page] of a) if (b.get(id) !== page) return false;
  return true;
}

async function fillPageNumbers(page: Page, pages: Map<string, number>, digits: number): Promise<void> {
  await page.evaluate(
    (entries: Array<[string, number]>, width: number) => {
      const numbers = new Map(entries);
      const current = Number(getComputedStyle(document.documentElement).getPropertyValue('--pageref-digits'));
      if (width > current) document.documentElement.style.setProperty('--pageref-digits', String(width));
      for (const slot of document.querySelectorAll<HTMLElement>('[data-pageref]')) {
        const n = numbers.get(slot.dataset.pageref ?? '');
        if (n !== undefined) slot.textContent = String(n);
      }
    },
    [...pages],
    digits,
  );
}
