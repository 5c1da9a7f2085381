/** Finding the issue to continue: the newest issue file of a folder. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isMarkdownFile, parseIssueFile } from '../../issue/markdown/read.js';
import { UserError } from '../../core/diagnostics.js';
import { MAX_ISSUE_BYTES, readRegular } from '../../core/read-file.js';
import { ISSUE_NUMBER } from './numbering.js';
import { t } from '../../core/i18n.js';

type Rank = [year: number, number: number, weekStart: string];

/** The newest issue file of a folder, by issue number and then week; undefined when there is none. */
export async function newestIssue(dir: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UserError(t('new.cannot-read-folder', { dir }));
  }
  let best: { file: string; rank: Rank } | undefined;
  for (const name of names.filter((n) => /\.(ya?ml|md)$/i.test(n))) {
    const file = path.join(dir, name);
    let data: { issue?: { number?: unknown; week?: { start?: unknown } } } | undefined;
    try {
      // Regular files only: a FIFO or device named *.yaml would block or never end.
      const text = (await readRegular(file, MAX_ISSUE_BYTES)).toString('utf8');
      // A Markdown issue's number and week are in its front matter (a README.md has none).
      data = (isMarkdownFile(file) ? parseIssueFile(file, text).source.doc.toJS() : parse(text)) as typeof data;
    } catch {
      continue;
    }
    const match = ISSUE_NUMBER.exec(String(data?.issue?.number ?? ''));
    if (!match) continue;
    const rank: Rank = [Number(match[2]), Number(match[1]), String(data?.issue?.week?.start ?? '')];
    if (!best || compareRank(rank, best.rank) > 0) best = { file, rank };
  }
  return best?.file;
}

const compareRank = (a: Rank, b: Rank) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
