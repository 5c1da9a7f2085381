/**
 * Printing with real page numbers. Chromium has no target-counter(), so: predict where every
 * link target lands (simulate.ts), write the numbers into their fixed-width slots, print, and
 * read the print's named destinations back to check. A wrong prediction costs one more print
 * with the numbers just read; this repeats until they are a fixed point.
 */
import type { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import type { AssetMap } from '../issue/assets.js';
import { PAGE_URL } from '../render/urls.js';
import type { DestinationMap } from '../pdf/destinations.js';
import { pdfStage } from '../pdf/stage.js';
import { fillPageNumbers, LayoutError, pageNumbers, sameTargets } from './page-numbers.js';
import { balanceEnds, columnSize, enterSimulation, insertBlankPages, leaveSimulation, measureSimulation, pageFill, type PageBox, type Simulated } from './simulate.js';
import { shortEnds, shortTails, type Flow } from './tails.js';

export { LayoutError } from './page-numbers.js';
import type { ImageFilter } from './downsample.js';
import { CSS_PX_PER_MM, ImageDecodeError, measureLayout, type Measurement } from './measure.js';
import { servePage, type PageContent, type RequestLog, type ThemeFiles } from './requests.js';
import { t } from '../core/i18n.js';

export interface PrintInput {
  html: string;
  assets: AssetMap;
  /** The theme's folders and font packages: the only other files the page may read. */
  themeFiles?: ThemeFiles;
  /** The page's text block: the columns of the paginated model, and the viewport width. */
  pageBox: PageBox;
  /** Shrink images for the screen profile. */
  imageFilter?: ImageFilter;
  /**
   * Articles in reading order, part by part: one that leaves one or two lines at the top of
   * the next page is set a little tighter to pull them back.
   */
  flow?: Flow;
  /** Ids whose page numbers the page prints. */
  targets: ReadonlySet<string>;
  /** Two-sided printing with part-start: right: the parts, in order, that start on a right-hand (odd) page. */
  rightStarts?: readonly string[];
  /** A tagged PDF (structure tree from the page's accessibility tree); default true. */
  tagged?: boolean;
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
  /** Preflight: overflow, clipping, image resolution, measured before printing. */
  measurement: Measurement;
  /** Pages (1-based) less than a quarter full that no forced break explains, as the model has them. */
  nearlyEmpty: Array<{ page: number; fill: number }>;
}

const MAX_PASSES = 6;

interface Tightened {
  pulled: Set<string>;
  pushed: Set<string>;
}

function predictedNumbers(model: Simulated, targets: ReadonlySet<string>): Map<string, number> {
  const pages = new Map<string, number>();
  for (const id of targets) {
    const dest = model.destinations.get(id);
    if (dest) pages.set(id, dest.page);
  }
  return pages;
}

export interface SessionOptions {
  timeoutMs?: number;
  log?: (message: string) => void;
}

/**
 * One page that prints issues again and again (watch mode keeps it warm). A new document
 * whose <head> is unchanged only swaps the <body>: fonts and styles stay loaded.
 */
export class PrintSession {
  private content: PageContent = { html: '', assets: new Map() };
  private loadedHead: string | undefined;
  readonly requests: RequestLog = { blocked: [], failed: [] };

  private constructor(
    readonly page: Page,
    private readonly options: SessionOptions,
  ) {}

  /** `target` may be a page opened ahead of time (build() opens it while rendering the HTML). */
  static async open(target: Browser | Page, options: SessionOptions = {}): Promise<PrintSession> {
    const page = 'newPage' in target ? await target.newPage() : target;
    const session = new PrintSession(page, options);
    page.setDefaultTimeout(options.timeoutMs ?? 60_000);
    await servePage(page, () => session.content, session.requests);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const refused = refusedUrl(message.text());
      if (refused) session.requests.blocked.push(refused);
      else options.log?.(`page: ${message.text()}`);
    });
    return session;
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }

  /** The next print loads the page afresh (a stylesheet changed on disk). */
  reload(): void {
    this.loadedHead = undefined;
  }

  /**
   * Prints `input.html` with its page numbers settled: predicted in the page first (see
   * simulate.ts), so a print normally only confirms them.
   */
  async print(input: PrintInput): Promise<PrintResult> {
    const t0 = performance.now();
    const lap = (what: string) => this.options.log?.(`${what}: ${Math.round(performance.now() - t0)} ms`);
    this.requests.blocked.length = 0;
    this.requests.failed.length = 0;
    const measurement = await this.load(input);
    // Never a broken-image icon in a PDF: the caller places the error on the image's line.
    if (measurement.broken.length > 0) throw new ImageDecodeError(measurement.broken);
    lap('page loaded');
    const tightened: Tightened = { pulled: new Set(), pushed: new Set() };
    const nearlyEmpty: PrintResult['nearlyEmpty'] = [];
    const guess = await this.bounded(this.predict(input, tightened, nearlyEmpty));
    for (const { page, fill } of nearlyEmpty) this.options.log?.(`page ${page} is only ${Math.round(fill * 100)} % full`);
    lap(`page numbers predicted (${tightened.pulled.size + tightened.pushed.size} short tails tightened)`);
    const settled = await this.printUntilSettled(input, guess, tightened, lap);
    return { ...settled, requests: { ...this.requests }, measurement, nearlyEmpty };
  }

  /**
   * Prints until the page numbers the print shows are those the page says: a print normally only
   * confirms the prediction; a wrong one costs one more print with the numbers just read.
   */
  private async printUntilSettled(input: PrintInput, predicted: Map<string, number>, tightened: Tightened, lap: (what: string) => void): Promise<Omit<PrintResult, 'requests' | 'measurement' | 'nearlyEmpty'>> {
    let guess = predicted;
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      // Every font face in, as page.pdf() would make sure (print() asks it not to: a round trip more).
      await this.fontsReady();
      const pdf = await print(this.page, { timeoutMs: this.options.timeoutMs, tagged: input.tagged ?? true });
      const { openPrint, destinationsOf } = await pdfStage();
      const doc = await openPrint(pdf);
      const { destinations, pageCount } = destinationsOf(doc);
      const pages = pageNumbers(destinations, input.targets);
      lap(`pass ${pass} printed`);
      // The last prints only settle numbers: a tail found that late is left as it is.
      const tails = input.flow && pass < MAX_PASSES - 1 ? shortTails(destinations, input.flow).filter((id) => !tightened.pushed.has(id)) : [];
      if (tails.length === 0 && sameTargets(pages, guess)) return { pdf, doc, pageCount, pages, destinations, passes: pass };
      if (tails.length > 0) await this.bounded(this.tighten(tails, tightened));
      else this.options.log?.('the printed page numbers differ from the prediction; printing again');
      guess = pages;
      await this.bounded(fillPageNumbers(this.page, pages, String(pageCount).length));
    }
    throw new LayoutError(t('print.page-numbers-unsettled', { n: MAX_PASSES }));
  }

  /**
   * Page numbers from the paginated model, short tails tightened on the way, written into the
   * page's slots. A target the model cannot place is left for the print to find.
   */
  private async predict(input: PrintInput, tightened: Tightened, nearlyEmpty: PrintResult['nearlyEmpty']): Promise<Map<string, number>> {
    const ends = input.flow?.ends ?? [];
    const ids = [...new Set([...input.targets, ...(input.flow?.sequences.flat() ?? []), ...ends.map((e) => e.tighten), ...(input.rightStarts ?? [])])];
    const endIds = ends.map((e) => e.measure);
    const pageHeight = columnSize(input.pageBox).height * 0.75;
    const endsPulled = new Set<string>();
    await enterSimulation(this.page, input.pageBox);
    try {
      let model = await measureSimulation(this.page, input.pageBox, ids, endIds);
      for (let round = 0; round < MAX_PASSES && input.flow; round++) {
        const tails = shortTails(model.destinations, input.flow).filter((id) => !tightened.pushed.has(id));
        // A story before a forced break is pulled back once; pushing lines over would not help.
        const short = shortEnds(model, input.flow, pageHeight).filter((id) => !tightened.pulled.has(id) && !tails.includes(id));
        if (tails.length + short.length === 0) break;
        await this.tighten([...tails, ...short], tightened);
        short.forEach((id) => endsPulled.add(id));
        model = await measureSimulation(this.page, input.pageBox, ids, endIds);
      }
      // A story the tighter setting did not pull back goes back to its normal setting.
      const kept = input.flow ? shortEnds(model, input.flow, pageHeight).filter((id) => endsPulled.has(id)) : [];
      if (kept.length > 0) {
        this.options.log?.(`could not pull back: ${kept.join(', ')}`);
        await this.page.evaluate((list: string[]) => list.forEach((id) => document.getElementById(id)?.classList.remove('pull-back')), kept);
        model = await measureSimulation(this.page, input.pageBox, ids, endIds);
        for (let round = 0; round < MAX_PASSES && input.flow; round++) {
          const tails = shortTails(model.destinations, input.flow).filter((id) => !tightened.pushed.has(id));
          if (tails.length === 0) break;
          await this.tighten(tails, tightened);
          model = await measureSimulation(this.page, input.pageBox, ids, endIds);
        }
      }
      // A story whose last page is still under a quarter full is balanced over its last two pages.
      const unfilled = (input.flow?.ends ?? []).flatMap(({ measure, numbered }) => {
        if (numbered && model.pageCount >= 100) return [];
        const end = model.ends.get(measure);
        const start = model.destinations.get(measure);
        return end && start && end.page > start.page && end.bottom < pageHeight / 4 ? [{ id: measure, page: end.page, bottom: end.bottom }] : [];
      });
      const balanced = unfilled.length > 0 ? await balanceEnds(this.page, input.pageBox, unfilled) : [];
      if (balanced.length > 0) {
        this.options.log?.(`balanced over their last two pages: ${balanced.join(', ')}`);
        model = await measureSimulation(this.page, input.pageBox, ids, endIds);
      }
      // Last: a blank page moves everything after it by one page, and nothing else moves.
      const blanks = input.rightStarts ? await insertBlankPages(this.page, input.pageBox, model, input.rightStarts) : [];
      if (blanks.length > 0) {
        this.options.log?.(`blank left-hand pages before parts: ${blanks.join(', ')}`);
        model = await measureSimulation(this.page, input.pageBox, ids, endIds);
      }
      nearlyEmpty.push(...(await this.nearlyEmptyPages(input.pageBox, model, blanks)));
      let pages = predictedNumbers(model, input.targets);
      // Wider slots (a 100th page) move text: measure once more with them.
      if (await fillPageNumbers(this.page, pages, String(model.pageCount).length)) {
        model = await measureSimulation(this.page, input.pageBox, ids);
        pages = predictedNumbers(model, input.targets);
        await fillPageNumbers(this.page, pages, String(model.pageCount).length);
      }
      return pages;
    } finally {
      await leaveSimulation(this.page);
    }
  }

  /**
   * Pages under a quarter full, but the cover, the last page, pages a forced break ends
   * (the end of a part or of a spotlight story) and the blank pages of two-sided printing.
   */
  private async nearlyEmptyPages(box: PageBox, model: Simulated, blanks: readonly number[] = []): Promise<PrintResult['nearlyEmpty']> {
    const fill = await pageFill(this.page, box);
    const forced = new Set([...[...model.ends.values()].map((e) => e.page), ...blanks]);
    return fill.map((f, i) => ({ page: i + 1, fill: f })).filter((p) => p.fill < 0.25 && p.page > 1 && p.page < fill.length && !forced.has(p.page));
  }

  /**
   * A short tail is first pulled back (tighter setting); if that is not enough, one more line
   * is carried over (widows: 3). Each step happens once per article, so this converges.
   */
  private async tighten(tails: string[], tightened: Tightened): Promise<void> {
    const changes = tails.map((id) => ({ id, fix: tightened.pulled.has(id) ? 'push-tail' : 'pull-back' }));
    for (const { id, fix } of changes) (fix === 'pull-back' ? tightened.pulled : tightened.pushed).add(id);
    this.options.log?.(`short tails: ${changes.map((c) => `${c.id} (${c.fix})`).join(', ')}`);
    await this.page.evaluate((list: Array<{ id: string; fix: string }>) => list.forEach(({ id, fix }) => document.getElementById(id)?.classList.add(fix)), changes);
  }

  private async load(input: PrintInput): Promise<Measurement> {
    this.content = { html: input.html, assets: input.assets, imageFilter: input.imageFilter, themeFiles: input.themeFiles };
    const width = Math.round(input.pageBox.width * CSS_PX_PER_MM);
    if (this.page.viewport()?.width !== width) {
      await this.page.setViewport({ width, height: 1000 });
      this.loadedHead = undefined;
    }
    const parts = splitDocument(input.html);
    if (parts && parts.head === this.loadedHead) {
      await this.bounded(
        this.page.evaluate((body: string) => {
          document.documentElement.removeAttribute('style');
          document.body.innerHTML = body;
        }, parts.body),
      );
    } else {
      await this.page.goto(PAGE_URL, { waitUntil: 'load' });
      this.loadedHead = parts?.head;
    }
    await this.fontsReady();
    const vector = [...input.assets.values()].filter((a) => a.type === 'svg').map((a) => a.src);
    return this.bounded(measureLayout(this.page, vector));
  }

  private fontsReady(): Promise<void> {
    return this.bounded(this.page.evaluate(() => document.fonts.ready.then(() => undefined)));
  }

  /** page.evaluate() has no timeout of its own: a hung renderer must not hang bantin. */
  private bounded<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer from the page in ${ms} ms`), { name: 'TimeoutError' })), ms);
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
  }
}

/** Prints one document on a page of its own, closed at the end (without waiting for it). */
export async function printPaginated(target: Browser | Page, input: PrintInput): Promise<PrintResult> {
  const session = await PrintSession.open(target, { timeoutMs: input.timeoutMs, log: input.log });
  try {
    return await session.print(input);
  } finally {
    void session.close();
  }
}

function splitDocument(html: string): { head: string; body: string } | undefined {
  const match = /^([\s\S]*?<body[^>]*>)([\s\S]*)<\/body>/.exec(html);
  return match ? { head: match[1]!, body: match[2]! } : undefined;
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

/**
 * The caller has waited for the fonts: the print is asked for at once, and the PDF stage loads
 * while Chromium prints (this process would only wait).
 */
function print(page: Page, { timeoutMs = 60_000, tagged }: { timeoutMs?: number; tagged: boolean }): Promise<Uint8Array> {
  const printing = page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: timeoutMs, tagged, outline: false, waitForFonts: false });
  pdfStage().catch(() => undefined);
  return printing;
}

