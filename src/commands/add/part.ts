/** `--part 2`, `--part "Tin trong nước"` or `--part tin-trong-nuoc` → the part's index; without it, the only part that holds items. */
import { UsageError } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { fold } from '../../issue/markdown/attributes.js';
import type { IssueInput } from '../../issue/schema.js';

const listed = (input: IssueInput) => input.parts.map((p, i) => `${i + 1}. ${p.title}${p.kind === 'summary' ? ` (${t('add.part.summary')})` : ''}`).join('; ');

export function choosePart(input: IssueInput, wanted: string | undefined): number {
  const takers = input.parts.flatMap((p, i) => (p.kind === 'summary' ? [] : [i]));
  if (wanted === undefined) {
    if (takers.length === 1) return takers[0]!;
    throw new UsageError(t(takers.length ? 'add.part.which' : 'add.part.none', { parts: listed(input) }));
  }
  const given = wanted.trim();
  let index = /^\d+$/.test(given) ? Number(given) - 1 : input.parts.findIndex((p) => fold(p.title) === fold(given) || p.id === given);
  if (index < 0) {
    // A part named by the start of its title, when only one starts so ("Tin trong").
    const starts = input.parts.flatMap((p, i) => (fold(p.title).startsWith(fold(given)) ? [i] : []));
    if (starts.length === 1) index = starts[0]!;
  }
  const part = input.parts[index];
  if (!part) throw new UsageError(t('add.part.unknown', { part: wanted, parts: listed(input) }));
  if (part.kind === 'summary') throw new UsageError(t('add.part.is-summary', { part: `${index + 1}. ${part.title}`, parts: listed(input) }));
  return index;
}
