/**
 * Pagination predicted in the page, before printing. The body becomes a multi-column box whose
 * columns are exactly a printed page's content area; Chromium breaks columns by the same
 * fragmentation rules as pages (break-before/after/inside, orphans, widows, floats,
 * monolithic boxes), so column n holds what page n will. Forced page breaks become column
 * breaks for the while. Measuring this way costs a layout (~15 ms for a 17-page issue) instead
 * of a print (~300 ms); the print that follows still verifies every number.
 */
import type { Page } from 'puppeteer-core';
import type { DestinationMap } from '../pdf/destinations.js';
import { CSS_PX_PER_MM } from './measure.js';

export interface PageBox {
  /** The page's content area (trim less margins), in mm. */
  width: number;
  height: number;
}

export interface Simulated {
  destinations: DestinationMap;
  pageCount: number;
  /** Where the boxes asked for as `ends` finish: the page (column) of their last fragment and its bottom, in pt. */
  ends: Map<string, { page: number; bottom: number }>;
}

const PT_PER_PX = 0.75;

/** What enterSimulation changed, kept on the page's window for leaveSimulation to undo: the body's style and each element's style before. */
interface SimulationState {
  bodyStyle: string | null;
  breaks: Array<[HTMLElement, string | null]>;
}
type SimulationWindow = { __bantinSimulation?: SimulationState };

/**
 * Chromium lays a printed page out in whole CSS pixels, rounded up (measured: a 672.76 px text
 * block holds 673 px of content, a 986.46 px one 987 px).
 */
export function columnSize(box: PageBox): { width: number; height: number } {
  return { width: Math.ceil(box.width * CSS_PX_PER_MM - 1e-6), height: Math.ceil(box.height * CSS_PX_PER_MM - 1e-6) };
}

/** Turns the page into its paginated model: measureSimulation() reads it, leaveSimulation() undoes it. */
export async function enterSimulation(page: Page, box: PageBox): Promise<void> {
  const { width, height } = columnSize(box);
  await page.evaluate(
    (width: number, height: number) => {
      const state: SimulationState = { bodyStyle: document.body.getAttribute('style'), breaks: [] };
      (window as unknown as SimulationWindow).__bantinSimulation = state;
      const forced = new Set(['page', 'left', 'right', 'recto', 'verso']);
      for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        const named = style.getPropertyValue('page') !== 'auto' && style.getPropertyValue('page') !== '';
        const before = forced.has(style.breakBefore) || named;
        const after = forced.has(style.breakAfter) || named;
        if (!before && !after) continue;
        const old = el.getAttribute('style');
        state.breaks.push([el, old]);
        // Attributes, not el.style: once touched, the CSSOM leaves an empty style="" behind.
        // A box on a page of its own kind (the cover: no margins) is taken as one whole page.
        const whole = named ? `height: ${height}px; overflow: hidden;` : '';
        el.setAttribute('style', `${old ?? ''};${before ? 'break-before: column;' : ''}${after ? 'break-after: column;' : ''}${whole}`);
      }
      const old = state.bodyStyle ?? '';
      document.body.setAttribute('style', `${old};width: ${width}px; height: ${height}px; column-count: 1; column-gap: ${width}px; column-fill: auto; margin: 0; padding: 0`);
    },
    width,
    height,
  );
}

/** Where each id starts: the page (column) and its distance from the content top, in pt. */
export async function measureSimulation(page: Page, box: PageBox, ids: readonly string[], endIds: readonly string[] = []): Promise<Simulated> {
  const { width } = columnSize(box);
  const [entries, pageCount, endEntries] = await page.evaluate(
    (ids: string[], width: number, endIds: string[]) => {
      const origin = document.body.getBoundingClientRect();
      const column = (left: number) => Math.round((left - origin.left) / (2 * width));
      const found: Array<[string, number, number]> = [];
      for (const id of ids) {
        const rect = document.getElementById(id)?.getClientRects()[0];
        if (rect) found.push([id, column(rect.left) + 1, rect.top - origin.top]);
      }
      let last = 0;
      for (const child of document.body.children) {
        const rects = child.getClientRects();
        const end = rects[rects.length - 1];
        if (end && end.height > 0) last = Math.max(last, column(end.left));
      }
      const ends: Array<[string, number, number]> = [];
      for (const id of endIds) {
        const rects = document.getElementById(id)?.getClientRects();
        const end = rects?.[rects.length - 1];
        if (end) ends.push([id, column(end.left) + 1, end.bottom - origin.top]);
      }
      return [found, last + 1, ends] as const;
    },
    [...ids],
    width,
    [...endIds],
  );
  const destinations: DestinationMap = new Map(entries.map(([id, page, top]) => [id, { page, top: top * PT_PER_PX }]));
  const ends = new Map(endEntries.map(([id, page, bottom]) => [id, { page, bottom: bottom * PT_PER_PX }]));
  return { destinations, pageCount, ends };
}

/**
 * How full each page of the model is: the bottom of its lowest line of text or image, as a
 * fraction of the text block's height (index 0 = page 1). Text nodes, not boxes: a box that
 * breaks is stretched to the end of its page whatever it holds.
 */
export async function pageFill(page: Page, box: PageBox): Promise<number[]> {
  const { width, height } = columnSize(box);
  return page.evaluate(
    (width: number, height: number) => {
      const origin = document.body.getBoundingClientRect();
      const fill: number[] = [];
      const add = (rect: DOMRect) => {
        if (rect.height <= 0) return;
        const column = Math.round((rect.left - origin.left) / (2 * width));
        fill[column] = Math.max(fill[column] ?? 0, Math.min(1, (rect.bottom - origin.top) / height));
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue?.trim()) continue;
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) add(rect);
      }
      for (const el of document.body.querySelectorAll('img, svg')) for (const rect of el.getClientRects()) add(rect);
      return Array.from({ length: fill.length }, (_, i) => fill[i] ?? 0);
    },
    width,
    height,
  );
}

