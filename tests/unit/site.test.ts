/**
 * bantin site's pure parts: the folder names, --shard K/N and how it splits a batch, the Atom
 * feed (parsed by a strict XML parser) and the search index.
 */
import vm from 'node:vm';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { atomFeed, nameUuid } from '../../src/site/feed.js';
import { newestFirst } from '../../src/site/index-page.js';
import type { SiteIssue } from '../../src/site/record.js';
import { searchScript } from '../../src/site/search.js';
import { inShard, parseShard } from '../../src/site/shard.js';
import { slugFor } from '../../src/site/slug.js';

describe('slugFor', () => {
  it.each([
    ['issues/so-20-2026.yaml', 'so-20-2026'],
    ['/a/b/Số 20 (2026).md', 'so-20-2026'],
    ['Điểm tin tháng 10.yaml', 'diem-tin-thang-10'],
    ['--__.yaml', 'issue'],
    ['SO_15__2026.YAML', 'so-15-2026'],
  ])('%s → %s', (file, slug) => {
    expect(slugFor(file)).toBe(slug);
  });

  it('stays short enough for any file system, without a trailing hyphen', () => {
    const slug = slugFor(`${'tin-'.repeat(40)}.yaml`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).not.toMatch(/-$/);
  });
});

describe('--shard K/N', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('reads %j', (value, shard) => {
    expect(parseShard(value)).toEqual(shard);
  });

  it.each(['0/4', '5/4', '2/0', '1.5/4', '2 of 4', '-1/2', '1/', '/2', '', '1/1001'])('refuses %j', (value) => {
    expect(parseShard(value)).toBeUndefined();
  });

  it('puts every issue in exactly one part, by position modulo N, keeping the order', () => {
    const files = Array.from({ length: 23 }, (_, i) => `so-${i}.yaml`);
    for (const count of [1, 2, 3, 7, 23, 30]) {
      const parts = Array.from({ length: count }, (_, k) => inShard(files, { index: k + 1, count }));
      expect(parts.flat().sort()).toEqual([...files].sort());
      for (const part of parts) expect(part).toEqual(files.filter((f) => part.includes(f)));
    }
    expect(inShard(files, { index: 2, count: 3 })).toEqual(['so-1.yaml', 'so-4.yaml', 'so-7.yaml', 'so-10.yaml', 'so-13.yaml', 'so-16.yaml', 'so-19.yaml', 'so-22.yaml']);
    expect(inShard(files, undefined)).toEqual(files);
  });
});

const issue = (slug: string, end: string, extra: Partial<SiteIssue> = {}): SiteIssue => ({
  slug,
  title: `Điểm tin số ${slug}`,
  series: 'Điểm tin Khoa học & Công nghệ',
  number: slug,
  period: `Tuần đến ${end}`,
  start: end,
  end,
  publisher: ['Sở Khoa học và Công nghệ', 'Trung tâm <CNTT>'],
  language: 'vi',
  description: 'Trong số này: "AI" & <chip>',
  parts: [{ id: 'phan-1', title: 'Tin trong nước' }],
  items: [{ id: 'tin-a', title: 'Vệ tinh </script> đầu tiên' }],
  files: { web: `${slug}.html`, pdf: `${slug}.pdf`, image: `${slug}.png` },
  colors: {} as SiteIssue['colors'],
  labels: {} as SiteIssue['labels'],
  ...extra,
});

/** The feed as elements: name → [{attributes, text}], after a strict parse (throws on any error). */
function parseXml(xml: string): Array<{ path: string; attributes: Record<string, string>; text: string }> {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Array<{ path: string; attributes: Record<string, string>; text: string }> = [];
  const out: typeof stack = [];
  parser.on('opentag', (tag) => {
    const path = [...stack.slice(-1).map((s) => s.path), tag.local].join('/');
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value]));
    stack.push({ path, attributes, text: '' });
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => out.push(stack.pop()!));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return out;
}

