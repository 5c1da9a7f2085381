/**
 * bantin add ISSUE URL… [--part NAME|NUMBER] [--from-file urls.txt] [--offline PAGE.html]:
 * each article page fetched (or read from a saved copy), a draft item made from its metadata,
 * and all of them appended to one part of the issue in one atomic write. A link that fails is
 * reported with its reason and the others are still added; a link the issue (or the previous
 * issue) has already is skipped. The result is read back before it is written: the same issue
 * plus the new items, or no write at all.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { UsageError, UserError } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { ReadProblem, readRegular } from '../../core/read-file.js';
import { periodOf } from '../../issue/markdown/day-month.js';
import { formatOf, readIssueInput, type IssueFormat } from '../../issue/markdown/read.js';
import type { IssueInput } from '../../issue/schema.js';
import { readIssueText } from '../../issue/source.js';
import { writeAtomic } from '../output.js';
import { insertMarkdown, insertYaml, type DraftItem } from './append.js';
import { firstDay, issueDateOrder, placeIndex } from './place.js';
import { withoutTracking } from './clean-url.js';
import { draftFrom, type DraftContext } from './draft.js';
import { checkWebAddress, fetchPage, FetchProblem, MAX_PAGE_BYTES, type FetchLimits } from './fetch-page.js';
import { choosePart } from './part.js';
import { seenLinks, type Seen } from './known.js';

export interface AddOptions {
  issue: string;
  urls: readonly string[];
  /** A file of links, one a line (blank lines and # comments skipped). */
  fromFile?: string;
  /** The part to add to: its number (1 = the first) or its title or id. */
  part?: string;
  /** Saved pages, the first for the first link and so on: nothing is fetched. */
  offline?: readonly string[];
  limits?: FetchLimits;
  /** How many pages are fetched at once. */
  concurrency?: number;
  /** Told as each link is done. */
  onLink?: (outcome: LinkOutcome) => void;
}

export type LinkOutcome =
  | { kind: 'added'; url: string; item: DraftItem; notes: string[] }
  | { kind: 'skipped'; url: string; reason: string }
  | { kind: 'failed'; url: string; reason: string };

export interface AddResult {
  file: string;
  part: { number: number; title: string };
  outcomes: LinkOutcome[];
  added: number;
  failed: number;
  /** False when nothing was added (the file is untouched). */
  written: boolean;
}

const MAX_LIST_BYTES = 1024 * 1024;

export async function addLinks(options: AddOptions): Promise<AddResult> {
  const file = path.resolve(options.issue);
  const format = formatOf(file);
  if (!format) throw new UsageError(t('add.unknown-format', { file: options.issue }));
  const urls = [...options.urls, ...(options.fromFile ? await readList(options.fromFile) : [])].map((u) => u.trim()).filter(Boolean);
  if (!urls.length) throw new UsageError(t('add.no-links'));
  if (options.offline?.length && options.offline.length !== urls.length) throw new UsageError(t('add.offline-count', { pages: options.offline.length, links: urls.length }));
  // The file is replaced by a rename: a link would become a copy, and what it pointed to stay as it was.
  const info = await lstat(file).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new UsageError(t('add.symlink', { file: options.issue }));

  const text = await readIssueText(file);
  const read = readIssueInput(file, text, format);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (!read.input || errors.length) throw new UserError(t('add.invalid', { file: options.issue }), errors);
  const input = read.input;
  const partIndex = choosePart(input, options.part);
  const part = input.parts[partIndex]!;
  const period = periodOf({ issue: input.issue })!;
  const seen = await seenLinks(file, input, period.start);
  const ctx: DraftContext = {
    period,
    kind: part.kind as DraftContext['kind'],
    known: [seen.current.sources, seen.previous?.sources ?? []],
    aliases: input.checks?.outlets,
  };

  const outcomes = await runLinks(urls, options, ctx, seen);
  const items = outcomes.flatMap((o) => (o.kind === 'added' ? [o.item] : []));
  const result = {
    file,
    part: { number: partIndex + 1, title: part.title },
    outcomes,
    added: items.length,
    failed: outcomes.filter((o) => o.kind === 'failed').length,
    written: false,
  };
  if (!items.length) return result;

  const comment = t(format === 'md' ? 'add.comment.md' : 'add.comment.yaml');
  // One item at a time, each read back before the next: the issue so far plus this item, or a
  // plainer form of the item (Markdown), or a bug of bantin's (said with the internal-error line).
  let updated = text;
  for (const { index, item, expected } of placed(input, partIndex, items)) {
    let next: string | undefined;
    for (const level of format === 'md' ? ([0, 1, 2] as const) : ([0] as const)) {
      const candidate = format === 'md' ? insertMarkdown({ file, text: updated, partIndex, index, item, comment, period, level }) : insertYaml(updated, partIndex, index, item, comment);
      if (readsAs(file, candidate, format, expected)) {
        next = candidate;
        break;
      }
    }
    if (next === undefined) throw new Error(t('add.bug.read-back', { file: options.issue }));
    updated = next;
  }
  // An editor who saved the issue while the pages were fetched keeps what they saved.
  if ((await readIssueText(file)) !== text) throw new UserError(t('add.changed', { file: options.issue }));
  await writeAtomic(file, updated, info?.mode);
  return { ...result, written: true };
}

