/**
 * What an article page says about itself, for a draft item: its title, publication date,
 * outlet and a summary. JSON-LD (`NewsArticle`, `Article`, …) first, where sites put the
 * values they mean; then OpenGraph (`og:title`, `og:site_name`, `article:published_time`,
 * `og:description`); then `<title>`, `<meta name=description>` and `<time datetime>`. The page
 * is parsed by linkedom and read through its DOM (selectors, JSON.parse for JSON-LD), never
 * with patterns over the HTML; when a page has no description at all, Mozilla Readability
 * finds its first paragraph. (open-graph-scraper reads the same tags, but brings undici,
 * cheerio and parse5: 6.5 MB more on the install tests/slow/install-size.test.ts weighs.)
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
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
function tidyText(text: string | undefined): string | undefined {
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
  const { document } = parseHTML(html);
  const meta = (name: string): string | undefined => document.querySelector(`meta[property="${name}" i], meta[name="${name}" i]`)?.getAttribute('content') ?? undefined;
  const article = jsonLdObjects(jsonLd(document)).find((o) => types(o).some((type) => ARTICLE_TYPE.test(type)));
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
    ['og:site_name', meta('og:site_name')],
  ]);
  const rawTitle = pick('title', [
    ['json-ld headline', str(article?.headline) ?? str(article?.name)],
    ['og:title', meta('og:title')],
    ['twitter:title', meta('twitter:title')],
    ['<title>', document.querySelector('title')?.textContent ?? undefined],
  ]);
  let title = rawTitle && withoutSiteName(rawTitle, [outlet, host.split('.')[0], host]);
  let named = outlet;
  // No site name anywhere but a <title> that is the page's heading and then a short name: the site's.
  const titled = title && !outlet ? siteInTitle(title, tidyText(document.querySelector('h1')?.textContent ?? undefined)) : undefined;
  if (titled) {
    [title, named] = titled;
    from.outlet = '<title> after the <h1>';
  }

  const itemprop = document.querySelector('[itemprop="datePublished" i]');
  const dates: Array<[string, string | undefined]> = [
    ['json-ld datePublished', str(article?.datePublished) ?? str(article?.dateCreated)],
    ['article:published_time', meta('article:published_time')],
    ['itemprop datePublished', itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime') ?? undefined],
    ['dc.date', meta('dc.date.issued') ?? meta('dcterms.issued') ?? meta('dc.date')],
    ['<time datetime>', document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined],
    ['meta date', meta('pubdate') ?? meta('publishdate') ?? meta('date')],
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
    ['og:description', meta('og:description')],
    ['meta description', meta('description')],
    ['twitter:description', meta('twitter:description')],
  ]);
  if (!summary) {
    // Readability changes the document it reads: it runs last.
    const readable = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    summary = pick('summary', [['readability', readable?.excerpt ?? readable?.textContent ?? undefined]]);
  }
  return { title, date, outlet: named, summary: summary && shortSummary(summary), from };
}

/** The JSON-LD blocks of the page; one that does not parse is left out. */
function jsonLd(document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> }): unknown[] {
  return Array.from(document.querySelectorAll('script[type="application/ld+json" i]')).flatMap((script) => {
    try {
      return [JSON.parse(script.textContent ?? '') as unknown];
    } catch {
      return [];
    }
  });
}
