/**
 * How much of the cover's index the theme prints on a paper size. A theme that sets
 * limits.coverIndex counts lines: a highlight is one, a group's label one (a part's range beside
 * it included). The count is the theme's measure of the room under the masthead, set for titles
 * of up to two lines in the compact index (themes/haiphong/styles/haiphong.css); the print's
 * measurement (print/measure.ts) still warns when a longer title is clipped. On the theme's own
 * paper size an index too long is an error at the first highlight that does not fit; on the other
 * size (an A5 print of an A4 issue) the rest are left out with a warning: the TOC lists them all.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { t as say } from '../core/i18n.js';
import type { Issue } from '../issue/model.js';
import type { PageSize } from '../issue/page.js';
import { diagnosticAt, type IssueSource } from '../issue/source.js';
import type { Highlight, HighlightGroup } from '../issue/types.js';
import type { Theme } from './theme.js';

export function fitCoverIndex(issue: Issue, theme: Theme, size: PageSize, source?: IssueSource): { issue: Issue; diagnostics: Diagnostic[] } {
  const { highlights, groups } = issue.cover;
  const lines = theme.limits.coverIndex[size];
  if (lines === undefined) {
    // No line count for this size: at most `highlights` entries, an error at the first one too many.
    const limit = theme.limits.highlights;
    const first = highlights[limit];
    if (!source || !first) return { issue, diagnostics: [] };
    const message = say('theme.too-many-highlights', { name: theme.name, limit, extra: highlights.length - limit });
    return { issue, diagnostics: [diagnosticAt(source, first.path, message, { code: 'theme-limit' })] };
  }
  const kept = keepLines(groups, lines);
  const fit = kept.flatMap((g) => [...(g.part ? [g.part] : []), ...g.items]);
  const first = highlights[fit.length];
  if (!first) return { issue, diagnostics: [] };
  const values = { size, fit: fit.length, count: highlights.length, extra: highlights.length - fit.length, lines };
  if (size === theme.page.size) {
    const diagnostics = source ? [diagnosticAt(source, first.path, say('theme.cover-overflow', values), { code: 'cover-overflow' })] : [];
    return { issue, diagnostics };
  }
  const diagnostics = source ? [diagnosticAt(source, first.path, say('theme.cover-index-shortened', values), { code: 'cover-overflow', severity: 'warning' })] : [];
  return { issue: { ...issue, cover: { ...issue.cover, highlights: fit, groups: kept } }, diagnostics };
}

/** The groups as far as `lines` go: a label with none of its items under it is left out too. */
function keepLines(groups: HighlightGroup[], lines: number): HighlightGroup[] {
  const kept: HighlightGroup[] = [];
  let left = lines;
  for (const group of groups) {
    const head = group.label !== undefined ? 1 : 0;
    // A part's range beside the label is worth printing alone; a bare label is not.
    const room = left - head;
    if (room < (group.part ? 0 : 1)) break;
    const items: Highlight[] = group.items.slice(0, room);
    kept.push({ ...group, items });
    left = room - items.length;
    if (items.length < group.items.length) break;
  }
  return kept;
}
