/**
 * Editorial lint: an issue that validates can still carry the mistakes hand-made issues are
 * known for (see ../shared/seeds/README.md). Each rule is a warning with its own code; the
 * build goes on, `bantin check --strict` refuses.
 */
import { compareDates, type DateSpan } from './dates.js';
import { formatPath, type Diagnostic, type PathSegment } from './diagnostics.js';
import type { Article, Issue } from './model.js';
import { lineText, locate, type IssueSource } from './source.js';

/** A4's table of contents sets ~100 characters a line: up to this many, a title takes at most two. */
export const LONG_TITLE_CHARS = 150;
/** Shorter paragraphs ("Nội dung chính:", a one-line bullet) legitimately repeat. */
export const REPEAT_MIN_CHARS = 60;

/** What `bantin new` writes where the editor's content goes; lint flags it until replaced. */
export const PLACEHOLDER = {
  title: 'Tiêu đề bài viết',
  sourceName: 'Tên nguồn',
  url: 'https://example.com/bai-viet',
  body: 'Nội dung bài viết.',
  sectionBody: 'Nội dung phần này.',
} as const;

export function lintIssue(source: IssueSource, issue: Issue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (path: PathSegment[], message: string, code: string, offset?: number) => {
    const { line, col } = offset === undefined ? locate(source, path) : source.lines.linePos(offset);
    out.push({ severity: 'warning', file: source.file, line, col, path: formatPath(path), message, sourceLine: lineText(source, line), code });
  };
  const lineOf = (path: PathSegment[]) => locate(source, path).line;
  const placeholders = new Set(issue.articles.filter(isPlaceholder));

  for (const part of issue.parts) {
    if (part.kind !== 'summary' && part.articles.length === 0) {
      warn([...part.path, 'articles'], `the part "${part.title}" has no articles: add some or remove the part`, 'empty-part');
    }
    // A summary's TOC entry is its heading: written, or "<title> tuần từ <week>".
    if (part.heading && part.heading.length > LONG_TITLE_CHARS) {
      const written = locate(source, [...part.path, 'heading']).exact;
      warn([...part.path, written ? 'heading' : 'title'], longTitle(part.heading, written ? 'heading' : 'table-of-contents entry (title and week)'), 'long-title');
    }
    part.sections.forEach((section, i) => {
      if (section.body === PLACEHOLDER.sectionBody) warn([...part.path, 'sections', i, 'body'], placeholderMessage('section text'), 'placeholder');
    });
  }

  const byTitle = new Map<string, Article>();
  const byUrl = new Map<string, Article>();
  for (const article of issue.articles) {
    if (placeholders.has(article)) {
      warn([...article.path, 'title'], placeholderMessage('article'), 'placeholder');
      continue;
    }
    if (article.date && outside(article.date, issue.week)) {
      const period = issue.period.kind === 'week' ? `week (${issue.week.label})` : `period (${issue.period.label})`;
      warn([...article.path, 'date'], `dated ${article.date.long}, outside the issue's ${period}: check the date, or keep the item for the right issue`, 'date-outside-period');
    }
    if (article.kind === 'news' && !article.source) {
      warn([...article.path, 'source'], 'this news item has no source: add source with name and url (printed as "Chi tiết: <name>" with a QR code)', 'missing-source');
    }
    if (article.title.length > LONG_TITLE_CHARS) warn([...article.path, 'title'], longTitle(article.title), 'long-title');

    const titleKey = storyKey(article.title);
    const urlKey = article.source?.url ? urlIdentity(article.source.url) : undefined;
    const sameTitle = byTitle.get(titleKey);
    const sameUrl = urlKey ? byUrl.get(urlKey) : undefined;
    const first = sameTitle ?? sameUrl;
    if (first) {
      const why = sameTitle && sameTitle === sameUrl ? 'same title and source URL' : sameTitle ? 'same title (ignoring case, spacing and accents)' : 'same source URL';
      const at = sameTitle ? [...article.path, 'title'] : [...article.path, 'source', 'url'];
      warn(at, `the same story as ${formatPath(first.path)} (line ${lineOf([...first.path, 'title'])}): ${why}; remove one of them`, 'duplicate-story');
    }
    if (!byTitle.has(titleKey)) byTitle.set(titleKey, article);
    if (urlKey && !byUrl.has(urlKey)) byUrl.set(urlKey, article);
  }

  for (const repeat of repeatedText(source, textFields(issue, placeholders))) {
    const where = `${formatPath(repeat.first.path)} (line ${source.lines.linePos(repeat.first.offset).line})`;
    const what = repeat.unit.kind === 'field' ? 'this text repeats' : repeat.unit.kind === 'block' ? `the block "${repeat.unit.heading}" repeats the one at` : 'this paragraph repeats the one at';
    warn(repeat.path, `${what} ${where} word for word: remove one of them`, 'repeated-text', repeat.offset);
  }
  return out;
}

function outside(date: DateSpan, period: Issue['week']): boolean {
  return compareDates(date.start, period.start) < 0 || compareDates(date.end, period.end) > 0;
}

function longTitle(title: string, what = 'title'): string {
  return `the ${what} has ${title.length} characters: keep it within ${LONG_TITLE_CHARS} so that it takes at most two lines of the table of contents (details belong in the lead)`;
}

