/** How a problem looks in the terminal: file:line:col, severity, field, message, the line and a caret. */
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, formatDiagnostic, summarize } from '../../src/core/report.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { edit, load, MINIMAL_ISSUE, VOV_URL } from './helpers.js';

const plain = new Chalk({ level: 0 });

const URL_ERROR: Diagnostic = {
  severity: 'error',
  file: 'examples/so-20-2026.yaml',
  line: 18,
  col: 16,
  path: 'parts[0].articles[0].source.url',
  message: 'expected a web address starting with https:// or http://',
  sourceLine: '          url: javascript:alert(1)',
  code: 'schema',
};

describe('formatDiagnostic', () => {
  it('prints the position, the field, the message, the line and a caret under the column', () => {
    expect(formatDiagnostic(URL_ERROR, plain).split('\n')).toEqual([
      'examples/so-20-2026.yaml:18:16 error parts[0].articles[0].source.url: expected a web address starting with https:// or http://',
      '   18 |           url: javascript:alert(1)',
      '      |                ^',
    ]);
  });

  it('shows at most ~200 characters of a long line around the column, cut with "…", the caret still under its character', () => {
    const title = 'Kinh tế số hướng tới 30% GDP. '.repeat(200_000); // a 6 MB line
    const line = `        title: ${title}`;
    const at = (col: number) => formatDiagnostic({ ...URL_ERROR, col, sourceLine: line }, plain).split('\n');
    const [, start, startCaret] = at(16);
    expect(start).toBe(`   18 | ${line.slice(0, EXCERPT_CHARS)}…`);
    expect(startCaret).toBe(`      | ${' '.repeat(15)}^`);
    const [, middle, middleCaret] = at(3_000_001);
    expect(middle!.length).toBeLessThanOrEqual('   18 | '.length + EXCERPT_CHARS + 2);
    expect(middle).toBe(`   18 | …${line.slice(3_000_000 - 100, 3_000_000 + 100)}…`);
    expect(middle![middleCaret!.indexOf('^')]).toBe(line[3_000_000]);
    const [, end, endCaret] = at(line.length);
    expect(end).toBe(`   18 | …${line.slice(-EXCERPT_CHARS)}`);
    expect(end![endCaret!.indexOf('^')]).toBe(line.at(-1));
  });

  it('never cuts an emoji in half', () => {
    const line = '😀'.repeat(300);
    const [, shown] = formatDiagnostic({ ...URL_ERROR, col: 301, sourceLine: line }, plain).split('\n');
    expect([...shown!.slice('   18 | '.length)].every((c) => c === '😀' || c === '…')).toBe(true);
  });

  it('puts the caret under the offending character', () => {
    const [, source, caret] = formatDiagnostic(URL_ERROR, plain).split('\n');
    const gutter = '   18 | '.length;
    expect(caret!.indexOf('^') - gutter).toBe(URL_ERROR.col - 1);
    expect(source!.slice(gutter + URL_ERROR.col - 1)).toBe('javascript:alert(1)');
  });

  it('shows a file under the working folder relative to it', () => {
    const cwd = path.resolve('/work/bulletins');
    const out = formatDiagnostic({ ...URL_ERROR, file: path.join(cwd, 'so-20', 'so-20-2026.yaml') }, plain, cwd);
    expect(out.split('\n')[0]).toMatch(/^so-20[/\\]so-20-2026\.yaml:18:16 error /);
  });

  it('prints warnings, whole-file problems without a field, and problems without a source line', () => {
    const warning: Diagnostic = { ...URL_ERROR, severity: 'warning', path: '', sourceLine: undefined, message: 'tin ngoài tuần' };
    expect(formatDiagnostic(warning, plain)).toBe('examples/so-20-2026.yaml:18:16 warning tin ngoài tuần');
  });

  it('turns tabs into spaces so the caret stays aligned', () => {
    const tab: Diagnostic = { ...URL_ERROR, line: 4, col: 1, path: '', sourceLine: '\t- Sở Khoa học và Công nghệ' };
    expect(formatDiagnostic(tab, plain).split('\n').slice(1)).toEqual(['    4 |  - Sở Khoa học và Công nghệ', '      | ^']);
  });

  it('formats a diagnostic straight from the loader', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, VOV_URL, 'ftp://vov.vn/x'), '/work/bulletins/so-20-2026.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(formatDiagnostic(diagnostics[0]!, plain, '/work/bulletins').split('\n')).toEqual([
      'so-20-2026.yaml:18:16 error parts[0].articles[0].source.url: expected a web address starting with https:// or http:// (e.g. https://mst.gov.vn/bai-viet)',
      '   18 |           url: ftp://vov.vn/x',
      '      |                ^',
    ]);
  });

  it('adds colour only when the chalk instance has it', () => {
    const coloured = formatDiagnostic(URL_ERROR, new Chalk({ level: 1 }));
    expect(coloured).toContain('\u001b[');
    expect(formatDiagnostic(URL_ERROR, plain)).not.toContain('\u001b[');
  });
});

describe('summarize', () => {
  it('counts errors and warnings in words', () => {
    const warning = { ...URL_ERROR, severity: 'warning' as const };
    expect(summarize([URL_ERROR])).toBe('1 error');
    expect(summarize([URL_ERROR, URL_ERROR, warning])).toBe('2 errors, 1 warning');
    expect(summarize([warning, warning])).toBe('2 warnings');
    expect(summarize([])).toBe('');
  });
});
