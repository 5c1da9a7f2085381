/**
 * An earlier issue of the series (`bantin import --from`): its series is used as it is, its
 * parts' titles are part names the draft may use ("TIN QUẢNG NINH" for a part titled "Tin
 * Quảng Ninh"), the names its titles spell with capitals keep them, and its number and week
 * number this one when the draft does not say.
 */
import { UserError } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { readIssueText } from '../issue/source.js';
import { readIssueInput } from '../issue/markdown/index.js';
import { BUILT_IN_PARTS, partName, SUMMARY_PART, type KnownPart, type PartKind } from './draft.js';
import { namesIn } from './sentence-case.js';

export interface Previous {
  series: unknown;
  parts: KnownPart[];
  names: string[];
  issue: { number: string; start: string };
}

export async function previousIssue(file: string): Promise<Previous> {
  const read = readIssueInput(file, await readIssueText(file));
  const input = read.input;
  if (!input) throw new UserError(t('import.from-invalid', { file }), read.diagnostics.filter((d) => d.severity === 'error'));
  const parts: KnownPart[] = [];
  for (const part of input.parts) {
    if (part.kind === 'digest') continue;
    const name = part.kind === 'summary' ? SUMMARY_PART.name : partName(part.title);
    if (!parts.some((p) => p.name === name)) parts.push({ name, kind: part.kind as PartKind, title: part.title });
  }
  for (const known of BUILT_IN_PARTS) if (!parts.some((p) => p.name === known.name)) parts.push(known);
  const titles = input.parts.flatMap((p) => [p.title, ...('articles' in p ? p.articles.map((a) => a.title ?? '') : [])]);
  const week = input.issue.week ?? input.issue.period?.week;
  const start = week?.start ?? input.issue.period?.start ?? `${input.issue.period?.month ?? '2000-01'}-01`;
  return { series: input.series, parts, names: namesIn(titles), issue: { number: input.issue.number, start } };
}
