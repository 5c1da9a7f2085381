/**
 * What an article page says about itself, for a draft item: its title, publication date,
 * outlet and a summary. JSON-LD (`NewsArticle`, `Article`, …) first, where sites put the
 * values they mean; then OpenGraph; then `<title>`, `<meta name=description>` and
 * `<time datetime>`. open-graph-scraper reads the meta tags and JSON-LD from the HTML (it is
 * never given a URL: bantin fetches, see fetch-page.ts); linkedom gives the document for
 * `<time>` and, when a page has no description at all, for Mozilla Readability's first paragraph.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import ogs from 'open-graph-scraper';
import type { OgObject } from 'open-graph-scraper/types';
import { outletKey } from '../../issue/lint/source-names.js';
import { articleDate } from './dates.js';

export interface PageFacts {
  title?: string;
  /** YYYY-MM-DD, as the page dates itself (its own time zone, not UTC). */
  date?: string;
  outlet?: string;
  summary?: string;
  /** Where each value came from, for --verbose. */
  from: Partial<Record<'title' | 'date' | 'outlet' | 'summary', string>>;
}

/** The longest summary bantin writes: a draft's body is a pointer to the article, never the article (copyright). */
export const MAX_SUMMARY_CHARS = 600;

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle)$/;

/** Every JSON-LD object of the page, @graph arrays opened. */
function jsonLdObjects(blocks: unknown[] | undefined): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    out.push(value as Json);
    visit((value as Json)['@graph'], depth + 1);
  };
  visit(blocks, 0);
  return out;
}

const types = (o: Json): string[] => [o['@type']].flat().filter((v): v is string => typeof v === 'string');
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const nameOf = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return str(first) ?? (first && typeof first === 'object' ? str((first as Json).name) : undefined);
};

/**
 * Text as printed: entities already decoded by the parser; soft hyphens, zero-width, control and
 * direction-changing characters (which an issue may not hold, see text.ts and bidi.ts) dropped;
 * spaces, line breaks and NFC tidied.
 */
export function tidyText(text: string | undefined): string | undefined {
  const tidy = text
    ?.replace(/[\u00AD\u200B-\u200D\uFEFF\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  return tidy || undefined;
}

/** "Tiêu đề bài - VnExpress" → "Tiêu đề bài", when what follows the last dash or bar names the site. */
export function withoutSiteName(title: string, names: ReadonlyArray<string | undefined>): string {
  const match = /^(.+?)\s+[|\-–—:]\s+([^|\-–—]+)$/.exec(title);
  if (!match) return title;
  const tail = outletKey(match[2]!).replace(/\s+/g, '');
  const known = names.filter((n): n is string => !!n).map((n) => outletKey(n).replace(/\s+/g, ''));
  return tail && known.some((k) => k && (k === tail || k.startsWith(tail) || tail.startsWith(k))) ? match[1]!.trim() : title;
}

/** "Heading - Báo Hải Phòng" where the page's <h1> is "Heading": [heading, site]. */
function siteInTitle(title: string, h1: string | undefined): [string, string] | undefined {
  const match = /^(.+?)\s+[|\-–—]\s+([^|\-–—]+)$/.exec(title);
  if (!match || !h1 || match[1]!.trim() !== h1 || match[2]!.trim().split(/\s+/).length > 6) return undefined;
  return [match[1]!.trim(), match[2]!.trim()];
}

/** At most MAX_SUMMARY_CHARS, cut after a sentence where one ends late enough, else after a word. */
export function shortSummary(text: string, max = MAX_SUMMARY_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (sentence > max / 2) return cut.slice(0, sentence + 1);
  const word = cut.lastIndexOf(' ');
  return `${cut.slice(0, word > 0 ? word : max).replace(/[\s,;:–—-]+$/, '')}…`;
}

export async function extractFacts(html: string, url: string): Promise<PageFacts> {
  const from: PageFacts['from'] = {};
  // open-graph-scraper rejects a page it finds nothing in with its (partial) result: that is what it read.
  const { result } = await ogs({ html, jsonLDOptions: { throwOnJSONParseError: false, logOnJSONParseError: false } }).catch((failed: { result?: OgObject }) => ({ result: failed?.result ?? {} }));
  const article = jsonLdObjects(result.jsonLD).find((o) => types(o).some((type) => ARTICLE_TYPE.test(type)));
  const { document } = parseHTML(html);
  const host = new URL(url).hostname.replace(/^www\./, '');

  const pick = <K extends keyof PageFacts['from']>(key: K, candidates: Array<[string, string | undefined]>): string | undefined => {
    for (const [origin, value] of candidates) {
      const tidy = tidyText(value);
      if (tidy) {
        from[key] = origin;
        return tidy;
      }
    }
    return undefined;
  };

  const outlet = pick('outlet', [
    ['json-ld publisher', nameOf(article?.publisher)],
    ['og:site_name', result.ogSiteName],
  ]);
  const rawTitle = pick('title', [
    ['json-ld headline', str(article?.headline) ?? str(article?.name)],
    [result.ogTitle && document.querySelector('meta[property="og:title"]') ? 'og:title' : '<title>', result.ogTitle],
    ['twitter:title', result.twitterTitle],
  ]);
  let title = rawTitle && withoutSiteName(rawTitle, [outlet, host.split('.')[0], host]);
  let named = outlet;
  // No site name anywhere but a <title> that is the page's heading and then a short name: the site's.
  const titled = title && !outlet ? siteInTitle(title, tidyText(document.querySelector('h1')?.textContent ?? undefined)) : undefined;
  if (titled) {
    [title, named] = titled;
    from.outlet = '<title> after the <h1>';
  }

  const timeElement = document.querySelector('article time[datetime], time[datetime]');
  const itemprop = document.querySelector('[itemprop="datePublished" i]');
  const dates: Array<[string, string | undefined]> = [
    ['json-ld datePublished', str(article?.datePublished) ?? str(article?.dateCreated)],
    ['article:published_time', result.articlePublishedTime],
    ['itemprop datePublished', itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime') ?? undefined],
    ['dc.date', result.dcDateIssued ?? result.dcDateCreated ?? result.dcDate],
    ['<time datetime>', timeElement?.getAttribute('datetime') ?? undefined],
    ['meta date', result.ogDate],
  ];
  let date: string | undefined;
  for (const [origin, value] of dates) {
    date = value ? articleDate(value) : undefined;
    if (date) {
      from.date = origin;
      break;
    }
  }

  let summary = pick('summary', [
    ['json-ld description', str(article?.description)],
    [document.querySelector('meta[property="og:description"]') ? 'og:description' : 'meta description', result.ogDescription],
    ['twitter:description', result.twitterDescription],
  ]);
  if (!summary) {
    // Readability changes the document it reads: it runs last.
    const readable = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    summary = pick('summary', [['readability', readable?.excerpt ?? readable?.textContent ?? undefined]]);
  }
  return { title, date, outlet: named, summary: summary && shortSummary(summary), from };
}
