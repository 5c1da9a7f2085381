/** QR codes as vector SVG, generated offline by the qrcode package. */
import QRCode from 'qrcode';
import type { Issue } from '../issue/model.js';
import { t } from '../core/i18n.js';

export type QrMap = Map<string, string>;

/** Every link of the issue that gets printed as a QR code. */
export function issueLinks(issue: Issue): string[] {
  const urls = new Set<string>();
  if (issue.series.website) urls.add(issue.series.website);
  for (const s of issue.series.social ?? []) urls.add(s.url);
  for (const a of issue.articles) {
    if (a.source?.url) urls.add(a.source.url);
    if (a.podcast) urls.add(a.podcast.url);
    for (const b of a.blocks) if (b.type === 'box' && b.url) urls.add(b.url);
  }
  return [...urls];
}

/** The printed symbol (without its quiet zone) is at least this wide: small codes fail phone cameras. */
export const QR_SYMBOL_MM = 20.5;
const QUIET_ZONE = 4;

/**
 * A link's code as an <svg> element whose symbol is QR_SYMBOL_MM wide whatever its version:
 * qrcode's own SVG drawing (made once per link), sized from its viewBox.
 */
async function qrSvg(url: string): Promise<string> {
  let svg: string;
  try {
    // Medium error correction survives print smudges without making the code dense; margin 4 is
    // the quiet zone the QR standard asks for.
    svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: QUIET_ZONE, color: { dark: '#000000', light: '#ffffff' } });
  } catch {
    throw new Error(t('render.qr.too-long', { url }));
  }
  const whole = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
  const total = ((QR_SYMBOL_MM * whole) / (whole - 2 * QUIET_ZONE)).toFixed(2);
  const drawing = svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>'));
  return `<svg class="qr-code" role="img" style="width:${total}mm;height:${total}mm" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${whole} ${whole}" shape-rendering="crispEdges">${drawing}</svg>`;
}

/** Every URL's code, as an <svg> element. */
export async function makeQrCodes(urls: readonly string[]): Promise<QrMap> {
  return new Map(await Promise.all(urls.map(async (url) => [url, await qrSvg(url)] as const)));
}
