/**
 * Issue 10: bantin never destroys what the user owns and no input hangs it. Outputs that are
 * inputs, links, devices or folders; reading devices and FIFOs; glob characters in names; numbers
 * out of range. Most cases stop before any browser starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCount, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-userfiles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const fixtures = path.join(repoRoot, 'tests/fixtures/images');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const env = { ...process.env, NO_COLOR: '1' };

function fresh(name: string): string {
  return mkdtempSync(path.join(work, `${name}-`));
}

/** A folder with the example issue in it. */
function withIssue(name: string): { dir: string; input: string; text: string } {
  const dir = fresh(name);
  const input = path.join(dir, 'issue.yaml');
  copyFileSync(example, input);
  return { dir, input, text: readFileSync(input, 'utf8') };
}

/** A folder with the image fixture issue (two images). */
function withImages(name: string): { dir: string; input: string } {
  const dir = fresh(name);
  for (const f of readdirSync(fixtures)) copyFileSync(path.join(fixtures, f), path.join(dir, f));
  return { dir, input: path.join(dir, 'issue.yaml') };
}

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('outputs never replace inputs (exit 2, nothing touched)', () => {
  it('refuses -o naming the issue itself, however it is spelled or linked', async () => {
    const { dir, input, text } = withIssue('self');
    mkdirSync(path.join(dir, 'x'));
    linkSync(input, path.join(dir, 'hard.pdf'));
    const spellings = [input, path.join(dir, 'x/../issue.yaml'), './issue.yaml', path.join(dir, 'hard.pdf')];
    // A "browser" that says when it is started: a refused output starts none.
    const started = path.join(work, 'self-browser-started');
    const browser = path.join(work, 'self-browser');
    writeFileSync(browser, `#!/bin/sh\ntouch '${started}'\nexit 1\n`, { mode: 0o755 });
    for (const output of spellings) {
      const run = await runCli(['build', input, '-o', output, '--browser', browser], { cwd: dir, env });
      expect(run.code, `${output}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('never overwrites its inputs');
      noStack(run.stderr);
      expect(readFileSync(input, 'utf8')).toBe(text);
    }
    expect(existsSync(started), 'no browser started for a refused output').toBe(false);
    for (const args of [['build', input, '--watch', '-o', input], ['preview', input, '-o', input]]) {
      const run = await runCli(args, { cwd: dir, env, timeoutMs: 30_000 });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(readFileSync(input, 'utf8')).toBe(text);
    }
    expect(readdirSync(dir).sort()).toEqual(['hard.pdf', 'issue.yaml', 'x']);
  });

  it('refuses -o naming an image of the issue or a style of bantin', async () => {
    const { dir, input } = withImages('image');
    const photo = path.join(dir, 'cang-hai-phong.jpg');
    const before = readFileSync(photo);
    const run = await runCli(['build', input, '-o', photo], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(readFileSync(photo).equals(before)).toBe(true);
    const css = path.join(repoRoot, 'styles', readdirSync(path.join(repoRoot, 'styles')).find((f) => f.endsWith('.css'))!);
    const style = readFileSync(css);
    const own = await runCli(['build', input, '-o', css], { env });
    expect(own.code, own.stderr).toBe(2);
    expect(readFileSync(css).equals(style)).toBe(true);
  });

  it('refuses a symlink, a FIFO and colliding --html as outputs', async () => {
    const { dir, input } = withIssue('special');
    const target = path.join(dir, 'elsewhere.pdf');
    writeFileSync(target, 'keep me');
    symlinkSync(target, path.join(dir, 'link.pdf'));
    mkfifo(path.join(dir, 'pipe.pdf'));
    for (const name of ['link.pdf', 'pipe.pdf']) {
      const run = await runCli(['build', input, '-o', path.join(dir, name)], { env, timeoutMs: 30_000 });
      expect(run.code, `${name}: ${run.stderr}`).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(lstatSync(path.join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.pdf'))).toBe(target);
    expect(lstatSync(path.join(dir, 'pipe.pdf')).isFIFO()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const html = await runCli(['build', input, '-o', path.join(dir, 'out.html'), '--html'], { env });
    expect(html.code, html.stderr).toBe(2);
    expect(html.stderr).toContain('written twice');
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.pdf', 'issue.yaml', 'link.pdf', 'pipe.pdf']);
  });
});

describe('outputs that cannot be written: one line, exit 1, nothing written', () => {
  it('-o an existing folder, --out-dir a file, --out-dir under /proc', async () => {
    const { dir, input } = withIssue('cannot');
    mkdirSync(path.join(dir, 'folder.pdf'));
    writeFileSync(path.join(dir, 'afile'), 'x');
    const cases: Array<[string[], RegExp]> = [
      [['build', input, '-o', path.join(dir, 'folder.pdf')], /it is a folder/],
      [['build', input, '--out-dir', path.join(dir, 'afile')], /is a file, not a folder/],
      [['build', input, '--out-dir', path.join(dir, 'afile', 'sub')], /is a file, not a folder/],
      [['build', input, '--out-dir', '/proc/bantin-x'], /cannot create the folder \/proc\/bantin-x/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { env, timeoutMs: 30_000 });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      noStack(run.stderr);
    }
    expect(readdirSync(dir).sort()).toEqual(['afile', 'folder.pdf', 'issue.yaml']);
    expect(readdirSync(path.join(dir, 'folder.pdf'))).toEqual([]);
  });

  // A 64 KB tmpfs (root only): the PDF does not fit.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('a full disk', async () => {
    const { dir, input } = withIssue('full');
    const mnt = path.join(dir, 'small');
    mkdirSync(mnt);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status !== 0) return;
    try {
      const run = await runCli(['build', input, '-o', path.join(mnt, 'out.pdf'), '--html'], { env });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/cannot write .*out\.(pdf|html): the disk is full; nothing was written/);
      noStack(run.stderr);
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('file names with glob characters', () => {
  it('a literal file wins over the pattern; its sibling is not rebuilt', async () => {
    const dir = fresh('glob');
    const literal = path.join(dir, 'issue[1].yaml');
    copyFileSync(example, literal);
    copyFileSync(example, path.join(dir, 'issue1.yaml'));
    const run = await runCli(['build', literal, '-o', path.join(dir, 'out.pdf')], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${path.join(dir, 'out.pdf')}\n`);
    expect(pageCount(path.join(dir, 'out.pdf'))).toBeGreaterThan(10);
    expect(existsSync(path.join(dir, 'issue1.pdf'))).toBe(false);
  });
});

describe('reading: regular files only, with a size cap', () => {
  it('refuses devices, FIFOs, links to them and oversized files without hanging', async () => {
    const dir = fresh('read');
    mkfifo(path.join(dir, 'pipe.yaml'));
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 51 * 1024 * 1024);
    const cases: Array<[string, RegExp]> = [
      ['/dev/zero', /it is a device, not a file/],
      [path.join(dir, 'zero.yaml'), /it is a device, not a file/],
      [path.join(dir, 'pipe.yaml'), /it is a FIFO/],
      [big, /it is 51 MB, more than the 50 MB bantin reads/],
    ];
    for (const [file, message] of cases) {
      const run = await runCli(['check', file], { env, timeoutMs: 20_000 });
      expect(run.code, `${file}: ${run.stderr}`).toBe(1);
      expect(run.stderr + run.stdout).toMatch(message);
      noStack(run.stderr);
    }
  });

  it('an image that is a FIFO is an error at its line, not a hang', async () => {
    const { dir, input } = withImages('fifo-image');
    rmSync(path.join(dir, 'small-chart.png'));
    mkfifo(path.join(dir, 'small-chart.png'));
    const run = await runCli(['check', input], { env, timeoutMs: 20_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/issue\.yaml:\d+:\d+ error .*image\.src: cannot read "small-chart\.png": it is a FIFO/);
  });

  it('bantin new skips a FIFO named like an issue', async () => {
    const dir = fresh('new-fifo');
    copyFileSync(example, path.join(dir, 'so-20-2026.yaml'));
    mkfifo(path.join(dir, 'so-99-2026.yaml'));
    const run = await runCli(['new', '--dir', dir, '--yes'], { env, cwd: dir, timeoutMs: 20_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'so-21-2026.yaml'))).toBe(true);
  });

  it('normalises ./x and a/../x image paths: the image prints, no warning', async () => {
    const { dir, input } = withImages('dotted');
    mkdirSync(path.join(dir, 'images'));
    const text = readFileSync(input, 'utf8').replace('src: cang-hai-phong.jpg', 'src: ./cang-hai-phong.jpg').replace('src: small-chart.png', 'src: images/../small-chart.png');
    writeFileSync(input, text);
    const run = await runCli(['build', input, '-o', path.join(dir, 'out.pdf')], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/series\.logo|blocked a request/);
    const images = execFileSync('pdfimages', ['-list', path.join(dir, 'out.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    // The photo and the chart (QR codes are vector graphics).
    expect(images.length).toBeGreaterThanOrEqual(2);
  });
});

describe('numbers are range-checked (exit 2, naming the range)', () => {
  it('refuses --timeout, --bleed, --jobs, --port and SOURCE_DATE_EPOCH out of range', async () => {
    const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [['build', example, '--timeout', '1e9'], env, /from 1 to 3600 s/],
      [['build', example, '--timeout', '1000000000'], env, /from 1 to 3600 s/],
      [['build', example, '--profile', 'press', '--bleed', '100000'], env, /from 1 to 20 mm/],
      [['build', example, example, '--jobs', '0'], env, /from 1 to 16/],
      [['build', example, '--watch', '--serve', '70000'], env, /from 1 to 65535/],
      [['preview', example, '--port', '4300.5'], env, /from 0 to 65535/],
      [['build', example], { ...env, SOURCE_DATE_EPOCH: '99999999999999' }, /SOURCE_DATE_EPOCH=99999999999999 .*from 0 to 253402300799/],
    ];
    for (const [args, environment, message] of cases) {
      const run = await runCli(args, { env: environment, timeoutMs: 20_000 });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(message);
      noStack(run.stderr);
    }
  });
});

describe('preview', () => {
  it('a port in use: a clear message suggesting --port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as net.AddressInfo;
    try {
      const { input } = withIssue('port');
      const run = await runCli(['preview', input, '--port', String(port)], { env, timeoutMs: 60_000 });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`port ${port} is in use`);
      expect(run.stderr).toContain('--port');
      noStack(run.stderr);
    } finally {
      server.close();
    }
  });
});
