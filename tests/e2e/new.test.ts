/**
 * bantin new as an editor uses it: issue 21 from issue 20, built at once; never overwriting;
 * clear failures without a terminal.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCount, pageTexts, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');

function freshDir(name: string): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
}

describe('bantin new', () => {
  it('gives issue 21 after issue 20, and bantin build prints it at once', async () => {
    const dir = freshDir('from-20');
    copyFileSync(example, path.join(dir, 'so-20-2026.yaml'));
    const made = await runCli(['new', '--from', 'so-20-2026.yaml'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const output = path.join(dir, 'so-21-2026.yaml');
    expect(made.stdout).toBe(`${output}\n`);
    expect(made.stderr).toBe('issue 21/2026, week 1/6 – 7/6/2026 (after so-20-2026.yaml): replace the 5 placeholders, then run bantin check so-21-2026.yaml\n');
    expect(readFileSync(output, 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*\/schema\/issue\.schema\.json\n/);

    const built = await runCli(['build', 'so-21-2026.yaml'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toBe(`${path.join(dir, 'so-21-2026.pdf')}\n`);
    expect(built.stderr).toContain('so-21-2026.yaml:42:16 warning parts[1].articles[0].title: placeholder article left by "bantin new"');
    const pdf = path.join(dir, 'so-21-2026.pdf');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(5);
    const pages = pageTexts(pdf);
    expect(pages[0]).toContain('21/2026');
    expect(pages[1]).toContain('PHẦN II. TIN TRONG NƯỚC 1. 1/6: Tiêu đề bài viết');
  });

  it('new --from writes into the current folder, not beside the file it starts from', async () => {
    const source = freshDir('installed');
    const cwd = freshDir('editor');
    copyFileSync(example, path.join(source, 'so-20-2026.yaml'));
    const made = await runCli(['new', '--from', path.join(source, 'so-20-2026.yaml')], { cwd });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`${path.join(cwd, 'so-21-2026.yaml')}\n`);
    expect(readdirSync(source)).toEqual(['so-20-2026.yaml']);
  });

  it('continues the newest issue of the folder, and never overwrites a file', async () => {
    const dir = freshDir('newest');
    copyFileSync(example, path.join(dir, 'so-20-2026.yaml'));
    copyFileSync(path.join(repoRoot, 'examples/so-15-2026.yaml'), path.join(dir, 'so-15-2026.yaml'));
    const first = await runCli(['new', '--dir', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${path.join(dir, 'so-21-2026.yaml')}\n`);
    const before = readFileSync(path.join(dir, 'so-21-2026.yaml'), 'utf8');

    const again = await runCli(['new', '--from', path.join(dir, 'so-20-2026.yaml')], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(`bantin: ${path.join(dir, 'so-21-2026.yaml')} already exists: bantin new never overwrites a file (choose another name with -o)\n`);
    expect(readFileSync(path.join(dir, 'so-21-2026.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['so-15-2026.yaml', 'so-20-2026.yaml', 'so-21-2026.yaml']);
  });

  it('without a previous issue or a terminal, says which flags it needs (exit 1), then works with them', async () => {
    const dir = freshDir('series');
    const bare = await runCli(['new', '--yes'], { cwd: dir });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('bantin: there is no previous issue to continue: name one with --from, or start a series with --number 1/2026 --publisher');
    expect(readdirSync(dir)).toEqual([]);
    const flags = ['new', '--yes', '--number', '1/2027', '--week-start', '2027-01-04', '--publisher', 'Sở Khoa học và Công nghệ', '--publisher', 'Trung tâm Công nghệ thông tin và Truyền thông'];
    const made = await runCli(flags, { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`${path.join(dir, 'so-1-2027.yaml')}\n`);
    const checked = await runCli(['check', 'so-1-2027.yaml'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('so-1-2027.yaml: ok (');
  });

  it('rejects a malformed --number or --week-start as bad usage (exit 2)', async () => {
    for (const args of [['--number', '21-2026'], ['--week-start', '2026-02-30']]) {
      const run = await runCli(['new', '--from', example, ...args, '-o', path.join(work, 'x.yaml')]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/expected (number\/year|a real date)/);
    }
    expect(existsSync(path.join(work, 'x.yaml'))).toBe(false);
  });
});
