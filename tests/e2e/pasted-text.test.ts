/**
 * Pasted text through the shipped command line (issue 27): `check --fix` on a YAML issue of the
 * seeds' items pasted with Word's habits, and what a reader sees in the PDF of a Markdown issue
 * pasted the same way (pdftotext).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedIssueYaml } from '../unit/seed-issue.js';
import { pageTexts, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-pasted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const inWork = { cwd: work };

describe('bantin check --fix', () => {
  const clean = seedIssueYaml(12);
  const title = /\n {8}title: (.*)\n/.exec(clean)![1]!;
  const paragraph = /\n {10}(\S.*)\n/.exec(clean)![1]!;
  const pasted = clean
    .replace(`title: ${title}\n`, `title: Hải Phòng: ${title}\n`)
    .replace(`\n          ${paragraph}`, `\n\t${paragraph}  `)
    .replace('date: 2026-04-21', 'date: 21/4/2026')
    .replace(/\n/g, '\r\n');

  it('makes an issue with an unquoted "Hải Phòng: …" title, a pasted tab and a 21/4/2026 date pass check; the title prints unchanged', async () => {
    writeFileSync(path.join(work, 'so-15.yaml'), pasted);
    const before = await runCli(['check', 'so-15.yaml'], inWork);
    expect(before.code).toBe(1);
    const dry = await runCli(['check', '--fix', '--dry-run', 'so-15.yaml'], inWork);
    expect(dry.stdout).toContain(`-        title: Hải Phòng: ${title}\n+        title: "Hải Phòng: ${title}"\n`);
    expect(readFileSync(path.join(work, 'so-15.yaml'), 'utf8')).toBe(pasted);
    const run = await runCli(['check', '--fix', 'so-15.yaml'], inWork);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(`so-15.yaml:${pasted.split('\r\n').indexOf(`        title: Hải Phòng: ${title}`) + 1}: put the text of title in double quotes, as typed`);
    expect(lines.some((l) => /^so-15\.yaml:\d+: replaced the tab at the start of the line with 10 spaces$/.test(l))).toBe(true);
    expect(lines.some((l) => /^so-15\.yaml:\d+: wrote the date 21\/4\/2026 as 2026-04-21$/.test(l))).toBe(true);
    expect(run.stderr).toBe('so-15.yaml: 4 fix(es) written\n');
    const after = readFileSync(path.join(work, 'so-15.yaml'), 'utf8');
    expect(after).toBe(clean.replace(`title: ${title}\n`, `title: "Hải Phòng: ${title}"\n`).replace(/\n/g, '\r\n'));
    const build = await runCli(['build', 'so-15.yaml'], { ...inWork, timeoutMs: 180_000 });
    expect(build.code, build.stderr).toBe(0);
    expect(pageTexts(path.join(work, 'so-15.pdf')).join(' ')).toContain(`Hải Phòng: ${title}`);
  }, 240_000);

  it('--dry-run alone is a usage error (exit 2)', async () => {
    const run = await runCli(['check', '--dry-run', 'so-15.yaml'], inWork);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--dry-run goes with --fix');
  });
});

describe('a Markdown issue pasted from the seeds, as printed', () => {
  it('prints the tab-led paragraph and the "label: text" line as typed, every quote typographic, CO₂ as a subscript', async () => {
    const md = path.join(work, 'pasted.md');
    copyFileSync(path.join(repoRoot, 'tests/fixtures/markdown/pasted.md'), md);
    writeFileSync(md, `${readFileSync(md, 'utf8')}\nPhát thải CO~2~e giảm 10^6^ tấn, nhà xưởng 1.000 m<sup>2</sup>.\n`);
    const run = await runCli(['build', 'pasted.md'], { ...inWork, timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
    const text = pageTexts(path.join(work, 'pasted.pdf')).join(' ');
    expect(text).toContain('vượt qua “thung lũng chết” ra thị trường');
    expect(text).toContain('Mô hình này không chỉ giúp giảm thiểu rủi ro cho doanh nghiệp mà còn đóng vai trò thuyết phục “người mua đầu tiên”');
    expect(text).toContain('Lời giải: phát triển mạnh mẽ các thiết chế này là yêu cầu cấp thiết để công nghệ không còn ‘nằm trong ngăn kéo’');
    expect(text).toContain('‘Chậm một nhịp công nghệ, Việt Nam có thể lỡ cơ hội tăng trưởng’');
    expect(text).not.toMatch(/["']/);
    expect(text).toContain('Phát thải CO2e giảm 106 tấn, nhà xưởng 1.000 m2.');
  }, 240_000);
});
