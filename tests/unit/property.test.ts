/**
 * Property-based tests (fast-check): whatever an issue file holds, loading it ends in
 * diagnostics (or a UserError), never a crash; and every valid issue renders to HTML with its
 * titles printed as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isUserError } from '../../src/core/diagnostics.js';
import { loadIssueText, type LoadResult } from '../../src/issue/load.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { setQuotes } from '../../src/render/quotes.js';
import { parseDocument } from './dom.js';
import { MINIMAL_ISSUE, TMP_ISSUE_FILE } from './helpers.js';

const examples = ['so-20-2026.yaml', 'so-15-2026.yaml'].map((f) => readFileSync(path.join(import.meta.dirname, '../../examples', f), 'utf8'));
const BASE_TEXTS = [MINIMAL_ISSUE, ...examples];
const BASE_DOCS = BASE_TEXTS.map((t) => parse(t) as unknown);

/** Loads, and checks what must hold for any input: a UserError at worst, and diagnostics that point somewhere real. */
async function loadsCalmly(text: string): Promise<LoadResult | undefined> {
  let result: LoadResult;
  try {
    result = await loadIssueText(TMP_ISSUE_FILE, text);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
  const lines = text.split('\n').length;
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
    // The line under a message goes to a terminal: no control character reaches it.
    expect(d.sourceLine ?? '').not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  }
  if (!result.issue) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return result;
}

// ---- strings that hand-made issues (and hostile ones) contain ----------------------------------

const WORDS = ['Kinh', 'tế', 'số', 'hướng', 'tới', '30%', 'GDP', 'Hải', 'Phòng', 'đổi', 'mới', 'sáng', 'tạo', 'ĐMST', 'KH-CN'];
const HOSTILE = ['<script>alert(1)</script>', '</style>', '{{7*7}}', '{{{x}}}', '"><img src=x onerror=alert(1)>', '&amp;', "'", '`', '=', '__proto__', 'javascript:alert(1)'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const CONTROL = ['\u0000', '\u0007', '\u000B', '\u000C', '\r', '\u001B', '\u007F', '\u0085', '\u0093'];
const EMOJI = ['🚀', '📈', '🇻🇳', '👩‍💻', '✅', '❤️'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE, ...EMOJI) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);
/** Printable text: what a valid issue may hold (zero-width characters included, they are dropped). */
const printable = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('', ...INVISIBLE))
  .map(([words, invisible]) => words.join(' ') + invisible)
  .filter((s) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(s) && !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(s));
/** Anything at all, control characters included. */
const anyText = fc.oneof(
  printable,
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom(...CONTROL, ...INVISIBLE, ...EMOJI, ...HOSTILE, ...WORDS), { maxLength: 6 }).map((a) => a.join('')),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-05-28', '2026-02-30', '20/2026', 'https://vov.vn/', 'news', 'summary', 'spotlight'),
  fc.array(anyText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('title', 'body', 'kind', 'url', 'src', '__proto__', 'constructor'), anyText, { maxKeys: 3 }),
);

// ---- mutations of real documents ----------------------------------------------------------------

type Segment = string | number;
type Mutation = { op: 'delete' | 'replace' | 'insert'; pick: number; key: string; value: unknown };

