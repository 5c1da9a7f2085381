/**
 * Short tails: a story that leaves a line or two alone on a page.
 * - In a news list, an item that leaves one or two lines at the top of the page where the next
 *   item starts (shortTails).
 * - At a forced break (the end of a part, of a spotlight story), a story whose last page holds
 *   only a few lines (shortEnds).
 * Both are set a little tighter (pdf/paginate.ts) to pull the lines back.
 */
import type { DestinationMap } from '../pdf/destinations.js';

/** The lines an article may leave alone at the top of the next page before it is pulled back. */
const TAIL_LINES_PT = 2 * 9.8 * 1.5 + 12;

/**
 * How much a tighter setting gains: leading 1.5 → 1.42 and smaller paragraph gaps take back a
 * little over 5 % of a story's height; a tail longer than that stays where it is.
 */
const PULL_BACK_GAIN = 0.05;

export interface Flow {
  /** News items in reading order, one list per part. */
  sequences: string[][];
  /**
   * Boxes followed by a forced break: `measure` ends the run, `tighten` is the story to set
   * tighter. `numbered`: its lines end in page numbers (the TOC), whose widths the simulation
   * only guesses (two digits): in an issue of 100 pages or more it is not balanced.
   */
  ends?: Array<{ measure: string; tighten: string; numbered?: boolean }>;
}

/**
 * Articles whose end spills one or two lines onto the page where the next article starts.
 * Chromium measures a destination's top from the top of the page's content area, so the
 * next article's top is the height of what came before it on its page.
 */
export function shortTails(destinations: DestinationMap, flow: Flow): string[] {
  const ids: string[] = [];
  for (const sequence of flow.sequences) {
    for (let i = 0; i + 1 < sequence.length; i++) {
      const here = destinations.get(sequence[i]!);
      const next = destinations.get(sequence[i + 1]!);
      if (!here || !next || next.page !== here.page + 1) continue;
      if (next.top > 4 && next.top <= TAIL_LINES_PT) ids.push(sequence[i]!);
    }
  }
  return ids;
}

/**
 * Stories before a forced break whose last page holds less than a quarter of a page, little
 * enough for a tighter setting to pull it back onto the page before.
 */
export function shortEnds(
  model: { destinations: DestinationMap; ends: Map<string, { page: number; bottom: number }> },
  flow: Flow,
  pageHeightPt: number,
): string[] {
  const ids: string[] = [];
  for (const { measure, tighten } of flow.ends ?? []) {
    const start = model.destinations.get(tighten);
    const end = model.ends.get(measure);
    if (!start || !end || end.page <= start.page || end.bottom >= pageHeightPt / 4) continue;
    const height = (end.page - start.page) * pageHeightPt - start.top + end.bottom;
    if (end.bottom <= PULL_BACK_GAIN * height) ids.push(tighten);
  }
  return ids;
}
