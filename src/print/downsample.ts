/**
 * The screen profile's small file: images wider than MAX_WIDTH_PX are scaled down and
 * re-encoded by Chromium itself (decode, canvas, encode) on a blank page of the same browser,
 * so bantin needs no native image library. JPEG for photos, PNG where transparency matters.
 */
import type { Browser, Page } from 'puppeteer-core';

/** About 170 dpi across a full A4 text block: sharp on any screen. */
export const MAX_WIDTH_PX = 1200;

export type ImageFilter = (bytes: Buffer, type: string) => Promise<{ bytes: Buffer; type: string }>;

export function downsampler(browser: Browser): { filter: ImageFilter; close: () => Promise<void> } {
  let page: Promise<Page> | undefined;
  const filter: ImageFilter = async (bytes, type) => {
    if (type === 'image/svg+xml' || type === 'image/gif') return { bytes, type };
    page ??= browser.newPage();
    const out = await (await page).evaluate(
      async (base64: string, mime: string, maxWidth: number) => {
        const blob = await (await fetch(`data:${mime};base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        if (bitmap.width <= maxWidth) return undefined;
        const width = maxWidth;
        const height = Math.round((bitmap.height * maxWidth) / bitmap.width);
        const canvas = new OffscreenCanvas(width, height);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
        const as = mime === 'image/png' ? 'image/png' : 'image/jpeg';
        const encoded = await canvas.convertToBlob({ type: as, quality: 0.82 });
        const data = new Uint8Array(await encoded.arrayBuffer());
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { base64: btoa(binary), type: as };
      },
      bytes.toString('base64'),
      type,
      MAX_WIDTH_PX,
    );
    return out ? { bytes: Buffer.from(out.base64, 'base64'), type: out.type } : { bytes, type };
  };
  return { filter, close: async () => void (await (await page)?.close().catch(() => undefined)) };
}
