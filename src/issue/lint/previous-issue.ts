/**
 * The direction the previous issue of the series ran its items in, for date-order: the issue
 * file in the same folder whose week starts last before this one's. Only that file is parsed;
 * the others are only searched for their week's start.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isMarkdownFile, parseIssueFile } from '../markdown/read.js';
import type { Issue } from '../model.js';
import { MAX_ISSUE_BYTES, readRegular } from '../../core/read-file.js';
import { dateOrderOf, type DateOrder } from './date-order.js';

const WEEK_START = /^\s+start:\s*["']?(\d{4}-\d{2}-\d{2})/m;

export async function previousDateOrder(file: string, issue: Issue): Promise<DateOrder | undefined> {
  try {
    const previous = await previousIssueFile(file, issue.week.start.iso);
    if (!previous) return undefined;
    const data = (await readPreviousIssue(previous)) as { parts?: Array<{ articles?: Array<{ date?: unknown }> }> } | undefined;
    const parts = (data?.parts ?? []).map((p) => (p.articles ?? []).map((a) => (typeof a.date === 'string' ? a.date : '')).filter(Boolean));
    return dateOrderOf(parts);
  } catch {
    // An unreadable neighbour says nothing about the order: the issue's own parts decide.
    return undefined;
  }
}

/** The issue file beside `file` whose week starts last before `weekStart` (YYYY-MM-DD); undefined when there is none. */
export async function previousIssueFile(file: string, weekStart: string): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(file));
  let best: { file: string; start: string } | undefined;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const candidate = path.join(dir, name);
    if (!/\.(ya?ml|md)$/i.test(name) || candidate === path.resolve(file)) continue;
    const start = WEEK_START.exec(await readNeighbour(candidate))?.[1];
    if (start && start < weekStart && (!best || start > best.start)) best = { file: candidate, start };
  }
  return best?.file;
}

/** The previous issue's data as read (not validated); throws when it does not parse. */
export async function readPreviousIssue(file: string): Promise<unknown> {
  const text = await readNeighbour(file);
  return isMarkdownFile(file) ? parseIssueFile(file, text).source.doc.toJS() : parse(text);
}

/** Only ordinary files, within the cap (a FIFO or /dev/zero named *.yaml must not hang the check); an unreadable one is skipped. */
async function readNeighbour(file: string): Promise<string> {
  try {
    return (await readRegular(file, MAX_ISSUE_BYTES)).toString('utf8');
  } catch {
    return '';
  }
}
