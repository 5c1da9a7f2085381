/** QR codes as vector SVG, generated offline by the qrcode package. */
import QRCode from 'qrcode';
import type { Issue } from '../issue/model.js';

export type QrMap = Map<string, string>;

/** Every link of the issue that gets printed as a QR code. */
export function issueLinks(issue: Issue): string[] {
  const urls = new Set<string>();
  if (issue.series.website) urls.add(issue.series.website);
  for (const s of issue.series.social ?? []) urls.add(s.url);
  for (const a of issue.articles) {
    if (a.source) urls.add(a.source.url);
    if (a.podcast) urls.add(a.podcast.url);
    for (const b of a.blocks) if (b.type === 'box' && b.url) urls.add(b.url);
  }
  return [...urls];
}

/** The printed symbol (without its quiet zone) is at least this wide: small codes fail phone cameras. */
export const QR_SYMBOL_MM = 20.5;
const QUIET_ZONE = 4;

/** Sizes the SVG so the symbol itself is QR_SYMBOL_MM wide, whatever its version. */
function sized(svg: string): string {
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const total = ((QR_SYMBOL_MM * modules) / (modules - 2 * QUIET_ZONE)).toFixed(2);
  return svg.replace('<svg ', `<svg class="qr-code" role="img" style="width:${total}mm;height:${total}mm" `);
}

export async function makeQrCodes(urls: readonly string[]): Promise<QrMap> {
  const entries = await Promise.all(
    urls.map(async (url) => {
      // Medium error correction survives print smudges without making the code dense;
      // margin 4 is the quiet zone the QR standard asks for.
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: QUIET_ZONE, color: { dark: '#000000', light: '#ffffff' } });
      return [url, sized(svg)] as const;
    }),
  );
  return new Map(entries);
}
