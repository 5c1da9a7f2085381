/**
 * bantin import as an editor uses it: the Word draft of issue 20 (made from the seed's text,
 * items as bold lines) becomes an issue file that `bantin check` passes and `bantin build`
 * prints; a file that is no .docx is one line on stderr, exit 1, and nothing written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDocx, seedDraft } from '../unit/docx-draft.js';
import { pageTexts } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-import-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const freshDir = (name: string) => mkdtempSync(path.join(work, `${name}-`));

describe('bantin import', () => {
  it('turns the draft of issue 20 into an issue that passes check and builds', async () => {
    const dir = freshDir('so-20');
    const draft = seedDraft('so-20-2026-haiphong.txt', 'bold');
    writeFileSync(path.join(dir, 'ban-thao-so-20.docx'), await makeDocx(draft.blocks));

    const imported = await runCli(['import', 'ban-thao-so-20.docx', '-o', 'so-20-2026.yaml'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const output = path.join(dir, 'so-20-2026.yaml');
    expect(imported.stdout).toBe(`${output}\n`);
    expect(imported.stderr).toContain(`wrote so-20-2026.yaml: ${draft.items.length} items in 4 parts`);
    expect(imported.stderr).toContain('  Tin trong nước: 14 items');
    expect(imported.stderr).toContain('  Tin Hải Phòng: 16 items');
    // Issue 20's first spotlight story names no source in the bulletin either.
    expect(imported.stderr).toMatch(/items without source or link or date:\n {2}paragraph \d+: Hội thảo khoa học quốc gia .* \(no source or link\)\n/);

    const checked = await runCli(['check', 'so-20-2026.yaml'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);

    const built = await runCli(['build', 'so-20-2026.yaml'], { cwd: dir, timeoutMs: 180_000 });
    expect(built.code, built.stderr).toBe(0);
    const pages = pageTexts(path.join(dir, 'so-20-2026.pdf'));
    expect(pages[0]).toContain('20/2026');
    expect(pages.join('\n')).toContain('Việt Nam đặt mục tiêu hình thành 50 nhóm nghiên cứu mạnh đến năm 2035');
    expect(pages.join('\n')).toContain('Chi tiết: Bộ KH-CN');
  });

  it('writes the Markdown form, in Vietnamese', async () => {
    const dir = freshDir('md');
    writeFileSync(path.join(dir, 'ban-thao.docx'), await makeDocx(seedDraft('so-15-2026-haiphong.txt', 'headings').blocks));
    const imported = await runCli(['import', 'ban-thao.docx', '-o', 'so-15-2026.md'], { cwd: dir, env: { ...process.env, BANTIN_LANG: 'vi' } });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('đã ghi so-15-2026.md: 43 tin trong 4 phần');
    expect(readFileSync(path.join(dir, 'so-15-2026.md'), 'utf8')).toContain('# Tin trong nước');
    const checked = await runCli(['check', 'so-15-2026.md'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
  });

  it('refuses a PDF renamed .docx: one line, exit 1, nothing written', async () => {
    const dir = freshDir('pdf');
    writeFileSync(path.join(dir, 'ban-thao.docx'), '%PDF-1.7\n%âãÏÓ\n');
    const run = await runCli(['import', 'ban-thao.docx'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('ban-thao.docx is not a Word draft bantin can read: it is a PDF');
    expect(readdirSync(dir)).toEqual(['ban-thao.docx']);
  });

  it('never replaces an existing issue file without --force', async () => {
    const dir = freshDir('exists');
    writeFileSync(path.join(dir, 'ban-thao.docx'), await makeDocx(seedDraft('so-20-2026-haiphong.txt', 'headings').blocks));
    writeFileSync(path.join(dir, 'ban-thao.yaml'), 'kept\n');
    const refused = await runCli(['import', 'ban-thao.docx'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ban-thao.yaml already exists');
    expect(readFileSync(path.join(dir, 'ban-thao.yaml'), 'utf8')).toBe('kept\n');
    const forced = await runCli(['import', 'ban-thao.docx', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'ban-thao.yaml'), 'utf8')).toContain('title: Tin trong nước');
  });
});
