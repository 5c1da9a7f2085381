/**
 * Issue 26, from the command line: pictures, themes and flags made to hurt. Each case ends with a
 * clear message and exit 1 or 2 (never 70, never a stack), or with a PDF that carries nothing it
 * should not. Temporary folders under os.tmpdir(), removed after; only processes these tests
 * start are signalled.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { browserFailure, openBrowser } from '../../src/print/browser.js';
import { processTree } from '../../src/print/memory-watch.js';
import { bin, repoRoot } from '../e2e/pdf-tools.js';
import { runCli } from '../e2e/run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-hostile-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1' };
const fixtures = path.join(repoRoot, 'tests/fixtures');
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const noStack = (text: string) => {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toContain('internal error');
};

/** A fresh folder holding the image fixture issue (a photo and a chart), the chart replaced by `chart`. */
function imageIssue(name: string, chart?: { file: string; bytes: Buffer | string }): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(work, `${name}-`));
  for (const f of readdirSync(path.join(fixtures, 'images'))) copyFileSync(path.join(fixtures, 'images', f), path.join(dir, f));
  const input = path.join(dir, 'issue.yaml');
  if (chart) {
    writeFileSync(path.join(dir, chart.file), chart.bytes);
    writeFileSync(input, readFileSync(input, 'utf8').replace('src: small-chart.png', `src: ${chart.file}`));
  }
  return { dir, input };
}

function withExample(name: string): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(work, `${name}-`));
  const input = path.join(dir, 'issue.yaml');
  copyFileSync(example, input);
  return { dir, input };
}

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
function useBomb(levels: number): string {
  let defs = '<rect id="a0" width="1" height="1"/>';
  for (let i = 1; i <= levels; i++) defs += `<g id="a${i}">${`<use href="#a${i - 1}"/>`.repeat(10)}</g>`;
  return `<svg ${SVG_NS} width="100" height="100"><defs>${defs}</defs><use href="#a${levels}"/></svg>`;
}

describe('SVG (items 4, 13): refused at check time, on the image field’s line', () => {
  it.each([
    ['a <use> bomb', 'bomb.svg', useBomb(7), /repeats its shapes through <use> .* into 46,913,572 elements/],
    ['an <image> from the web', 'remote.svg', `<svg ${SVG_NS} width="10" height="10"><image href="http://127.0.0.1:9/x.png" width="10" height="10"/></svg>`, /refers to "http:\/\/127\.0\.0\.1:9\/x\.png" in href=/],
  ])('%s: check and build exit 1 before any browser', async (_name, file, bytes, message) => {
    const { dir, input } = imageIssue('svg', { file, bytes });
    const line = readFileSync(input, 'utf8').split('\n').findIndex((l) => l.includes(`src: ${file}`)) + 1;
    for (const command of ['check', 'build']) {
      const run = await runCli([command, input], { env, timeoutMs: 60_000 });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`issue\\.yaml:${line}:\\d+ error parts\\[0\\]\\.articles\\[1\\]\\.image\\.src: "${file.replace('.', '\\.')}"`));
      expect(run.stderr).toMatch(message);
      noStack(run.stderr);
    }
    expect(readdirSync(dir)).not.toContain('issue.pdf');
  });
});

describe('the memory watch on the browser (item 4, the last line of defence)', () => {
  it('ends a browser whose renderer grows past the limit, and says so', async () => {
    const owned = await openBrowser({ memoryLimit: 400 * 1024 * 1024 });
    try {
      const page = await owned.browser.newPage();
      const growing = page.evaluate(async () => {
        const kept: Uint8Array[] = [];
        for (let i = 0; i < 300; i++) {
          kept.push(new Uint8Array(10 * 1024 * 1024).fill(i));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return kept.length;
      });
      const error = await growing.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'the page was allowed 3 GB').toBeDefined();
      const failure = browserFailure(error, owned.browser, 60_000);
      expect(failure?.message).toMatch(/^the browser needed more than 0\.4 GB of memory \(one of its processes held 0\.\d GB\), so bantin ended it; nothing was written\./);
    } finally {
      await owned.close();
    }
  });
});

// A tmpfs mounted for the test (root only), filled up: Chromium keeps its files in TMPDIR.
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
describe.skipIf(!canMount)('a full TMPDIR (low)', () => {
  it('is named, not reported as a browser crash', async () => {
    const { dir, input } = withExample('tmpdir');
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', tmp]).status !== 0) return;
    try {
      spawnSync('dd', ['if=/dev/zero', `of=${path.join(tmp, 'fill')}`, 'bs=64k', 'count=100']);
      const run = await runCli(['build', input], { env: { ...env, TMPDIR: tmp }, timeoutMs: 90_000 });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`the temporary folder ${tmp} is full \\(0 MB free\\), and the browser keeps its files there: free some space, or set TMPDIR`));
      expect(run.stderr).not.toContain('crashed');
      noStack(run.stderr);
    } finally {
      spawnSync('umount', ['-l', tmp]);
    }
  });
});

