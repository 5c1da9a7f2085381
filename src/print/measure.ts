/**
 * Preflight measured in the page before printing, with the viewport as wide as the page's
 * text block: text that runs outside it, content a box clips, and images that would print
 * below 150 dpi at their placed size.
 */
import type { Page } from 'puppeteer-core';
import { UserError } from '../core/diagnostics.js';
import { ISSUE_PREFIX } from '../render/urls.js';
import { t } from '../core/i18n.js';

export const MIN_DPI = 150;

export interface Measurement {
  /** Elements that stick out of the text block: the closest article or part id, and a text excerpt. */
  overflows: Array<{ id: string; text: string }>;
  /** Content hidden by a box too small for it (the cover's highlight list). */
  clipped: Array<{ id: string; text: string }>;
  /** Every placed bitmap image (not SVG), with its resolution at the placed size. */
  images: Array<{ src: string; dpi: number; widthMm: number }>;
  /** Images of the issue the page could not load or decode (they would print as a broken-image icon). */
  broken: string[];
}

/** The page could not decode some of the issue's images: the build stops (see build.ts). */
export class ImageDecodeError extends UserError {
  constructor(readonly sources: string[]) {
    super(t('print.cannot-decode', { files: sources.join(', ') }));
    this.name = 'ImageDecodeError';
  }
}

export const CSS_PX_PER_MM = 96 / 25.4;

/** `vector`: the issue's SVG images (a bitmap of one without a size of its own is not an error). */
export async function measureLayout(page: Page, vector: readonly string[] = []): Promise<Measurement> {
  return page.evaluate(async (issuePrefix: string, vector: string[]) => {
    // decode() settles once the image has loaded (a body swapped in watch mode may still be
    // loading) but trusts the header; a bitmap needs every pixel. One image at a time: memory.
    const broken: string[] = [];
    for (const img of document.images) {
      const src = img.src.startsWith(issuePrefix) ? decodeURIComponent(img.src.slice(issuePrefix.length)) : undefined;
      if (src === undefined || broken.includes(src)) continue;
      try {
        await img.decode();
        if (!vector.includes(src)) (await createImageBitmap(img)).close();
      } catch {
        broken.push(src);
      }
    }
    const limit = document.documentElement.clientWidth;
    const near = (el: Element) => el.closest('[id]')?.id ?? '';
    const excerpt = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const overflows: Array<{ id: string; text: string }> = [];
    for (const el of document.querySelectorAll('.toc *, .part *')) {
      const rect = el.getBoundingClientRect();
      const out = rect.width > 0 && (rect.right > limit + 0.5 || rect.left < -0.5);
      const parent = el.parentElement?.getBoundingClientRect();
      const parentOut = parent !== undefined && (parent.right > limit + 0.5 || parent.left < -0.5);
      if (out && !parentOut) overflows.push({ id: near(el), text: excerpt(el) });
    }
    const clipped: Array<{ id: string; text: string }> = [];
    for (const box of document.querySelectorAll('.cover-highlights, .cover')) {
      const bottom = box.getBoundingClientRect().bottom;
      for (const item of box.querySelectorAll('.cover-highlight, .cover-links')) {
        if (item.getBoundingClientRect().bottom > bottom + 0.5) clipped.push({ id: item.querySelector('a')?.getAttribute('href')?.slice(1) ?? '', text: excerpt(item) });
      }
    }
    // A vector image (SVG) prints sharp at any size: only bitmaps have a resolution.
    const images = [...document.images]
      .filter((img) => img.src.startsWith(issuePrefix) && img.getBoundingClientRect().width > 0 && !vector.includes(decodeURIComponent(img.src.slice(issuePrefix.length))))
      .map((img) => {
        const width = img.getBoundingClientRect().width;
        return { src: decodeURIComponent(img.src.slice(issuePrefix.length)), dpi: Math.round(img.naturalWidth / (width / 96)), widthMm: Math.round((width / 96) * 25.4) };
      });
    return { overflows, clipped: [...new Map(clipped.map((c) => [c.text, c])).values()], images, broken };
  }, ISSUE_PREFIX, [...vector]);
}

