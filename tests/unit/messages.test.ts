/** The two message catalogues: the same keys, the same placeholders, Vietnamese in NFC; the language chosen as documented. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { chooseLanguage, setLanguage, t, type UiLanguage } from '../../src/core/i18n.js';
import { en } from '../../src/core/messages/en.js';
import { vi } from '../../src/core/messages/vi.js';
import { formatDiagnostic, summarize } from '../../src/core/report.js';
import { loadIssue, loadIssueText } from '../../src/issue/load.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders in every message', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(vi[key]), key).toEqual(placeholders(en[key]));
  });

  it('write Vietnamese composed (NFC), without leftover English placeholders or empty texts', () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text, key).toBe(text.normalize('NFC'));
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('fill placeholders in the chosen language', () => {
    try {
      setLanguage('vi');
      expect(t('report.errors.many', { n: 3 })).toBe('3 lỗi');
      setLanguage('en');
      expect(t('report.errors.many', { n: 3 })).toBe('3 errors');
    } finally {
      setLanguage('en');
    }
  });
});

describe('the interface language', () => {
  it('is --lang, then BANTIN_LANG, then the locale, then English', () => {
    expect(chooseLanguage('vi', { BANTIN_LANG: 'en', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { BANTIN_LANG: 'vi', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { BANTIN_LANG: 'en', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, { LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { LC_MESSAGES: 'vi_VN', LANG: 'C' })).toBe('vi');
    expect(chooseLanguage(undefined, { LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(chooseLanguage(undefined, { LANG: 'C' })).toBe('en');
    expect(chooseLanguage(undefined, {})).toBe('en');
  });
});

/** Words of an English sentence; field names (source, url…) and the user's own quoted text aside. */
const ENGLISH = /(?<!\p{L})(expected|must|should|the|is not|cannot|can't|missing|unknown|got|delete|remove|keep|check|write|line|file|folder|did you mean|and|or|with|of)(?!\p{L})/iu;
/** A message without its quoted values and file paths (a clone may live in /check/…). */
const unquoted = (message: string) => message.replace(/"[^"]*"/g, '""').replace(/(?:\/[\w.-]+)+\/?/gu, '/…');

async function diagnosticsIn(language: UiLanguage, file: string): Promise<Diagnostic[] | string> {
  try {
    setLanguage(language);
    return (await loadIssue(file)).diagnostics;
  } catch (error) {
    return (error as Error).message;
  } finally {
    setLanguage('en');
  }
}

describe('an issue checked in Vietnamese', () => {
  it('has no English sentence left in the issue and lint messages of the catalogue', () => {
    for (const [key, text] of Object.entries(vi)) {
      if (key.startsWith('issue.') || key.startsWith('lint.')) expect(unquoted(text).replace(/\{\w+\}/g, ''), key).not.toMatch(ENGLISH);
    }
  });

  const fixtures = ['bad', 'lint'].flatMap((dir) =>
    readdirSync(path.join('tests/fixtures', dir))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => path.join('tests/fixtures', dir, name)),
  );

  it.each(fixtures)('%s: every message in Vietnamese, the same codes and places as in English', async (file) => {
    const english = await diagnosticsIn('en', file);
    const vietnamese = await diagnosticsIn('vi', file);
    if (typeof english === 'string' || typeof vietnamese === 'string') {
      // Unreadable (not UTF-8): one message, naming the same place.
      expect(typeof vietnamese, String(vietnamese)).toBe('string');
      expect(String(vietnamese).split(' ')[0]).toBe(String(english).split(' ')[0]);
      expect(vietnamese).not.toBe(english);
      expect(unquoted(String(vietnamese))).not.toMatch(ENGLISH);
      return;
    }
    const where = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.path}`);
    expect(where(vietnamese)).toEqual(where(english));
    vietnamese.forEach((d, i) => {
      expect(d.message, english[i]!.message).not.toBe(english[i]!.message);
      expect(unquoted(d.message), english[i]!.message).not.toMatch(ENGLISH);
      expect(d.message).toBe(d.message.normalize('NFC'));
    });
  });

  it('says what is wrong with a small broken issue, and counts in Vietnamese', async () => {
    const broken = [
      'series:',
      '  titel: Điểm tin',
      'issue:',
      '  number: "20"',
      '  week: {start: 2026-05-25, end: 2026-05-31}',
      'parts:',
      '  - kind: news',
      '    title: Tin trong nước',
      '    articles:',
      '      - date: 2026-02-30',
      '        title: ""',
      '        body: [x]',
      '        source: {name: VnExpress, url: "ftp://x"}',
      '  - kind: notes',
      '    title: Ghi chú',
      'page: {size: A3, margins: {top: 2}}',
      'cover: {highlights: [{group: Nhóm, items: []}]}',
    ].join('\n');
    const load = async (language: UiLanguage) => {
      try {
        setLanguage(language);
        const { diagnostics } = await loadIssueText('so-20.yaml', broken);
        const color = new Chalk({ level: 0 });
        return { diagnostics, lines: diagnostics.map((d) => formatDiagnostic(d, color)), summary: summarize(diagnostics) };
      } finally {
        setLanguage('en');
      }
    };
    const english = await load('en');
    const vietnamese = await load('vi');
    expect(english.summary).toBe(`${english.diagnostics.length} errors`);
    expect(vietnamese.summary).toBe(`${english.diagnostics.length} lỗi`);
    expect(vietnamese.diagnostics.map((d) => [d.code, d.path, d.line, d.col])).toEqual(english.diagnostics.map((d) => [d.code, d.path, d.line, d.col]));
    expect(english.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['unknown-key', 'missing', 'schema']));
    for (const line of vietnamese.lines) {
      expect(line).toMatch(/^so-20\.yaml:\d+:\d+ lỗi /);
      expect(unquoted(line.split('\n')[0]!.replace(/^\S+ lỗi \S+/, '')), line).not.toMatch(ENGLISH);
    }
    const messages = vietnamese.diagnostics.map((d) => `${d.path}: ${d.message}`);
    expect(messages).toContain('series.titel: trường lạ "titel": có phải ý bạn là "title"?');
    expect(messages).toContain('series.title: thiếu trường bắt buộc "title": cần tên bản tin, ví dụ Điểm tin Khoa học Công nghệ (dạng chữ)');
    expect(messages).toContain('issue.number: cần số bản tin viết theo dạng số/năm, ví dụ 20/2026');
  });

  it('puts zod’s own words into Vietnamese too (a missing block, a list too short)', async () => {
    try {
      setLanguage('vi');
      const { diagnostics } = await loadIssueText('x.yaml', 'issue: {number: 20/2026, week: {start: 2026-05-25, end: 2026-05-31}}\nparts: []\nseries: {title: T, publisher: [P], masthead: []}');
      expect(diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([
        'parts: cần ít nhất một phần',
        'series.masthead: cần ít nhất 1 mục',
      ]);
      const missing = await loadIssueText('x.yaml', 'issue: {number: 20/2026, week: {start: 2026-05-25, end: 2026-05-31}}\nparts: [{kind: news, title: T, articles: []}]');
      expect(missing.diagnostics.map((d) => d.message)).toEqual(['thiếu trường bắt buộc "series": cần một khối trường (tên: giá trị)']);
    } finally {
      setLanguage('en');
    }
  });
});
