/**
 * Page boxes and crop marks. Chromium writes only a MediaBox (the sheet it printed); a press
 * PDF also needs a TrimBox (the finished page), a BleedBox (trim + bleed) and crop marks in a
 * slug outside the bleed, so the MediaBox grows around the printed sheet.
 */
import { beginMarkedContent, cmyk, endMarkedContent, grayscale, type Color, type PDFDocument } from 'pdf-lib';
import type { PageGeometry } from '../issue/page.js';
import { pt, type Profile } from './profile.js';

/** Room outside the bleed for the crop marks. */
export const SLUG_MM = 10;
/** Crop marks start this far outside the bleed edge, so they never print into the bleed. */
const MARK_GAP_MM = 1;
const MARK_WIDTH_PT = 0.25;
/** Registration colour: crop marks appear on every separation. */
export const REGISTRATION = cmyk(1, 1, 1, 1);
/** PDF/A with an sRGB output intent allows no DeviceCMYK: black, which every separation has too. */
const ARCHIVAL_MARKS = grayscale(0);

export function applyPageBoxes(doc: PDFDocument, profile: Profile, geometry: PageGeometry, options: { pdfa?: boolean } = {}): void {
  if (profile === 'screen') return;
  for (const page of doc.getPages()) {
    const { width, height } = page.getMediaBox();
    if (profile === 'print') {
      page.setTrimBox(0, 0, width, height);
      page.setBleedBox(0, 0, width, height);
      continue;
    }
    // The exact trim, centred on the sheet Chromium printed (which is a little larger).
    const trimW = pt(geometry.trim.width);
    const trimH = pt(geometry.trim.height);
    const b = pt(geometry.bleed);
    const x = (width - trimW) / 2;
    const y = (height - trimH) / 2;
    const slug = pt(SLUG_MM);
    page.setTrimBox(x, y, trimW, trimH);
    // Without one, readers take the ArtBox to be the CropBox: the slug, crop marks included.
    page.setArtBox(x, y, trimW, trimH);
    page.setBleedBox(x - b, y - b, trimW + 2 * b, trimH + 2 * b);
    page.setMediaBox(x - b - slug, y - b - slug, trimW + 2 * (b + slug), trimH + 2 * (b + slug));
    page.setCropBox(x - b - slug, y - b - slug, trimW + 2 * (b + slug), trimH + 2 * (b + slug));
    drawCropMarks(page, { left: x, bottom: y, right: x + trimW, top: y + trimH }, b, options.pdfa ? ARCHIVAL_MARKS : REGISTRATION);
  }
}

export type Page = ReturnType<PDFDocument['getPages']>[number];

/** Eight marks on the trim lines, from just outside the bleed into the slug; an artifact for a tagged PDF's readers. */
export function drawCropMarks(page: Page, trim: { left: number; bottom: number; right: number; top: number }, bleed: number, color: Color): void {
  const start = bleed + pt(MARK_GAP_MM);
  const end = bleed + pt(SLUG_MM - 1);
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: MARK_WIDTH_PT, color });
  page.pushOperators(beginMarkedContent('Artifact'));
  for (const y of [trim.bottom, trim.top]) {
    line(trim.left - start, y, trim.left - end, y);
    line(trim.right + start, y, trim.right + end, y);
  }
  for (const x of [trim.left, trim.right]) {
    line(x, trim.bottom - start, x, trim.bottom - end);
    line(x, trim.top + start, x, trim.top + end);
  }
  page.pushOperators(endMarkedContent());
}
