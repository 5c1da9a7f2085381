/**
 * The parts of a draft bantin makes itself and skips: the cover (title, number, week,
 * publisher, links: read for the fields), the table of contents (MỤC LỤC with its page
 * numbers) and page numbers typed as paragraphs. What they held is counted in the report.
 */
import { siteHost } from '../core/site-host.js';
import { calendarDate } from '../issue/typed-date.js';
import type { Block } from './blocks.js';

/** "Tuần từ 14/03-21/03/2026", "(TUẦN TỪ 20/4/2026 – 26/4/2026)", "tuần từ ngày 25/5 đến 31/5/2026". */
const WEEK = /tuần từ\s*(?:ngày\s*)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*(?:[-–—]|đến)\s*(?:ngày\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
const NUMBER = /^(?:#\s*)?SỐ\s*(\d{1,3})\s*\/\s*(\d{4})\b/iu;
const TOC_HEAD = /^MỤC LỤC\b/iu;
/** A TOC entry: a page number after a tab or dots, "PHẦN II.", a bullet, the dashes of a rule. */
const TOC_ENTRY = /(?:\t|\.{3,}|…|\s)\s*(?:trang\s*)?\d{1,3}$|^PHẦN\s+[IVXLC]+\b|^[●•▪■]|^-{2,}\s+-{2,}$/iu;
/** A page number on a line of its own: "3", "- 3 -", "Trang 3", "3/24". */
export const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/iu;

export interface Week {
  start: { day: number; month: number; year: number };
  end: { day: number; month: number; year: number };
}

export function weekIn(blocks: readonly Block[]): { week: Week; n: number } | undefined {
  for (const b of blocks) {
    const m = WEEK.exec(b.text);
    if (!m) continue;
    const endYear = Number(m[6]);
    const [sd, sm, ed, em] = [m[1], m[2], m[4], m[5]].map(Number) as [number, number, number, number];
    const startYear = m[3] ? Number(m[3]) : sm > em ? endYear - 1 : endYear;
    if (!real(sd, sm, startYear) || !real(ed, em, endYear)) continue;
    return { week: { start: { day: sd, month: sm, year: startYear }, end: { day: ed, month: em, year: endYear } }, n: b.n };
  }
  return undefined;
}

/** Whether day d of month m of year y exists. */
export const real = (d: number, m: number, y: number) => calendarDate(y, m, d) !== undefined;

export interface Regions {
  /** Index (into blocks) of the first block of the content. */
  body: number;
  cover: Block[];
  toc: Block[];
}

/**
 * The cover is what comes before MỤC LỤC; the TOC runs from it to its last entry before the
 * first real text (a paragraph of prose, or an item heading without a page number). Without a
 * MỤC LỤC, a cover is the lines up to the first heading after the number or week line
 * (among the first 40); else there is none.
 */
export function regionsOf(blocks: readonly Block[], isHeading: (b: Block) => boolean): Regions {
  const head = blocks.findIndex((b) => TOC_HEAD.test(b.text.replace(/^#+\s*/, '')));
  if (head >= 0) {
    let last = head;
    for (let i = head + 1; i < blocks.length; i++) {
      const text = blocks[i]!.text;
      if (!text) continue;
      if (TOC_ENTRY.test(text) || ((NUMBER.test(text) || WEEK.test(text)) && text.length < 60)) last = i;
      else if (text.length > 160 || /^\d{1,2}\/\d{1,2}\s*:/.test(text)) break;
    }
    return { body: last + 1, cover: blocks.slice(0, head), toc: blocks.slice(head, last + 1) };
  }
  // The cover's number and week lines come early; the first heading after them starts the content.
  const marks = blocks.slice(0, 40).flatMap((b, i) => (NUMBER.test(b.text) || WEEK.test(b.text) ? [i] : []));
  if (!marks.length) return { body: 0, cover: [], toc: [] };
  const first = blocks.findIndex((b, i) => i > marks[marks.length - 1]! && b.text && isHeading(b));
  return first > 0 ? { body: first, cover: blocks.slice(0, first), toc: [] } : { body: 0, cover: [], toc: [] };
}

export interface CoverFields {
  number?: string;
  masthead: string[];
  publisher: string[];
  website?: string;
  social: Array<{ label: string; url: string }>;
}

const SOCIAL: Record<string, string> = { 'facebook.com': 'Facebook', 'youtube.com': 'YouTube', 'zalo.me': 'Zalo', 'tiktok.com': 'TikTok', 'x.com': 'X', 'twitter.com': 'X', 'linkedin.com': 'LinkedIn' };
const URL_IN_TEXT = /https?:\/\/[^\s\]\)<>"]+/giu;

/** The fields the draft's cover gives: number, masthead lines, publisher lines, links. */
export function coverFields(cover: readonly Block[]): CoverFields {
  const fields: CoverFields = { masthead: [], publisher: [], social: [] };
  let seen: 'masthead' | 'number' | 'week' = 'masthead';
  const urls = new Map<string, string>();
  for (const b of cover) {
    const text = b.text.replace(/^#+\s*/, '');
    if (!text) continue;
    const number = NUMBER.exec(text);
    const found = [...b.links.map((l) => l.href), ...(text.match(URL_IN_TEXT) ?? [])];
    if (number) {
      fields.number ??= `${Number(number[1])}/${number[2]}`;
      seen = 'number';
    } else if (WEEK.test(text)) seen = 'week';
    else if (found.length) {
      for (const url of found) {
        const host = siteHost(url);
        if (host && (urls.get(host)?.length ?? 0) < url.length) urls.set(host, url.replace(/[.,;]+$/, ''));
      }
    } else if (/\p{L}/u.test(text) && text === text.toUpperCase() && !/^FOLLOW US$|^THEO DÕI/iu.test(text)) {
      if (seen === 'masthead' && fields.masthead.length < 3) fields.masthead.push(text);
      else if (seen === 'week' && fields.publisher.length < 4) fields.publisher.push(text);
    }
  }
  for (const [host, url] of urls) {
    const network = Object.entries(SOCIAL).find(([domain]) => host === domain || host.endsWith(`.${domain}`));
    if (network) fields.social.push({ label: network[1], url });
    else fields.website ??= url;
  }
  return fields;
}
