/**
 * The web edition of a build (--format web): images shrunk by Chromium, the page rendered
 * (src/web/), and its sharing picture (og:image) taken from the page's top once, in the same
 * browser, with every request refused. Returns the files to write; build.ts writes them with the
 * PDF, all or none.
 */
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Logger } from '../core/logger.js';
import { downsampler } from '../print/downsample.js';
import { mimeOf, renderWebHtml, type WebImage } from '../web/render.js';
import type { Prepared } from './build.js';
import { t } from '../core/i18n.js';

/** The sharing picture: the size link previews show best (1.91:1). */
export const SHARE_IMAGE = { width: 1200, height: 630 };

export interface WebFiles {
  html: string;
  image: Uint8Array;
  /** Sizes in bytes: the whole file, and what its fonts and images take. */
  bytes: number;
  fontBytes: number;
  imageBytes: number;
}

/** The page's images, each raster one wider than the print's screen limit scaled down by Chromium. */
async function shrunkImages(browser: Browser, prepared: Prepared): Promise<Map<string, WebImage>> {
  const images = new Map<string, WebImage>();
  if (prepared.assets.size === 0) return images;
  const shrink = downsampler(browser);
  try {
    for (const [src, asset] of prepared.assets) {
      if (!asset.bytes) continue;
      const { bytes, type } = await shrink.filter(Buffer.from(asset.bytes), mimeOf(asset.file));
      images.set(src, { bytes, type, width: asset.width, height: asset.height });
    }
  } finally {
    await shrink.close();
  }
  return images;
}

/** A picture of the page's top, as a link preview shows it; nothing but data: URIs may load. */
async function sharePicture(browser: Browser, html: string): Promise<Uint8Array> {
  const page: Page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')));
    await page.setViewport({ ...SHARE_IMAGE, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    // web.css draws the masthead alone, filling the frame, under this class.
    await page.setContent(html.replace('<html ', '<html class="share-picture" '), { waitUntil: 'load' });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...SHARE_IMAGE } });
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function makeWebEdition(target: Browser | Page, prepared: Prepared, logger: Logger): Promise<WebFiles> {
  const web = prepared.web!;
  logger.progress(t('commands.build.web'));
  const browser = 'newPage' in target ? target : target.browser();
  const images = await shrunkImages(browser, prepared);
  const page = await renderWebHtml({
    issue: prepared.issue,
    theme: prepared.theme,
    assets: prepared.assets,
    images,
    pdfHref: prepared.pdf ? relativeLink(web.output, prepared.output) : undefined,
    shareImage: { url: relativeLink(web.output, web.image), ...SHARE_IMAGE },
  });
  const image = await sharePicture(browser, page.html);
  return { html: page.html, image, bytes: Buffer.byteLength(page.html), fontBytes: page.fontBytes, imageBytes: page.imageBytes };
}

/** `to` as a link from the page at `from`: relative, with / and each segment escaped. */
export function relativeLink(from: string, to: string): string {
  return path.relative(path.dirname(from), to).split(path.sep).map(encodeURIComponent).join('/');
}
