/**
 * The bad-input corpus (tests/fixtures/bad/) through the command line as a user runs it: every
 * file gives exactly its documented outcome. The whole corpus goes through one `bantin build
 * … --out-dir` (a batch reports each issue and goes on; one browser for the files that get as far
 * as printing), and through `bantin check`; one file of each way to fail also alone, as
 * `bantin build FILE -o OUT`. A file that fails exits 1 with each problem at file:line:col and
 * its field, no stack trace, no PDF, and an earlier PDF left byte for byte; a file that builds
 * prints every character it should and nothing outside the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_DIR, LONG_WORD, OUTCOMES, type Expected } from '../fixtures/bad/outcomes.js';
import { fonts, pageTexts, repoRoot } from './pdf-tools.js';
import { runCli, type CliRun } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rel = (name: string) => `tests/fixtures/bad/${name}`;
const inRepo = { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } };
const TITLE = 'Kinh tế số hướng tới 30% GDP';
/** What a previous, good build left at the output path. */
const EARLIER = Buffer.concat([Buffer.from('%PDF-1.7\n% Điểm tin Khoa học Công nghệ số 19/2026\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))]);

let dirs = 0;
function freshDir(): string {
  return mkdtempSync(path.join(work, `${++dirs}-`));
}

/** A problem as the CLI prints it (report.ts): location, severity, field, message, the line and a caret. */
function printed(name: string, severity: 'error' | 'warning', d: Expected): string {
  const line = (readFileSync(path.join(BAD_DIR, name), 'utf8').split('\n')[d.line - 1] ?? '').replace(/\t/g, ' ');
  const gutter = String(d.line).padStart(5);
  const visible = line.replace(/[\u0000-\u0008\u000B-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))).replace(/\u007F/g, '\u2421').replace(/[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
  // A line longer than 200 characters shows 200 of them around the column, cut with "…".
  let shown = visible;
  let caret = d.col - 1;
  if (visible.length > 200) {
    const start = Math.max(0, Math.min(d.col - 1 + 100, visible.length) - 200);
    shown = `${start > 0 ? '…' : ''}${visible.slice(start, start + 200)}${start + 200 < visible.length ? '…' : ''}`;
    caret = d.col - 1 - start + (start > 0 ? 1 : 0);
  }
  return [`${rel(name)}:${d.line}:${d.col} ${severity}${d.path ? ` ${d.path}:` : ''} ${d.message}`, `${gutter} | ${shown}`, `${' '.repeat(gutter.length)} | ${' '.repeat(caret)}^`].join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const errorsOf = (name: string): Expected[] => {
  const outcome = OUTCOMES[name]!;
  return 'fails' in outcome ? outcome.fails : 'printFails' in outcome ? outcome.printFails : [];
};

/** What `bantin build FILE` prints on stderr. */
function expectedStderr(name: string): string {
  const outcome = OUTCOMES[name]!;
  if ('unreadable' in outcome) return `bantin: ${outcome.unreadable}\n`;
  if ('builds' in outcome) return outcome.builds.map((d) => `${printed(name, 'warning', d)}\n`).join('');
  const errors = errorsOf(name);
  return `${errors.map((d) => `${printed(name, 'error', d)}\n`).join('')}bantin: ${rel(name)} has errors; no PDF was written (${plural(errors.length, 'error')})\n`;
}

/** What a batch prints for this file: the same problems; a failure names the file in full (the count is in the summary table). */
function expectedInBatch(name: string): string {
  const outcome = OUTCOMES[name]!;
  if ('unreadable' in outcome || 'builds' in outcome) return expectedStderr(name);
  return `${errorsOf(name).map((d) => `${printed(name, 'error', d)}\n`).join('')}bantin: ${path.join(BAD_DIR, name)} has errors; no PDF was written\n`;
}

const noStack = (text: string) => expect(text).not.toMatch(/^ {4}at /m);

const names = Object.keys(OUTCOMES);
const failing = names.filter((name) => !('builds' in OUTCOMES[name]!));
const building = names.filter((name) => 'builds' in OUTCOMES[name]!);

/**
 * The batch's stderr before its summary table, file by file in the order given: a file that
 * failed ends with its "bantin: …" line; a file that built has only its warnings, each naming it.
 */
function perFile(stderr: string): { blocks: Map<string, string>; rest: string[]; table: string[] } {
  const lines = stderr.split('\n');
  const tableAt = lines.findIndex((l) => /^issue +pages +seconds +result$/.test(l));
  const report = lines.slice(0, tableAt < 0 ? lines.length : tableAt - 1);
  const blocks = new Map<string, string>();
  let at = 0;
  for (const name of names) {
    let block = '';
    if ('builds' in OUTCOMES[name]!) {
      // Warnings of this file: a header naming it, the line and the caret.
      while (at < report.length && report[at]!.startsWith(`${rel(name)}:`)) {
        block += `${report.slice(at, at + 3).join('\n')}\n`;
        at += 3;
      }
    } else {
      while (at < report.length) {
        block += `${report[at]}\n`;
        if (report[at++]!.startsWith('bantin: ')) break;
      }
    }
    blocks.set(name, block);
  }
  return { blocks, rest: report.slice(at), table: tableAt < 0 ? [] : lines.slice(tableAt + 1).filter(Boolean) };
}

describe('bantin build with the whole corpus (one batch, --out-dir)', () => {
  let dir: string;
  let run: CliRun;
  let split: ReturnType<typeof perFile>;
  const pdf = (name: string) => path.join(dir, `${path.basename(name, '.yaml')}.pdf`);
  beforeAll(async () => {
    dir = freshDir();
    // An earlier, good build of every file that must fail sits where its PDF would go.
    for (const name of failing) writeFileSync(pdf(name), EARLIER);
    run = await runCli(['build', ...names.map(rel), '--out-dir', dir], { ...inRepo, timeoutMs: 300_000 });
    split = perFile(run.stderr);
  }, 300_000);

  it('exits 1, builds the files that must build, lists only their PDFs, and leaves nothing else', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(1);
    noStack(run.stderr);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toBe(building.map((name) => `${pdf(name)}\n`).join(''));
    expect(readdirSync(dir).sort()).toEqual(names.map((name) => path.basename(pdf(name))).sort());
    expect(split.rest, 'nothing printed but each file\'s problems').toEqual([]);
    expect(split.table.at(-1)).toMatch(new RegExp(`^${building.length} of ${names.length} built in [\\d.]+ s$`));
  });

  it.each(failing)('%s fails with exactly its problems; the earlier PDF is untouched', (name) => {
    expect(split.blocks.get(name)).toBe(expectedInBatch(name));
    const errors = errorsOf(name);
    const row = split.table.find((l) => l.startsWith(`${rel(name)} `));
    expect(row, 'its line in the summary').toMatch(new RegExp(` – +– +failed${errors.length ? ` \\(${plural(errors.length, 'error')}\\)` : ''}$`));
    expect(readFileSync(pdf(name)).equals(EARLIER), 'the earlier PDF is untouched').toBe(true);
  });

  it.each(building)('%s builds with exactly its warnings, every font bundled, nothing outside the page', (name) => {
    expect(split.blocks.get(name)).toBe(expectedStderr(name));
    expect(split.table.find((l) => l.startsWith(`${rel(name)} `)), 'its line in the summary').toMatch(/ \d+ +[\d.]+ +(ok|\d+ warnings?)$/);
    // Fonts: every one embedded and bundled with bantin, none from the machine.
    const used = fonts(pdf(name));
    expect(used.filter((f) => !f.embedded || !BUNDLED.test(f.name))).toEqual([]);
    // Nothing printed outside its page.
    const outside = wordBoxes(pdf(name)).filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > w.width || w.yMax > w.height);
    expect(outside).toEqual([]);
  });

  describe('what the files that build print', () => {
    const built = (name: string) => pdf(name);

    it('zero-width.yaml prints no zero-width character, and the emoji joiner still joins', () => {
      const text = rawText(built('zero-width.yaml'));
      expect(text).toContain(TITLE);
      expect(text).not.toMatch(/[\u200B\u200C\u2060\uFEFF]/);
      expect(text).toContain('đangđược');
      expect(text).toContain('👩\u200D💻');
    });

    it('entity-invisible.yaml prints no zero-width character written as an entity', () => {
      const text = rawText(built('entity-invisible.yaml'));
      expect(text).not.toMatch(/[\u200B\u200C\u200E\u200F\u2060\uFEFF]|&#|&zwnj;|&lrm;/);
      expect(loose(text)).toContain(loose('nền kinhtế số quốc gia đangđược thiết lập với mục tiêu tỷ trọng đạt 30% GDP vào năm 2030.'));
    });

    it('markdown-code.yaml prints its code in a bundled font, every line of the block', () => {
      const text = pageTexts(built('markdown-code.yaml')).join(' ');
      expect(loose(text)).toContain(loose('Tra cứu bằng lệnh bantin check so-20-2026.yaml hoặc mở tệp du-lieu/kinh-te-so.csv.'));
      expect(loose(text)).toContain(loose('tỷ trọng kinh tế số: 18,3% (2025) → 30% (2030) GDP số/GDP: tăng 1,2 điểm mỗi năm'));
    });

    it('nfd.yaml prints composed (NFC) text', () => {
      const text = rawText(built('nfd.yaml'));
      expect(text).toContain(TITLE);
      expect(text).toContain('Điểm tin Khoa học Công nghệ');
      expect(text).not.toMatch(/\p{M}/u);
    });

    it('emoji.yaml prints the emoji with the bundled Noto Emoji', () => {
      const file = built('emoji.yaml');
      const pages = pageTexts(file);
      expect(pages.filter((p) => p.includes(`🚀 ${TITLE} 📈`))).toHaveLength(2); // TOC and article
      expect(pages.join(' ')).toContain('Mục tiêu 30% GDP 🇻🇳 vào năm 2030 ✅.');
      expect(fonts(file).some((f) => f.name.endsWith('+NotoEmoji-Regular'))).toBe(true);
    });

    it('markup.yaml prints the markup as text', () => {
      const all = pageTexts(built('markup.yaml')).join(' ');
      for (const literal of [
        '</STYLE><SCRIPT>ALERT(1)</SCRIPT> TIN TRONG NƯỚC', // part titles are set in capitals
        // Quotes print in the issue's one style, typographic by default (render/quotes.ts).
        '<script>alert(“tiêu đề”)</script> Kinh tế số {{7*7}} hướng tới 30% GDP </style>',
        '<script>document.title=“x”</script> Kinh tế số {{7*7}} và {{{html}}} </style><style>body{display:none}</style> đạt 30% GDP.',
      ]) {
        expect(loose(all)).toContain(loose(literal)); // lines may break anywhere in a long run of markup
      }
    });

    it('long-title.yaml prints all 2,000 characters of the title, in the TOC and above the article', () => {
      const title = readFileSync(path.join(BAD_DIR, 'long-title.yaml'), 'utf8').split('\n')[16]!.replace('        title: ', '');
      expect(title).toHaveLength(2000);
      const pages = pageTexts(built('long-title.yaml'));
      expect(pages.filter((p) => loose(p).includes(loose(title))).length).toBeGreaterThanOrEqual(2);
    });

    it('long-word.yaml prints every character of the 300-character word, wrapped', () => {
      const file = built('long-word.yaml');
      const pages = pageTexts(file);
      expect(loose(pages.join(' ')).split(LONG_WORD).length - 1).toBe(3); // TOC, title, body
      const boxes = wordBoxes(file).filter((w) => LONG_WORD.includes(w.word) && w.word.length > 20);
      expect(boxes.length, 'the word is broken over several lines').toBeGreaterThan(3);
      expect(Math.max(...boxes.map((b) => b.xMax))).toBeLessThanOrEqual(595.28);
    });
  });
});

describe('bantin build FILE -o OUT with one file of each way to fail', () => {
  // A file the schema refuses (three errors), one that is not text, one only the browser finds wrong.
  const ways = ['unknown-key.yaml', 'not-utf8.yaml', 'image-garbled.yaml'];
  it('covers each kind of failure in the table', () => {
    expect(ways.map((name) => Object.keys(OUTCOMES[name]!)[0])).toEqual(['fails', 'unreadable', 'printFails']);
  });

  it.each(ways)('%s: exit 1, the problems and the count, nothing on stdout, the earlier PDF untouched', async (name) => {
    const dir = freshDir();
    const output = path.join(dir, 'out.pdf');
    writeFileSync(output, EARLIER);
    const run = await runCli(['build', rel(name), '-o', output], inRepo);
    expect(run.stderr).toBe(expectedStderr(name));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    noStack(run.stderr);
    expect(readFileSync(output).equals(EARLIER), 'the earlier PDF is untouched').toBe(true);
    expect(readdirSync(dir)).toEqual(['out.pdf']);
  });
});

describe('bantin check with the corpus', () => {
  it('gives the same problems, one line of summary instead', async () => {
    const checked = failing.filter((name) => !('printFails' in OUTCOMES[name]!));
    const run = await runCli(['check', ...checked.map(rel)], inRepo);
    expect(run.code).toBe(1);
    for (const name of checked) {
      const outcome = OUTCOMES[name]!;
      if ('fails' in outcome) {
        for (const d of outcome.fails) expect(run.stderr).toContain(printed(name, 'error', d));
        expect(run.stderr).toContain(`bantin: ${rel(name)}: failed (${plural(outcome.fails.length, 'error')})`);
      } else if ('unreadable' in outcome) {
        expect(run.stderr).toContain(`bantin: ${outcome.unreadable}\n`);
      }
    }
    noStack(run.stderr);
  });

  it('passes what only the browser can find wrong (the build fails it, above)', async () => {
    const only = failing.filter((name) => 'printFails' in OUTCOMES[name]!);
    expect(only.length).toBeGreaterThan(0);
    const run = await runCli(['check', ...only.map(rel)], inRepo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('error');
  });
});

/** Every word box pdftotext finds, with its page's size. */
function wordBoxes(pdf: string): Array<{ page: number; word: string; xMin: number; xMax: number; yMin: number; yMax: number; width: number; height: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (m[1]) {
      page++;
      width = Number(m[1]);
      height = Number(m[2]);
    } else {
      out.push({ page, word: m[7]!, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), width, height });
    }
  }
  return out;
}

/** The PDF's text as pdftotext gives it, not normalized: NFD glyphs would show as NFD here. */
const rawText = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
/** Text with spaces, line-break hyphens and soft hyphens gone, to find a string that wraps. */
const loose = (text: string) => text.replace(/[\s\u00AD-]/g, '');
const BUNDLED = /^[A-Z]{6}\+(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-[A-Za-z]+)?$/;

