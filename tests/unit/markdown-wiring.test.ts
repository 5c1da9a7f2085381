/**
 * issue.md through the commands: load (the model, lint and its line numbers), bantin-ignore
 * comments, the previous issue found and continued by `new`, and `new --format md`.
 */
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestIssue, newIssue } from '../../src/commands/new/index.js';
import { ignoreDirectives } from '../../src/issue/lint/ignore.js';
import { loadIssueText } from '../../src/issue/load.js';
import { yamlToMarkdown } from '../../src/issue/markdown/index.js';

const repo = path.resolve(import.meta.dirname, '../..');
const so20 = yamlToMarkdown('so-20-2026.yaml', readFileSync(path.join(repo, 'examples/so-20-2026.yaml'), 'utf8')).text!;
let work: string;

beforeAll(async () => {
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'bantin-md-')));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an issue.md loads like its YAML', () => {
  it('builds the same model, with warnings at .md lines', async () => {
    const moved = so20.replace('## 25/05: Việt Nam đặt mục tiêu', '## 02/06: Việt Nam đặt mục tiêu');
    const { issue, diagnostics } = await loadIssueText(path.join(work, 'so-20-2026.md'), moved);
    expect(issue?.articles.length).toBeGreaterThan(30);
    const line = moved.split('\n').findIndex((l) => l.startsWith('## 02/06:')) + 1;
    expect(diagnostics.filter((d) => d.code === 'date-outside-period').map((d) => [d.line, d.col])).toEqual([[line, 4]]);
  });

  it('silences a warning with <!-- bantin-ignore: code --> before the item', async () => {
    const moved = so20.replace('## 25/05: Việt Nam đặt mục tiêu', '<!-- bantin-ignore: date-outside-period, date-order -->\n## 02/06: Việt Nam đặt mục tiêu');
    const { diagnostics, ignored } = await loadIssueText(path.join(work, 'so-20-2026.md'), moved);
    expect(diagnostics.filter((d) => d.code === 'date-outside-period')).toEqual([]);
    expect(ignored.map((d) => d.code)).toContain('date-outside-period');
  });

  it('reads # as a heading after the front matter and as a comment inside it', () => {
    const text = '---\n# bantin-ignore: cover-links\nseries: {}\n---\n<!-- bantin-ignore: empty-part -->\n# Tin trong nước\n';
    expect(ignoreDirectives(text, true)).toEqual(new Map([[3, new Set(['cover-links'])], [6, new Set(['empty-part'])]]));
  });
});

describe('bantin new and Markdown', () => {
  it('continues an issue.md, in Markdown unless told otherwise', async () => {
    const dir = path.join(work, 'new');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await writeFile(path.join(dir, 'so-20-2026.md'), so20);
    await writeFile(path.join(dir, 'README.md'), '# Bản tin\n');
    expect(await newestIssue(dir)).toBe(path.join(dir, 'so-20-2026.md'));
    const made = await newIssue({ dir });
    expect(made.output).toBe(path.join(dir, 'so-21-2026.md'));
    const text = await readFile(made.output, 'utf8');
    expect(text).toContain('\n## 01/06: Tiêu đề bài viết\nChi tiết: [Tên nguồn](https://example.com/bai-viet)\n');
    const { issue } = await loadIssueText(made.output, text);
    expect(issue?.number).toBe('21/2026');
    const yaml = await newIssue({ dir, format: 'yaml' });
    expect(yaml.output).toBe(path.join(dir, 'so-22-2026.yaml'));
  });
});