/** Where each item goes, one after the other (place.ts), and the issue as it should read back once it is there. */
function placed(input: IssueInput, partIndex: number, items: readonly DraftItem[]): Array<{ index: number; item: DraftItem; expected: IssueInput }> {
  const order = issueDateOrder(input);
  const part = input.parts[partIndex] as Extract<IssueInput['parts'][number], { articles: unknown }>;
  const articles: unknown[] = [...part.articles];
  return items.map((item) => {
    const index = placeIndex(articles.map((a) => firstDay((a as { date?: unknown }).date)), item.date, order);
    articles.splice(index, 0, { ...item, source: { ...item.source } });
    const parts = input.parts.map((p, i) => (i === partIndex ? { ...p, articles: [...articles] } : p));
    return { index, item, expected: { ...input, parts } as IssueInput };
  });
}

function readsAs(file: string, text: string, format: IssueFormat, expected: IssueInput): boolean {
  const back = readIssueInput(file, text, format);
  return !!back.input && !back.diagnostics.some((d) => d.severity === 'error') && isDeepStrictEqual(back.input, expected);
}

async function readList(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readRegular(file, MAX_LIST_BYTES);
  } catch (error) {
    if (error instanceof ReadProblem) throw new UserError(t('add.cannot-read-list', { file, reason: error.message }));
    throw error;
  }
  return new TextDecoder('utf-8')
    .decode(bytes)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0]!);
}

async function runLinks(urls: string[], options: AddOptions, ctx: DraftContext, seen: Seen): Promise<LinkOutcome[]> {
  const outcomes: LinkOutcome[] = new Array(urls.length);
  // Of two links to one article the first given is kept: before fetching by their addresses,
  // after it by where they led (a short link and the article's own address).
  const first = new Map<string, string>();
  const twice = (address: string, url: string): string | undefined => {
    const key = seen.identity(address) ?? address;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, url);
    return earlier === undefined || earlier === url ? undefined : t('add.skip.twice', { url: earlier });
  };
  const todo: number[] = [];
  urls.forEach((url, i) => {
    const clean = withoutTracking(url);
    const skip = seen.skipReason(clean) ?? twice(clean, url);
    if (skip) outcomes[i] = { kind: 'skipped', url, reason: skip };
    else todo.push(i);
  });
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = todo[next++]!;
      outcomes[i] = await oneLink(urls[i]!, options.offline?.[i], options, ctx, seen);
      options.onLink?.(outcomes[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'added' || outcome.item.source.url === withoutTracking(outcome.url)) return outcome;
    const skip = twice(outcome.item.source.url, outcome.url);
    return skip ? { kind: 'skipped', url: outcome.url, reason: skip } : outcome;
  });
}

async function oneLink(url: string, offline: string | undefined, options: AddOptions, ctx: DraftContext, seen: Seen): Promise<LinkOutcome> {
  try {
    const clean = withoutTracking(url);
    checkWebAddress(clean);
    const page = offline ? { url: clean, bytes: await readSaved(offline), contentType: undefined } : await fetchPage(clean, options.limits);
    const final = withoutTracking(page.url);
    // A short link that leads to an article the issue has.
    const skip = final !== clean ? seen.skipReason(final) : undefined;
    if (skip) return { kind: 'skipped', url, reason: skip };
    const drafted = await draftFrom({ ...page, url: final }, ctx);
    return { kind: 'added', url, item: drafted.item, notes: drafted.notes };
  } catch (error) {
    if (error instanceof FetchProblem) return { kind: 'failed', url, reason: error.message };
    throw error;
  }
}

async function readSaved(file: string): Promise<Uint8Array> {
  try {
    return await readRegular(file, MAX_PAGE_BYTES);
  } catch (error) {
    if (error instanceof ReadProblem) throw new FetchProblem(t('add.fail.saved-page', { file, reason: error.message }));
    throw error;
  }
}

