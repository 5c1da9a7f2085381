/**
 * Page numbers read from a print (named destinations) and written into the page's slots.
 */
import type { Page } from 'puppeteer-core';
import type { DestinationMap } from '../pdf/destinations.js';
import { t } from '../core/i18n.js';

export class LayoutError extends Error {}

export function pageNumbers(destinations: DestinationMap, targets: ReadonlySet<string>): Map<string, number> {
  const pages = new Map<string, number>();
  const missing: string[] = [];
  for (const id of targets) {
    const dest = destinations.get(id);
    if (dest) pages.set(id, dest.page);
    else missing.push(id);
  }
  if (missing.length) throw new LayoutError(t('print.no-destination', { ids: missing.slice(0, 5).join(', ') }));
  return pages;
}

export function sameTargets(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, page] of a) if (b.get(id) !== page) return false;
  return true;
}

/** Writes the numbers in; true when the slots had to grow (which can move text). */
export async function fillPageNumbers(page: Page, pages: Map<string, number>, digits: number): Promise<boolean> {
  return page.evaluate(
    (entries: Array<[string, number]>, width: number) => {
      const numbers = new Map(entries);
      const current = Number(getComputedStyle(document.documentElement).getPropertyValue('--pageref-digits'));
      const wider = width > current;
      if (wider) document.documentElement.style.setProperty('--pageref-digits', String(width));
      for (const slot of document.querySelectorAll<HTMLElement>('[data-pageref]')) {
        const n = numbers.get(slot.dataset.pageref ?? '');
        if (n !== undefined) slot.textContent = String(n);
      }
      // A part on one page: "Trang 5", not "Trang 5–5".
      for (const range of document.querySelectorAll<HTMLElement>('.pagerange')) {
        const [from, to] = [...range.querySelectorAll('[data-pageref]')].map((s) => s.textContent);
        range.classList.toggle('is-one-page', from !== undefined && from === to);
      }
      return wider;
    },
    [...pages],
    digits,
  );
}