/** Every path in a parsed document, containers and leaves. */
function paths(value: unknown, at: Segment[] = []): Segment[][] {
  const out: Segment[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function mutate(doc: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const all = paths(root);
    const target = all[m.pick % all.length]!;
    if (target.length === 0) {
      if (m.op === 'replace') root = m.value;
      continue;
    }
    const parent = target.slice(0, -1).reduce<any>((v, k) => v[k], root); // eslint-disable-line @typescript-eslint/no-explicit-any
    const last = target[target.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.op === 'replace') {
      Object.defineProperty(parent, last, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else {
      const container = parent[last];
      if (Array.isArray(container)) container.splice(m.pick % (container.length + 1), 0, m.value);
      else if (container && typeof container === 'object') Object.defineProperty(container, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'replace', 'insert'),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom('title', 'titel', 'id', 'kind', 'date', 'body', 'source', 'image', '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 8 })),
  value: anyValue,
});

const YAML_TOKENS = [': ', '- ', '\n', '\n  ', '\n    ', '\t', '"', "'", '&a ', '*a', '<<: *a', '!!str ', '!!binary ', '!foo ', '? ', '{', '}', '[', ']', ',', '|', '>-', '#', '%YAML 1.1\n', '---\n', '...\n', '\\u200b', '\\a', '\uFEFF'];

describe('loading never crashes', () => {
  it('on real documents with keys deleted, values replaced and fields inserted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(BASE_DOCS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (base, mutations) => {
        let text: string;
        try {
          text = stringify(mutate(BASE_DOCS[base], mutations));
        } catch {
          return; // yaml cannot write this value; nothing for bantin to read
        }
        await loadsCalmly(text);
      }),
      { numRuns: 150 },
    );
  });

  it('on real files with text cut out and random text pasted in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(BASE_TEXTS.length - 1), fc.nat(), fc.nat(40), fc.oneof(anyText, fc.constantFrom(...YAML_TOKENS)), async (base, at, cut, pasted) => {
        const text = BASE_TEXTS[base]!;
        const pos = at % (text.length + 1);
        await loadsCalmly(text.slice(0, pos) + pasted + text.slice(pos + cut));
      }),
      { numRuns: 150 },
    );
  });

  it('on random YAML-like text', async () => {
    const yamlish = fc.array(fc.oneof(fc.constantFrom(...YAML_TOKENS, 'series', 'parts', 'title', 'kind: news'), anyText), { maxLength: 40 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) => {
        await loadsCalmly(text);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- valid issues ----------------------------------------------------------------------------------

const date = fc.integer({ min: 25, max: 31 }).map((d) => `2026-05-${d}`);
const url = fc.webUrl({ validSchemes: ['https', 'http'], size: 'small' }).filter((u) => u.length < 400);
const markdown = fc.array(fc.oneof(printable, fc.constantFrom('**Trụ cột phát triển:** KH-CN', '- mục một\n- mục hai', '### Tiêu đề', '[VOV](https://vov.vn/)', '![biểu đồ](http://127.0.0.1/x.png)', '<b>đậm</b>')), { minLength: 1, maxLength: 4 }).map((a) => a.join('\n\n'));
const article = (dated: boolean) =>
  fc.record(
    {
      date: dated ? date : fc.option(date, { nil: undefined }),
      title: printable,
      source: fc.option(fc.record({ name: printable, url }), { nil: undefined }),
      lead: fc.option(markdown, { nil: undefined }),
      body: markdown,
      blocks: fc.option(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('quote'), text: printable, speaker: printable }),
            fc.record({ type: fc.constant('figures'), items: fc.array(fc.record({ value: printable, label: printable }), { minLength: 1, maxLength: 2 }) }),
            fc.record({ type: fc.constant('box'), title: printable, body: markdown }),
          ),
          { maxLength: 2 },
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: dated ? ['date', 'title', 'body'] : ['title', 'body'] },
  );
const part = fc.oneof(
  fc.record({ kind: fc.constant('news'), title: printable, articles: fc.array(article(true), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('spotlight'), title: printable, articles: fc.array(article(false), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('summary'), title: printable, sections: fc.array(fc.record({ title: printable, body: markdown }), { minLength: 1, maxLength: 2 }) }),
);
const validIssue = fc.record({
  series: fc.record({ title: printable, publisher: fc.array(printable, { minLength: 1, maxLength: 2 }) }),
  issue: fc.constant({ number: '20/2026', week: { start: '2026-05-25', end: '2026-05-31' } }),
  parts: fc.array(part, { minLength: 1, maxLength: 3 }),
});

/** Handlebars' escaping of {{x}}. */
const escapeHtml = (s: string) => s.replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);
/** Drops undefined fields: yaml writes them as null, which the schema rightly refuses. */
const defined = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('every valid issue renders', () => {
  it('to HTML with every title printed as escaped text, and no markup from the content', async () => {
    await fc.assert(
      fc.asyncProperty(validIssue, async (input) => {
        const loaded = await loadsCalmly(stringify(defined(input)));
        expect(loaded?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const issue = loaded!.issue!;
        const { html } = await renderIssueHtml(issue);
        const doc = parseDocument(html);
        expect(doc.querySelectorAll('script')).toHaveLength(0);
        expect(doc.querySelectorAll('style')).toHaveLength(1);
        expect(doc.querySelectorAll('img')).toHaveLength(0); // Markdown images are off; QR codes are inline SVG
        const printed = [...doc.querySelectorAll('.news-title, .spotlight-title')].map((e) => e.textContent);
        // Quotes print in the issue's one style (typographic by default); the rest exactly as written.
        const titles = issue.articles.map((a) => setQuotes(a.title, 'typographic'));
        expect(printed).toEqual(titles);
        for (const a of issue.articles) {
          expect(html).toContain(`>${escapeHtml(setQuotes(a.title, 'typographic'))}</h2>`);
          // Its TOC entry, the last two words held together by a no-break space.
          expect(html).toContain(`${escapeHtml(setQuotes(a.title, 'typographic')).replace(/ (\S+)$/u, '\u00a0$1')}</span>`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