describe('the Atom feed', () => {
  const issues = newestFirst([issue('so-15-2026', '2026-04-26'), issue('so-20-2026', '2026-05-31')]);
  const elements = parseXml(atomFeed(issues));
  const all = (path: string) => elements.filter((e) => e.path === path);

  it('is well-formed Atom with the required feed elements', () => {
    expect(all('feed')).toHaveLength(1);
    expect(all('feed/id')[0]!.text).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all('feed/title')[0]!.text).toBe('Điểm tin Khoa học & Công nghệ');
    expect(all('feed/updated')[0]!.text).toBe('2026-05-31T00:00:00Z');
    expect(all('feed/author/name').map((e) => e.text)).toEqual(['Sở Khoa học và Công nghệ', 'Trung tâm <CNTT>']);
  });

  it('has one entry per issue, newest first, each with id, updated, title, links and author', () => {
    const entries = all('feed/entry');
    expect(entries).toHaveLength(2);
    expect(all('feed/entry/title').map((e) => e.text)).toEqual(['Điểm tin số so-20-2026 · Tuần đến 2026-05-31', 'Điểm tin số so-15-2026 · Tuần đến 2026-04-26']);
    expect(all('feed/entry/updated').map((e) => e.text)).toEqual(['2026-05-31T00:00:00Z', '2026-04-26T00:00:00Z']);
    const ids = all('feed/entry/id').map((e) => e.text);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe(nameUuid('Điểm tin Khoa học & Công nghệ/so-20-2026'));
    expect(all('feed/entry/link').map((e) => [e.attributes.rel, e.attributes.href])).toEqual([
      ['alternate', 'so-20-2026/so-20-2026.html'],
      ['enclosure', 'so-20-2026/so-20-2026.pdf'],
      ['alternate', 'so-15-2026/so-15-2026.html'],
      ['enclosure', 'so-15-2026/so-15-2026.pdf'],
    ]);
    expect(all('feed/entry/author')).toHaveLength(4);
    expect(all('feed/entry/summary')[0]!.text).toBe('Trong số này: "AI" & <chip>');
  });

  it('gives an entry the same id on every run, whatever else changed', () => {
    const again = parseXml(atomFeed([issue('so-20-2026', '2026-06-01', { title: 'Another title' })]));
    expect(again.find((e) => e.path === 'feed/entry/id')!.text).toBe(all('feed/entry/id')[0]!.text);
  });

  it('percent-encodes folder names in links, and drops characters XML cannot hold', () => {
    const odd = parseXml(atomFeed([issue('so 1#', '2026-01-04', { title: 'Tin\u0001 lạ' })]));
    expect(odd.find((e) => e.path === 'feed/entry/link')!.attributes.href).toBe('so%201%23/so%201%23.html');
    expect(odd.find((e) => e.path === 'feed/entry/title')!.text).toBe('Tin lạ · Tuần đến 2026-01-04');
  });
});

describe('the search index', () => {
  it('is a script setting window.bantinSearch: titles, summaries, parts and items with anchors, nothing that ends a script', () => {
    const script = searchScript([issue('so-20-2026', '2026-05-31')]);
    expect(script).not.toContain('</script>');
    const window: { bantinSearch?: unknown } = {};
    vm.runInNewContext(script, { window });
    expect(window.bantinSearch).toEqual([
      {
        t: 'Điểm tin số so-20-2026',
        p: 'Tuần đến 2026-05-31',
        u: 'so-20-2026/so-20-2026.html',
        s: 'Trong số này: "AI" & <chip>',
        i: [
          ['Tin trong nước', 'phan-1'],
          ['Vệ tinh </script> đầu tiên', 'tin-a'],
        ],
      },
    ]);
  });
});

describe('newestFirst', () => {
  it('sorts by the period’s last day, then its first, then the folder', () => {
    const sorted = newestFirst([issue('a', '2026-01-04'), issue('c', '2026-03-01', { start: '2026-02-01' }), issue('b', '2026-03-01', { start: '2026-02-23' }), issue('d', '2025-12-28')]);
    expect(sorted.map((i) => i.slug)).toEqual(['b', 'c', 'a', 'd']);
  });
});
