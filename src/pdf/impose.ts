/**
 * `--impose booklet`: the finished pages on sheets for a saddle-stitched booklet, two pages a
 * side, in printing order (A5 pages on A4 landscape, A4 on A3). The pages are padded to a
 * multiple of 4 with blank pages at the end; sheet side k holds pages (n − k, k + 1) or, on
 * the back, (k + 1, n − k), 0-based, so that folded and stacked the sheets read 1, 2, … n.
 * Pages are placed whole with pdf-lib's embedPage/drawPage: their text, page numbers and TOC
 * are the finished issue's, unchanged. A press file keeps the bleed on the spread's outer edges
 * and gets crop marks around the spread.
 */
import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib';
import type { PageGeometry, PageSize } from '../issue/page.js';
import { drawCropMarks, REGISTRATION, SLUG_MM } from './boxes.js';
import { pt, type Profile } from './profile.js';

/** The paper a booklet of these pages is printed on, landscape, in mm. */
const BOOKLET_SHEET: Record<PageSize, { width: number; height: number }> = {
  A5: { width: 297, height: 210 },
  A4: { width: 420, height: 297 },
};

/** Page indices (0-based, `null` for a blank) on each sheet side, in printing order: front, back, front, … */
export function bookletOrder(pageCount: number): Array<[number | null, number | null]> {
  const n = Math.ceil(pageCount / 4) * 4;
  const at = (i: number) => (i < pageCount ? i : null);
  const sides: Array<[number | null, number | null]> = [];
  for (let k = 0; k < n / 2; k++) sides.push(k % 2 === 0 ? [at(n - 1 - k), at(k)] : [at(k), at(n - 1 - k)]);
  return sides;
}

export interface Imposed {
  pdf: Uint8Array;
  /** Blank pages added at the end to reach a multiple of 4. */
  padded: number;
  sides: number;
}

/** The finished issue (`pdf`) imposed as a booklet; title, author and language carried over. */
export async function imposeBooklet(pdf: Uint8Array, options: { geometry: PageGeometry; profile: Profile }): Promise<Imposed> {
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = source.getPages();
  const press = options.profile === 'press';
  const trimW = pt(options.geometry.trim.width);
  const trimH = pt(options.geometry.trim.height);
  const bleed = press ? pt(options.geometry.bleed) : 0;
  const slug = press ? pt(SLUG_MM) : 0;
  // The paper: the booklet sheet, or for the press the spread with its bleed and slug.
  const paper = BOOKLET_SHEET[options.geometry.size];
  const sheetW = press ? 2 * trimW + 2 * (bleed + slug) : pt(paper.width);
  const sheetH = press ? trimH + 2 * (bleed + slug) : pt(paper.height);
  const spreadX = (sheetW - 2 * trimW) / 2;
  const spreadY = (sheetH - trimH) / 2;
  // Each page by its trim, plus the bleed on the three sides away from the fold.
  const embedded = new Map<string, PDFEmbeddedPage>();
  const embed = async (index: number, side: 'left' | 'right') => {
    const key = `${index}-${side}`;
    if (!embedded.has(key)) {
      const page = pages[index]!;
      const trim = page.getTrimBox();
      const box = {
        left: trim.x - (side === 'left' ? bleed : 0),
        bottom: trim.y - bleed,
        right: trim.x + trim.width + (side === 'right' ? bleed : 0),
        top: trim.y + trim.height + bleed,
      };
      embedded.set(key, await out.embedPage(page, box));
    }
    return embedded.get(key)!;
  };
  const order = bookletOrder(pages.length);
  for (const [left, right] of order) {
    const sheet = out.addPage([sheetW, sheetH]);
    if (left !== null) sheet.drawPage(await embed(left, 'left'), { x: spreadX - bleed, y: spreadY - bleed });
    if (right !== null) sheet.drawPage(await embed(right, 'right'), { x: spreadX + trimW, y: spreadY - bleed });
    if (press) {
      sheet.setTrimBox(spreadX, spreadY, 2 * trimW, trimH);
      sheet.setBleedBox(spreadX - bleed, spreadY - bleed, 2 * trimW + 2 * bleed, trimH + 2 * bleed);
      sheet.setArtBox(spreadX, spreadY, 2 * trimW, trimH);
      drawCropMarks(sheet, { left: spreadX, bottom: spreadY, right: spreadX + 2 * trimW, top: spreadY + trimH }, bleed, REGISTRATION);
    }
  }
  const title = source.getTitle();
  if (title) out.setTitle(title);
  const author = source.getAuthor();
  if (author) out.setAuthor(author);
  const producer = source.getProducer();
  if (producer) out.setProducer(producer);
  const creator = source.getCreator();
  if (creator) out.setCreator(creator);
  const created = source.getCreationDate();
  if (created) {
    out.setCreationDate(created);
    out.setModificationDate(created);
  }
  const bytes = await out.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  return { pdf: bytes, padded: order.length * 2 - pages.length, sides: order.length };
}