/** Every link annotation's target in a PDF: URI, or the destination's name. */
async function linkTargets(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.getPages().flatMap((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annots?.asArray() ?? []).map((_, i) => {
      const annot = annots!.lookup(i, PDFDict);
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      return uri instanceof PDFString ? uri.decodeText() : `#${String(annot.get(PDFName.of('Dest')) ?? annot.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('D')))}`;
    });
  });
}

describe('links (item 7): a theme that prints issue fields as HTML', () => {
  const rawTheme = path.join(fixtures, 'hostile/raw-theme');
  const HOSTILE_TITLE = `Cảng <a href="javascript:alert(1)">nước sâu</a> <a href="file:///etc/passwd">Lạch Huyện</a> <a href="https://thhp.vn/cang">mở</a> <a href="mailto:toasoan@thhp.vn">rộng</a> <a href="#muc-luc">mục lục</a>`;

  it.each([[[]], [['--pdfa']], [['--no-tags']]])('keeps only http(s), mailto and internal links %j, and warns naming each target', async (flags: string[]) => {
    const { dir, input } = imageIssue('links');
    const text = readFileSync(input, 'utf8').replace('title: Hợp tác đầu tư phát triển cảng nước sâu tại Lạch Huyện', `title: '${HOSTILE_TITLE}'`);
    writeFileSync(input, text);
    const line = text.split('\n').findIndex((l) => l.includes('javascript:')) + 1;
    const output = path.join(dir, 'out.pdf');
    const run = await runCli(['build', input, '--theme', rawTheme, '-o', output, ...flags], { env, timeoutMs: 90_000 });
    expect(run.code, run.stderr).toBe(0);
    for (const target of ['javascript:alert(1)', 'file:///etc/passwd']) {
      expect(run.stderr).toContain(`issue.yaml:${line}:16 warning parts[0].articles[0].title: a link to "${target}" was left out of the PDF`);
    }
    const targets = await linkTargets(output);
    expect(targets.filter((t) => !/^(https?:|mailto:|#)/.test(t))).toEqual([]);
    expect(targets).toEqual(expect.arrayContaining(['https://thhp.vn/cang', 'mailto:toasoan@thhp.vn', '#/muc-luc']));
    expect(spawnSync('qpdf', ['--check', output]).status, 'qpdf --check').toBe(0);
  });
});

describe('template mistakes (item 8): check errors with the theme file and line, never exit 70', () => {
  it.each([
    ['a partial outside the theme', '<figure>{{> "../x"}}</figure>', /figure\.hbs:1:9 error no partial is called "\.\.\/x": expected one of article, .* \(a partial is named, never reached by a path\)/],
    ['a dynamic partial', '<figure>{{> (lookup . "src")}}</figure>', /figure\.hbs:1:9 error a partial named by an expression/],
    ['a partial that includes itself', '<figure>{{> figure}}</figure>', /figure\.hbs:1:9 error the partial "figure" includes itself/],
    ['an unknown helper', '<figure>{{helperMissing}} {{frobnicate src}}</figure>', /figure\.hbs:1:9 error \{\{helperMissing\}\} is Handlebars' own hook/],
  ])('%s', async (_name, figure, message) => {
    const { dir, input } = imageIssue('template');
    const themeDir = path.join(dir, 'theme');
    mkdirSync(path.join(themeDir, 'partials'), { recursive: true });
    writeFileSync(path.join(themeDir, 'theme.yaml'), 'name: broken\nextends: haiphong\n');
    writeFileSync(path.join(themeDir, 'partials/figure.hbs'), figure);
    for (const command of ['check', 'build']) {
      const run = await runCli([command, input, '--theme', themeDir], { env, cwd: dir, timeoutMs: 60_000 });
      expect(run.code, `${command}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(message);
      noStack(run.stderr);
    }
    expect(readdirSync(dir)).not.toContain('issue.pdf');
  });
});

describe('internal errors that were the user’s mistake (item 10): exit 1 or 2, never 70', () => {
  it('-o below a regular file', async () => {
    const { dir, input } = withExample('below-file');
    writeFileSync(path.join(dir, 'afile'), 'x');
    const run = await runCli(['build', input, '-o', path.join(dir, 'afile/x.pdf')], { env, timeoutMs: 90_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim()).toBe(`bantin: cannot write ${path.join(dir, 'afile/x.pdf')}: ${path.join(dir, 'afile')} is a file, not a folder; nothing was written`);
    expect(readdirSync(dir).sort()).toEqual(['afile', 'issue.yaml']);
  });

  it('new --week-start 9999-12-31, new --from an issue whose part title holds a line break', async () => {
    const { dir, input } = withExample('new');
    const late = await runCli(['new', '-y', '--from', input, '--week-start', '9999-12-31', '-o', path.join(dir, 'late.yaml')], { env });
    expect(late.code, late.stderr).toBe(1);
    expect(late.stderr).toMatch(/^bantin: cannot start the next issue: the new issue's week would run past 31\/12\/9999/);
    writeFileSync(input, readFileSync(input, 'utf8').replace('title: Tin trong nước', 'title: "Tin trong\\nnước"'));
    const next = path.join(dir, 'next.yaml');
    const made = await runCli(['new', '-y', '--from', input, '-o', next], { env });
    expect(made.code, made.stderr).toBe(0);
    const check = await runCli(['check', next], { env });
    expect(check.code, check.stderr).toBe(0);
    noStack(late.stderr + made.stderr);
  });
});

describe('low items', () => {
  it('--pdfa --no-tags is refused (exit 2): a PDF/A from bantin is tagged', async () => {
    const { dir, input } = withExample('pdfa-untagged');
    const run = await runCli(['build', input, '--pdfa', '--no-tags'], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('error: --pdfa and --no-tags do not go together: a PDF/A file from bantin is also tagged (accessible); leave out --no-tags');
    expect(readdirSync(dir)).toEqual(['issue.yaml']);
  });

  it('an SVG gets no low-resolution warning (it has no pixels); a small PNG still does', async () => {
    const svg = `<svg ${SVG_NS} width="40" height="30" viewBox="0 0 40 30"><rect width="40" height="30" fill="#0c3460"/></svg>`;
    const { input } = imageIssue('svg-dpi', { file: 'chart.svg', bytes: svg });
    const run = await runCli(['build', input], { env, timeoutMs: 90_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/chart\.svg prints at \d+ dpi/);
    const png = imageIssue('png-dpi');
    const small = await runCli(['build', png.input], { env, timeoutMs: 90_000 });
    expect(small.stderr).toMatch(/small-chart\.png prints at \d+ dpi/);
  });

  it('--cmyk keeps a CMYK JPEG as JPEG (it became lossless, three times the size)', async () => {
    const { dir, input } = imageIssue('cmyk-jpeg', { file: 'cmyk-photo.jpg', bytes: readFileSync(path.join(fixtures, 'hostile/cmyk-photo.jpg')) });
    const output = path.join(dir, 'out.pdf');
    const run = await runCli(['build', input, '--cmyk', '-o', output], { env, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const list = spawnSync('pdfimages', ['-list', output], { encoding: 'utf8' }).stdout;
    const row = list.split('\n').find((line) => /\bimage\s+99\s+140\b/.test(line));
    expect(row, list).toMatch(/\bcmyk\s+4\s+8\s+jpeg\b/);
  });

  it('SIGTERM while Ghostscript converts (--cmyk): the interruption is reported, not a Ghostscript error', async () => {
    // Several moments into Ghostscript's work: the message raced the exit.
    for (const delayMs of [0, 150, 300, 450]) {
      const { dir, input } = withExample(`cmyk-term-${delayMs}`);
      const stderr = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, 'build', input, '--cmyk'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let text = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (text += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        // Ghostscript is a child of the bantin this test started: looked for among its children only.
        const poll = setInterval(() => {
          const gs = processTree(child.pid!).slice(1).some((pid) => commandName(pid) === 'gs');
          if (!gs) return;
          clearInterval(poll);
          setTimeout(() => child.kill('SIGTERM'), delayMs);
        }, 10);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve({ code, text });
        });
      });
      if (stderr.code === 0) continue; // Ghostscript finished first: nothing to see this time
      expect(stderr.code, stderr.text).toBe(143);
      expect(stderr.text.trim()).toBe('interrupted (SIGTERM): cleaning up');
      expect(readdirSync(dir)).toEqual(['issue.yaml']);
    }
  });

  it('--watch: an output that becomes a link is reported, and the watch carries on', async () => {
    const { dir, input } = withExample('watch-link');
    const output = path.join(dir, 'out.pdf');
    const child = spawn(process.execPath, [bin, 'build', input, '--watch', '-o', output], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const err = { text: '' };
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err.text += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const seen = (pattern: RegExp, count = 1) => eventually(() => (err.text.match(new RegExp(pattern.source, 'g'))?.length ?? 0) >= count, 60_000);
    try {
      await seen(/built .*out\.pdf/);
      rmSync(output);
      writeFileSync(path.join(dir, 'elsewhere.pdf'), 'mine');
      symlinkSync(path.join(dir, 'elsewhere.pdf'), output);
      writeFileSync(input, `${readFileSync(input, 'utf8')}\n`);
      await seen(/out\.pdf is a symbolic link: bantin never writes through a link/);
      await seen(/watching for changes/, 2);
      expect(child.exitCode).toBeNull();
      rmSync(output);
      writeFileSync(input, `${readFileSync(input, 'utf8')}\n`);
      await seen(/built .*out\.pdf/, 2);
      expect(readFileSync(path.join(dir, 'elsewhere.pdf'), 'utf8')).toBe('mine');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(130);
    noStack(err.text);
  });
});

function commandName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Resolves once `check()` holds, polling; rejects after `ms`. */
async function eventually(check: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
