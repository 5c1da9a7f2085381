/** One fetched page → one draft item, with notes on what the editor must look at. */
import { t } from '../../core/i18n.js';
import { daysBetween, parseIsoDate } from '../../issue/dates.js';
import type { Period } from '../../issue/markdown/day-month.js';
import { PLACEHOLDER } from '../../issue/lint/placeholders.js';
import { digestItemSchema, newsArticleSchema, spotlightArticleSchema } from '../../issue/schema.js';
import type { DraftItem } from './append.js';
import { decodePage } from './decode.js';
import { extractFacts, type PageFacts } from './extract.js';
import { FetchProblem } from './fetch-page.js';
import { outletName, type KnownSource } from './outlet.js';

export interface DraftContext {
  period: Period;
  /** The part's kind: news items need a date, digest and spotlight items may go without. */
  kind: 'news' | 'spotlight' | 'digest';
  /** This issue's sources, then the previous issue's. */
  known: ReadonlyArray<readonly KnownSource[]>;
  aliases?: readonly (readonly string[])[];
}

export interface Drafted {
  item: DraftItem;
  notes: string[];
  facts: PageFacts;
}

/** A summary as Markdown that prints as written: what would start a list, a heading or a quote, or mark up a word, is escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) => `${space}${mark.replace(/^(\d+)?(.)$/, '$1\\$2')}`);
}

const ITEM_SCHEMA = { news: newsArticleSchema, spotlight: spotlightArticleSchema, digest: digestItemSchema };

const LOOKS_LIKE_HTML = /<(?:!doctype\s+html|html|head|body|meta|title)\b/i;

export async function draftFrom(page: { url: string; bytes: Uint8Array; contentType?: string }, ctx: DraftContext): Promise<Drafted> {
  const html = decodePage(page.bytes, page.contentType);
  if (!LOOKS_LIKE_HTML.test(html.slice(0, 64 * 1024))) throw new FetchProblem(t('add.fail.not-html-text'));
  const facts = await extractFacts(html, page.url);
  if (!facts.title) throw new FetchProblem(t('add.fail.no-title'));
  const notes: string[] = [];

  let date = facts.date;
  if (date) {
    const days = (a: string, b: string) => daysBetween(parseIsoDate(a), parseIsoDate(b));
    const before = days(date, ctx.period.start);
    const after = days(ctx.period.end, date);
    // A year far from the issue's is a page's mistake (a template's 1970, a placeholder 2099), not a date to print.
    if (before > 400 || after > 400) {
      notes.push(t('add.note.date-implausible', { date }));
      date = undefined;
    } else if (before > 0 || after > 0) notes.push(t('add.note.date-outside', { date, start: ctx.period.start, end: ctx.period.end }));
  }
  if (!date && ctx.kind === 'news') {
    date = ctx.period.start;
    notes.push(t('add.note.no-date-set', { date }));
  } else if (!date) notes.push(t('add.note.no-date'));

  const outlet = outletName({ pageName: facts.outlet, url: page.url, known: ctx.known, aliases: ctx.aliases });
  let body = facts.summary ? markdownText(facts.summary) : undefined;
  if (!body) {
    notes.push(t('add.note.no-summary'));
    body = PLACEHOLDER.body;
  }
  const item: DraftItem = { ...(date ? { date } : {}), title: facts.title, source: { name: outlet, url: page.url }, body, draft: true };
  // What the schema would refuse (an address past 2,000 characters, say) fails this link alone.
  const checked = ITEM_SCHEMA[ctx.kind].safeParse(item);
  if (!checked.success) throw new FetchProblem(t('add.fail.invalid-item', { field: checked.error.issues[0]!.path.join('.'), problem: checked.error.issues[0]!.message }));
  return { item, notes, facts };
}
