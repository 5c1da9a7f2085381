/**
 * bantin check --fix (issue 27, item 4): the safe fixes, made line by line on seed items pasted
 * the way editors paste them; the file keeps its comments and layout, passes `check` afterwards
 * when those were its only problems, and is left alone when a fix cannot be verified.
 */
import { lstat, mkdtemp, readFile, rm, symlink, writeFile, chmod, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixFile } from '../../src/commands/fix.js';
import { loadIssueText } from '../../src/issue/load.js';
import { seedIssueYaml } from './seed-issue.js';

// Every folder a test makes is removed at the end: a test leaves nothing behind.
const made: string[] = [];
const folder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bantin-fix-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function fixed(name: string, text: string, dryRun = false) {
  const file = path.join(await folder(), name);
  await writeFile(file, text);
  const result = await fixFile(file, { dryRun });
  return { file, result, after: await readFile(file, 'utf8') };
}

const ZWSP = '\u200B';
const SOFT_HYPHEN = '\u00AD';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('check --fix on a YAML issue', () => {
  const clean = `# Điểm tin số 15 (a comment the fix keeps)\n${seedIssueYaml(8)}`;
  const title = /\n {8}title: (.*)\n/.exec(clean)![1]!;
  // What Word and the web leave in a paste, each on its own line.
  const pasted = clean
    .replace(`title: ${title}\n`, `title: Hải Phòng: ${title}   # keep this comment\n`)
    .replace('date: 2026-04-21', 'date: 21/4/2026')
    .replace(/(\n {10}\S[^\n]{20})/, `$1${ZWSP}`)
    .replace(/(\n {10}\S[^\n]{40})/, `$1${SOFT_HYPHEN}`)
    .replace(/(\n {10}\S[^\n]*)\n/, '$1  \n');

  it('makes the issue pass check, each change listed at its line, and the title prints as typed', async () => {
    expect((await loadIssueText('/tmp/x.yaml', pasted)).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const { result, after } = await fixed('so-15.yaml', pasted);
    expect(result.written).toBe(true);
    expect(result.fixes.map((f) => f.line)).toEqual([...result.fixes.map((f) => f.line)].sort((a, b) => a - b));
    expect(result.fixes.map((f) => f.what)).toEqual(
      expect.arrayContaining([
        'put the text of title in double quotes, as typed',
        'wrote the date 21/4/2026 as 2026-04-21',
        'removed the spaces at the end of the line',
        expect.stringMatching(/^removed 1 invisible character/),
      ]),
    );
    expect(result.fixes.find((f) => f.what.startsWith('put the text'))!.line).toBe(lineOf(pasted, 'Hải Phòng: '));
    const { issue, diagnostics } = await loadIssueText('/tmp/x.yaml', after);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issue!.articles.map((a) => a.title)).toContain(`Hải Phòng: ${title}`);
    // Comments and layout: the file is the clean one but for the quotes and the date's place.
    expect(after).toContain(`title: "Hải Phòng: ${title}" # keep this comment\n`);
    expect(after.split('\n').length).toBe(pasted.split('\n').length);
    expect(after.replace(`"Hải Phòng: ${title}" # keep this comment`, title)).toBe(clean.replace('date: 2026-04-21', 'date: 2026-04-21'));
  });

  it('replaces a pasted tab with the spaces of the line above, and keeps CRLF line ends', async () => {
    const paragraph = /\n {10}(\S.*)\n/.exec(clean)![1]!;
    const crlf = clean.replace(`\n          ${paragraph}`, `\n\t${paragraph}`).replace(/\n/g, '\r\n');
    const { result, after } = await fixed('so-15.yaml', crlf);
    expect(result.fixes).toEqual([{ line: lineOf(crlf, `\t${paragraph}`), what: 'replaced the tab at the start of the line with 10 spaces' }]);
    expect(after).toBe(clean.replace(/\n/g, '\r\n'));
  });

  it('replaces non-breaking spaces in an indentation with plain ones', async () => {
    const text = clean.replace('\n        source:', `\n${'\u00A0'.repeat(8)}source:`);
    const { result, after } = await fixed('so-15.yaml', text);
    expect(result.fixes).toEqual([{ line: lineOf(text, '\u00A0source:'), what: 'replaced the non-breaking spaces at the start of the line with 8 spaces' }]);
    expect(after).toBe(clean);
  });

  it("quotes a title that starts with a quoted part ('Lời giải' cho …), keeping its quotes", async () => {
    const text = clean.replace(`title: ${title}\n`, `title: 'Lời giải' cho ${title}\n`);
    const { after } = await fixed('so-15.yaml', text);
    const { issue } = await loadIssueText('/tmp/x.yaml', after);
    expect(issue!.articles.map((a) => a.title)).toContain(`'Lời giải' cho ${title}`);
  });

  it('--dry-run prints a diff and writes nothing', async () => {
    const { result, after } = await fixed('so-15.yaml', pasted, true);
    expect(after).toBe(pasted);
    expect(result.written).toBe(false);
    expect(result.diff).toContain(`-        title: Hải Phòng: ${title}   # keep this comment\n+        title: "Hải Phòng: ${title}" # keep this comment\n`);
    expect(result.diff).toContain('-      - date: 21/4/2026\n+      - date: 2026-04-21\n');
  });

  it('leaves a file with nothing to fix untouched (not even rewritten)', async () => {
    const { file, result } = await fixed('so-15.yaml', clean);
    const before = await stat(file);
    expect(result).toMatchObject({ fixes: [], written: false });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('leaves the file untouched when the fixed file would still not read (a { never closed)', async () => {
    const broken = pasted.replace(/\n {8}source:\n {10}name: (.*)\n {10}url: (.*)\n/, '\n        source: {name: $1, url: $2\n');
    const { result, after } = await fixed('so-15.yaml', broken);
    expect(broken).not.toBe(pasted);
    expect(result.fixes.length).toBeGreaterThan(0);
    expect(result.refused).toMatch(/^the fixed file would not read as an issue file: nothing was changed/);
    expect(after).toBe(broken);
  });

  it('keeps the file’s permissions, and refuses to write through a symbolic link', async () => {
    const { file } = await fixed('so-15.yaml', clean);
    await writeFile(file, pasted);
    await chmod(file, 0o640);
    await fixFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    const link = path.join(path.dirname(file), 'link.yaml');
    await symlink(file, link);
    await writeFile(file, pasted);
    await expect(fixFile(link)).rejects.toThrow(/is a symbolic link/);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(pasted);
  });
});

describe('check --fix on a Markdown issue', () => {
  it('fixes the body lines and the front matter, and keeps the Markdown as written', async () => {
    const md = `---\n# front matter comment\nseries:\n  title: Điểm tin Khoa học Công nghệ\n  publisher: [Sở Khoa học và Công nghệ]\nissue:\n  number: 15/2026\n  week: {start: 20/4/2026, end: 26/4/2026}\n---\n\n# Tin trong nước\n\n## 20/4: 'Chậm một nhịp công nghệ', Việt Nam có thể lỡ cơ hội\nChi tiết: [VCCI](https://vcci.com.vn/cham-mot-nhip.htm)   \n\n\tTại kỳ họp Quốc${ZWSP} hội, các đại biểu cảnh báo Việt Nam rủi ro đánh mất lợi thế cạnh tranh.\n`;
    const { result, after } = await fixed('so-15.md', md);
    expect(result.fixes.map((f) => [f.line, f.what])).toEqual([
      [8, 'wrote the date 20/4/2026 as 2026-04-20'],
      [8, 'wrote the date 26/4/2026 as 2026-04-26'],
      [14, 'removed the spaces at the end of the line'],
      [16, expect.stringMatching(/^removed 1 invisible character/)],
    ]);
    expect(after).toContain('# front matter comment\n');
    // A tab before a body paragraph is harmless in Markdown (no indented code): left as typed.
    expect(after).toContain('\n\tTại kỳ họp Quốc hội,');
    const { diagnostics } = await loadIssueText('/tmp/x.md', after);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
