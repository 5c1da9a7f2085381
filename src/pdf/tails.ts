/**
 * Short tails: a news item that leaves one or two lines at the top of the next page.
 */
import type { DestinationMap } from './destinations.js';

/** The lines an article may leave alone at the top of the next page before it is pulled back. */
const TAIL_LINES_PT = 2 * 9.8 * 1.5 + 12;

/**
 * Articles whose end spills one or two lines onto the page where the next article starts.
 * Chromium measures a destination's top from the top of the page's content area, so the
 * next article's top is the height of what came before it on its page.
 */
export function shortTails(destinations: DestinationMap, flow: { sequences: string[][] }): string[] {
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
