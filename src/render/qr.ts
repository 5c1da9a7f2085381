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
 * A code's plan: its version, so its size is known before the page is laid out. The SVG is
 * drawn while Chromium loads the page (makeQrContents).
 */
export interface QrPlan {
  url: string;
  version: number;
}

export function planQr(url: string): QrPlan {
  let code: QRCode.QRCode;
  try {
    // Medium error correction survives print smudges without making the code dense.
    code = QRCode.create(url, { errorCorrectionLevel: 'M' });
  } catch {
    throw new Error(t('render.qr.too-long', { url }));
  }
  return { url, version: code.version };
}

/**
 * The code's <svg> element, empty: `data-qr` numbers it for fillQr(). Its size is set here,
 * so the symbol itself is QR_SYMBOL_MM wide whatever its version.
 */
export function qrPlaceholder(plan: QrPlan, index: number): string {
  const size = plan.version * 4 + 17 + 2 * QUIET_ZONE;
  const total = ((QR_SYMBOL_MM * size) / (size - 2 * QUIET_ZONE)).toFixed(2);
  return `<svg class="qr-code" role="img" style="width:${total}mm;height:${total}mm" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" data-qr="${index}"></svg>`;
}

/** The inside of each planned code's <svg>, in plan order; yields between codes. */
export async function makeQrContents(plans: readonly QrPlan[]): Promise<string[]> {
  const contents: string[] = [];
  for (const plan of plans) {
    await new Promise((resolve) => setImmediate(resolve));
    // Margin 4 is the quiet zone the QR standard asks for.
    const svg = await QRCode.toString(plan.url, { type: 'svg', errorCorrectionLevel: 'M', margin: QUIET_ZONE, color: { dark: '#000000', light: '#ffffff' } });
    contents.push(svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>')));
  }
  return contents;
}

/** Puts the made codes into their placeholders. */
export function fillQr(html: string, contents: readonly string[]): string {
  return html.replace(/( data-qr="(\d+)">)(<\/svg>)/g, (_m, open: string, index: string, close: string) => `${open}${contents[Number(index)] ?? ''}${close}`);
}

/** Every URL's complete code, as an <svg> element (tests; the renderer uses the steps above). */
export async function makeQrCodes(urls: readonly string[]): Promise<QrMap> {
  const plans = urls.map(planQr);
  const contents = await makeQrContents(plans);
  return new Map(plans.map((plan, i) => [plan.url, fillQr(qrPlaceholder(plan, i), contents)]));
}
