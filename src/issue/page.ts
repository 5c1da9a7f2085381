/**
 * Page geometry: paper size, margins, and the bleed a press profile adds around the trim.
 * Every template and style takes its numbers from here (no A4 numbers in the CSS).
 */
export type PageSize = 'A4' | 'A5';
/** Where a part starts in two-sided printing: on the next page, or on the next right-hand (odd) one. */
export type PartStart = 'any' | 'right';

/**
 * Two-sided printing moves this much of the outside margin to the inside (the binding) when the
 * two are equal: the text block keeps its width, so the pages break as they do single-sided.
 */
export const BINDING_SHIFT_MM: Record<PageSize, number> = { A4: 4, A5: 3 };

export const PAPER: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
};

const DEFAULT_MARGINS: Record<PageSize, Margins> = {
  A4: { top: 17, bottom: 19, inside: 16, outside: 16 },
  A5: { top: 13, bottom: 15, inside: 12, outside: 12 },
};

export interface Margins {
  top: number;
  bottom: number;
  inside: number;
  outside: number;
}

export interface PageGeometry {
  size: PageSize;
  /** The finished page, in mm. */
  trim: { width: number; height: number };
  /** Printed beyond the trim on every side (press profile), in mm. */
  bleed: number;
  /** The sheet Chromium prints: trim + 2 × bleed (+ a rounding allowance, see below). */
  sheet: { width: number; height: number };
  /** From the sheet's edge to the trim, in mm: the bleed and the allowance, or 0. */
  edge: number;
  /** Margins of the trimmed page (the bleed comes on top). */
  margins: Margins;
  /** Type scale relative to A4, so an A5 issue keeps its proportions. */
  scale: number;
  /** Two-sided: left-hand pages mirror the margins, page numbers sit on the outside edge. */
  duplex: boolean;
  /** With duplex: every part starts on a right-hand page. */
  partStart: PartStart;
}

/**
 * Chromium rounds the sheet to its own units (an A4 page prints 594.96 pt wide, not 595.28):
 * with a bleed, the sheet is asked 0.2 mm larger on every side so the exact bleed box that
 * the PDF declares is always printed.
 */
const SHEET_ALLOWANCE_MM = 0.2;

/** The text block of the trimmed page (the trim less the margins), in mm. */
export function textBlock(geometry: PageGeometry): { width: number; height: number } {
  const { trim, margins } = geometry;
  return { width: trim.width - margins.inside - margins.outside, height: trim.height - margins.top - margins.bottom };
}

export function pageGeometry(size: PageSize, margins: Partial<Margins> = {}, bleed = 0, sides: { duplex?: boolean; partStart?: PartStart } = {}): PageGeometry {
  const trim = PAPER[size];
  const duplex = sides.duplex ?? false;
  const set = { ...DEFAULT_MARGINS[size], ...margins };
  const shift = duplex && set.inside === set.outside ? BINDING_SHIFT_MM[size] : 0;
  const extra = bleed > 0 ? 2 * (bleed + SHEET_ALLOWANCE_MM) : 0;
  return {
    size,
    trim,
    bleed,
    sheet: { width: trim.width + extra, height: trim.height + extra },
    edge: extra / 2,
    margins: { ...set, inside: set.inside + shift, outside: set.outside - shift },
    scale: trim.width / PAPER.A4.width,
    duplex,
    partStart: duplex ? (sides.partStart ?? 'any') : 'any',
  };
}
