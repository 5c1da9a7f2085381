/**
 * The articles an issue links already: this issue's and the previous issue's (the file of the
 * same folder whose week starts last before this one's, as date-order finds it), so that a link
 * pasted twice, or kept from last week's list, is skipped with a note rather than printed twice.
 */
import path from 'node:path';
import { t } from '../../core/i18n.js';
import { urlIdentity } from '../../issue/lint/duplicates.js';
import { previousIssueFile, readPreviousIssue } from '../../issue/lint/previous-issue.js';
import type { IssueInput } from '../../issue/schema.js';
import { withoutTracking } from './clean-url.js';
import type { KnownSource } from './outlet.js';

interface IssueLinks {
  /** Every item's source, for the outlet's name. */
  sources: KnownSource[];
  /** Article identity (duplicates.ts) → where: "parts[1].articles[3]". */
  where: Map<string, string>;
}

export interface Seen {
  current: IssueLinks;
  previous?: IssueLinks & { file: string };
  identity(url: string): string | undefined;
  /** Why a link is skipped, or undefined. */
  skipReason(url: string): string | undefined;
}

type Data = { parts?: Array<{ articles?: Array<{ source?: { name?: unknown; url?: unknown } }> }> };

function linksOf(data: unknown): IssueLinks {
  const sources: KnownSource[] = [];
  const where = new Map<string, string>();
  const parts = (data as Data | undefined)?.parts;
  (Array.isArray(parts) ? parts : []).forEach((part, p) => {
    (Array.isArray(part?.articles) ? part.articles : []).forEach((article, i) => {
      const { name, url } = article?.source ?? {};
      if (typeof name !== 'string') return;
      sources.push({ name, url: typeof url === 'string' ? url : undefined });
      const id = typeof url === 'string' ? identity(url) : undefined;
      if (id && !where.has(id)) where.set(id, `parts[${p}].articles[${i}]`);
    });
  });
  return { sources, where };
}

const identity = (url: string) => urlIdentity(withoutTracking(url));

/** The links of this issue and of the previous one (with their outlets' names), and why a new link would be a repeat. */
export async function seenLinks(file: string, input: IssueInput, weekStart: string): Promise<Seen> {
  const current = linksOf(input);
  let previous: Seen['previous'];
  try {
    const previousFile = await previousIssueFile(file, weekStart);
    if (previousFile) previous = { file: previousFile, ...linksOf(await readPreviousIssue(previousFile)) };
  } catch {
    // A previous issue that does not read says nothing about this week's links.
  }
  return {
    current,
    previous,
    identity,
    skipReason(url) {
      const id = identity(url);
      if (!id) return undefined;
      const here = current.where.get(id);
      if (here) return t('add.skip.in-issue', { where: here });
      const before = previous?.where.get(id);
      if (before) return t('add.skip.in-previous', { file: path.basename(previous!.file), where: before });
      return undefined;
    },
  };
}
