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

/** A link's code: its version and its modules, dark (1) or light (0), row by row, `size` to a row. */
export interface QrCode {
  url: string;
  version: number;
  modules: Uint8Array;
  size: number;
}

export function makeQr(url: string): QrCode {
  let code: QRCode.QRCode;
  try {
    // Medium error correction survives print smudges without making the code dense.
    code = QRCode.create(url, { errorCorrectionLevel: 'M' });
  } catch {
    throw new Error(t('render.qr.too-long', { url }));
  }
  return { url, version: code.version, modules: code.modules.data, size: code.modules.size };
}

/**
 * The code as an <svg> element whose symbol is QR_SYMBOL_MM wide whatever its version: a white
 * square with the quiet zone, and each row's runs of dark modules as one stroked path (a line
 * one module thick through the middle of the row), as the qrcode package's own SVG renderer
 * draws it (tests/unit/qr.test.ts compares the two).
 */
export function qrSvg(code: QrCode): string {
  const { modules, size } = code;
  const whole = size + 2 * QUIET_ZONE;
  const total = ((QR_SYMBOL_MM * whole) / size).toFixed(2);
  let d = '';
  for (let row = 0; row < size; row++) {
    let gap = 0; // light modules since the row's last run
    let first = true;
    for (let col = 0; col < size; ) {
      if (!modules[row * size + col]) {
        gap++;
        col++;
        continue;
      }
      const from = col;
      while (col < size && modules[row * size + col]) col++;
      d += `${first ? `M${from + QUIET_ZONE} ${row + QUIET_ZONE + 0.5}` : `m${gap} 0`}h${col - from}`;
      first = false;
      gap = 0;
    }
  }
  return (
    `<svg class="qr-code" role="img" style="width:${total}mm;height:${total}mm" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${whole} ${whole}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${whole}v${whole}H0z"/><path stroke="#000000" d="${d}"/></svg>`
  );
}

/** Every URL's code, as an <svg> element. */
export function makeQrCodes(urls: readonly string[]): QrMap {
  return new Map(urls.map((url) => [url, qrSvg(makeQr(url))]));
}