/** Back to the document as it prints. */
export async function leaveSimulation(page: Page): Promise<void> {
  await page.evaluate(() => {
    const holder = window as unknown as SimulationWindow;
    const state = holder.__bantinSimulation;
    if (!state) return;
    const restore = (el: HTMLElement, style: string | null) => (style === null ? el.removeAttribute('style') : el.setAttribute('style', style));
    restore(document.body, state.bodyStyle);
    for (const [el, style] of state.breaks) restore(el, style);
    delete holder.__bantinSimulation;
  });
}

/**
 * Two-sided printing with parts on right-hand pages: Chromium has no break-before: right, so a
 * part the model puts on an even page gets an empty `.blank-page` before it (a page of its own,
 * printed blank: styles/bulletin.css). Each blank moves the parts after it by one page. Only a
 * part that starts a page is moved (a theme may run parts on). Returns the blank pages, in the
 * numbering after the insertion.
 */
export async function insertBlankPages(page: Page, box: PageBox, model: Simulated, partIds: readonly string[]): Promise<number[]> {
  let added = 0;
  const before: string[] = [];
  const blanks: number[] = [];
  for (const id of partIds) {
    const at = model.destinations.get(id)?.page;
    if (at === undefined || (at + added) % 2 === 1) continue;
    before.push(id);
    blanks.push(at + added);
    added++;
  }
  if (before.length === 0) return [];
  const { height } = columnSize(box);
  const inserted = await page.evaluate(
    (ids: string[], height: number) => {
      const state = (window as unknown as SimulationWindow).__bantinSimulation;
      const done: string[] = [];
      for (const id of ids) {
        const part = document.getElementById(id);
        if (!part || !['page', 'column', 'left', 'right'].includes(getComputedStyle(part).breakBefore)) continue;
        const blank = document.createElement('div');
        blank.className = 'blank-page';
        blank.setAttribute('aria-hidden', 'true');
        part.before(blank);
        // In the model the blank is one whole column, as the cover is (enterSimulation).
        if (state) {
          blank.setAttribute('style', `break-before: column; break-after: column; height: ${height}px; overflow: hidden;`);
          state.breaks.push([blank, null]);
        }
        done.push(id);
      }
      return done;
    },
    before,
    height,
  );
  return inserted.length === before.length ? blanks : blanks.filter((_, i) => inserted.includes(before[i]!));
}

/**
 * A story before a forced break whose last page a tighter setting could not fill: balanced by a
 * forced break (`.balance-break`) before the last block of its second-last page that leaves
 * both pages at least `share` full, a heading kept with what follows it. `stories` are the
 * stories' ids with their last page and that page's bottom (pt), as the model has them. Returns
 * the ids balanced.
 */
export async function balanceEnds(page: Page, box: PageBox, stories: ReadonlyArray<{ id: string; page: number; bottom: number }>, share = 0.3): Promise<string[]> {
  const { width, height } = columnSize(box);
  return page.evaluate(
    (stories: Array<{ id: string; page: number; bottom: number }>, width: number, height: number, share: number, ptPerPx: number) => {
      const state = (window as unknown as SimulationWindow).__bantinSimulation;
      const origin = document.body.getBoundingClientRect();
      const column = (left: number) => Math.round((left - origin.left) / (2 * width));
      const done: string[] = [];
      for (const story of stories) {
        const root = document.getElementById(story.id);
        if (!root) continue;
        const lastBottom = story.bottom / ptPerPx;
        const before = story.page - 2; // the second-last page, 0-based
        // Whole items, body paragraphs and list items, TOC rows: never a QR code, caption or source line away from its item.
        const selector = '.news, .news-body > p, .news-body li, .summary-section, .summary-section-body > p, .summary-section-body li, .spotlight-body > p, .spotlight-body li, .toc-entry, .toc-part';
        const blocks = [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
          const previous = el.previousElementSibling;
          // A first child breaks with its parent; a block after a heading stays with it.
          return previous !== null && !/^H[1-6]$/.test(previous.tagName) && !previous.classList.contains('news-head') && !previous.classList.contains('spotlight-head');
        });
        const onPage = blocks
          .map((el) => ({ el, rect: el.getClientRects()[0] }))
          .filter((b): b is { el: HTMLElement; rect: DOMRect } => b.rect !== undefined && column(b.rect.left) === before)
          .map(({ el, rect }) => ({ el, top: rect.top - origin.top }));
        const used = Math.max(0, ...[...root.querySelectorAll('*')].flatMap((el) => [...el.getClientRects()]).filter((r) => column(r.left) === before).map((r) => r.bottom - origin.top));
        const fits = onPage.filter(({ top }) => top >= share * height && used - top + lastBottom >= share * height);
        const chosen = fits.sort((a, b) => b.top - a.top)[0];
        if (!chosen) continue;
        chosen.el.classList.add('balance-break');
        if (state) {
          const old = chosen.el.getAttribute('style');
          state.breaks.push([chosen.el, old]);
          chosen.el.setAttribute('style', `${old ?? ''};break-before: column;`);
        }
        done.push(story.id);
      }
      return done;
    },
    [...stories],
    width,
    height,
    share,
    PT_PER_PX,
  );
}
