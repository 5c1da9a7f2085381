/**
 * The cover's visual index: highlights by id (an article prints its page, a part its page
 * range), with short labels, under group labels of their own.
 */
import type { PathSegment } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import type { Article, Highlight, HighlightGroup, Part } from './types.js';
import type { HighlightInput } from './schema.js';

/** A part's end marker: "--" never occurs in a written or derived id, so it cannot clash. */
export const partEndId = (partId: string): string => `${partId}--end`;

type Report = (path: PathSegment[], message: string, code: string) => void;
type Ref = Exclude<HighlightInput, { group: string }>;

export function coverIndex(entries: HighlightInput[], articles: Article[], parts: Part[], error: Report): { groups: HighlightGroup[]; highlights: Highlight[] } {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const partById = new Map(parts.map((p) => [p.id, p]));
  const highlights: Highlight[] = [];
  const resolve = (ref: Ref, path: PathSegment[]): Highlight | undefined => {
    const id = typeof ref === 'string' ? ref : ref.ref;
    const label = typeof ref === 'string' ? undefined : ref.label;
    const idPath = typeof ref === 'string' ? path : [...path, 'ref'];
    const article = byId.get(id);
    const part = partById.get(id);
    let item: Highlight | undefined;
    if (article) item = { id, title: label ?? article.title, kind: 'article', path };
    else if (part) {
      part.endId = partEndId(part.id);
      item = { id, title: label ?? part.title, kind: 'part', endId: part.endId, path };
    } else error(idPath, unknownId(id, [...byId.keys(), ...partById.keys()]), 'unknown-id');
    if (item) highlights.push(item);
    return item;
  };
  const groups: HighlightGroup[] = [];
  entries.forEach((entry, i) => {
    const path: PathSegment[] = ['cover', 'highlights', i];
    if (typeof entry === 'object' && 'group' in entry) {
      const items = entry.items.map((ref, j) => resolve(ref, [...path, 'items', j])).filter((h) => h !== undefined);
      // "Chỉ đạo của TW, Thành phố" as the label and again as the part's entry under it: once, with the range.
      const first = items[0];
      if (first?.kind === 'part' && sameWords(first.title, entry.group)) groups.push({ label: entry.group, part: first, items: items.slice(1) });
      else groups.push({ label: entry.group, items });
      return;
    }
    const item = resolve(entry, path);
    if (!item) return;
    const last = groups.at(-1);
    if (last && last.label === undefined) last.items.push(item);
    else groups.push({ items: [item] });
  });
  return { groups, highlights };
}

const sameWords = (a: string, b: string) => a.normalize('NFC').trim().toLocaleLowerCase('vi') === b.normalize('NFC').trim().toLocaleLowerCase('vi');

function unknownId(id: string, ids: string[]): string {
  const near = ids.find((candidate) => candidate.startsWith(id.slice(0, 12)) || id.startsWith(candidate.slice(0, 12)));
  return near ? t('issue.cover.unknown-id-near', { id, near }) : t('issue.cover.unknown-id', { id });
}