function placeholderMessage(what: string): string {
  return `placeholder ${what} left by "bantin new": replace it with the real content, or delete it`;
}

function isPlaceholder(article: Article): boolean {
  return article.title === PLACEHOLDER.title || article.source?.url === PLACEHOLDER.url;
}

/** "Xử lý  CHẤT THẢI…" and "xu ly chat thai…" are the same story: case, spacing, accents, punctuation ignored. */
export function storyKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same article whether linked over http or https, with or without a trailing slash or #anchor. */
function urlIdentity(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

// ───────────────────────── repeated text ─────────────────────────

interface TextField {
  path: PathSegment[];
  text: string;
}

/** Every Markdown text of the issue, in reading order (placeholders left out). */
function textFields(issue: Issue, placeholders: Set<Article>): TextField[] {
  const fields: TextField[] = [];
  const add = (path: PathSegment[], text: string | undefined) => text && fields.push({ path, text });
  for (const part of issue.parts) {
    add([...part.path, 'intro'], part.intro);
    part.sections.forEach((s, i) => s.body !== PLACEHOLDER.sectionBody && add([...part.path, 'sections', i, 'body'], s.body));
    add([...part.path, 'closing'], part.closing);
    for (const a of part.articles) {
      if (placeholders.has(a)) continue;
      add([...a.path, 'lead'], a.lead);
      add([...a.path, 'body'], a.body);
      a.blocks.forEach((b, i) => {
        if (b.type === 'quote') add([...a.path, 'blocks', i, 'text'], b.text);
        if (b.type === 'box') add([...a.path, 'blocks', i, 'body'], b.body);
      });
    }
  }
  return fields;
}

type Unit = { kind: 'field' } | { kind: 'block'; heading: string } | { kind: 'paragraph' };

interface Piece {
  /** First line as written, to find it in the file. */
  first: string;
  key: string;
  heading?: { level: number; text: string };
}

interface Seen {
  path: PathSegment[];
  offset: number;
}

interface Repeat {
  unit: Unit;
  path: PathSegment[];
  offset: number;
  first: Seen;
}

/**
 * A whole text, a ### block (its heading and everything under it) or a paragraph (a list item
 * counts as one) that appeared before. The largest repeated unit is reported, once.
 */
function repeatedText(source: IssueSource, fields: TextField[]): Repeat[] {
  const seen = new Map<string, Seen>();
  const repeats: Repeat[] = [];
  const remember = (kind: string, text: string, at: Seen): Seen | undefined => {
    if (text.length < REPEAT_MIN_CHARS) return undefined;
    const key = `${kind}:${text}`;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, at);
    return earlier;
  };
  for (const field of fields) {
    const pieces = splitMarkdown(field.text);
    const offsets = findPieces(source, field.path, pieces);
    const earlier = remember('text', pieces.map((p) => p.key).join('\n'), { path: field.path, offset: offsets[0]! });
    if (earlier) {
      repeats.push({ unit: { kind: 'field' }, path: field.path, offset: offsets[0]!, first: earlier });
      continue;
    }
    const covered = new Set<number>();
    pieces.forEach((piece, i) => {
      if (!piece.heading || covered.has(i)) return;
      let end = i + 1;
      while (end < pieces.length && (pieces[end]!.heading?.level ?? 99) > piece.heading.level) end++;
      if (end === i + 1) return;
      const first = remember('block', pieces.slice(i, end).map((p) => p.key).join('\n'), { path: field.path, offset: offsets[i]! });
      if (!first) return;
      repeats.push({ unit: { kind: 'block', heading: piece.heading.text }, path: field.path, offset: offsets[i]!, first });
      for (let j = i; j < end; j++) covered.add(j);
    });
    pieces.forEach((piece, i) => {
      if (piece.heading || covered.has(i)) return;
      const first = remember('paragraph', piece.key, { path: field.path, offset: offsets[i]! });
      if (first) repeats.push({ unit: { kind: 'paragraph' }, path: field.path, offset: offsets[i]!, first });
    });
  }
  return repeats;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s+/;

/** Paragraphs, list items and headings of a Markdown text. */
function splitMarkdown(text: string): Piece[] {
  const pieces: Piece[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) pieces.push({ first: lines[0]!, key: normalizeText(lines.join(' ')) });
    lines = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      pieces.push({ first: line, key: normalizeText(line), heading: { level: heading[1]!.length, text: heading[2]!.trim() } });
    } else {
      if (LIST_ITEM.test(line)) flush();
      lines.push(line);
    }
  }
  flush();
  return pieces;
}

function normalizeText(text: string): string {
  return text
    .replace(/^(?:#{1,6}|[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Where each piece starts in the file: its first line searched for inside the field's node, in order. */
function findPieces(source: IssueSource, path: PathSegment[], pieces: Piece[]): number[] {
  const node = source.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const [start, end] = node?.range ?? [0, 0];
  let cursor = start;
  return pieces.map((piece) => {
    // Folded and quoted scalars break or escape lines: the first words are what the file surely holds.
    for (const needle of [piece.first, piece.first.slice(0, 24)]) {
      const at = source.text.slice(cursor, end).indexOf(needle);
      if (at >= 0) {
        cursor += at + needle.length;
        return cursor - needle.length;
      }
    }
    return cursor;
  });
}
