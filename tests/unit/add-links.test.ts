/**
 * bantin add as a library call, against pages served on 127.0.0.1: four good links and a dead
 * one into "Tin trong nước" of the example issue, every comment and line kept; links the issue
 * or the previous issue has skipped; nothing written when nothing is added; issue.md too.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinks } from '../../src/commands/add/index.js';
import { yamlToMarkdown } from '../../src/issue/markdown/index.js';
import { loadIssue } from '../../src/issue/load.js';
import { bareMetaPage, jsonLdPage, noDescriptionPage, openGraphPage, SEED, startNewsServer, windows1258, type NewsServer } from './news-pages.js';

const example = path.resolve('examples/so-20-2026.yaml');
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-add-'));
let server: NewsServer;
const [a, b, c, d, e] = SEED as [(typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number]];

beforeAll(async () => {
  const oldPage = Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1258"><meta property="og:site_name" content="'),
    windows1258('Đài Phát thanh và Truyền hình Hải Phòng'),
    Buffer.from('"><title>'),
    windows1258(d.headline),
    Buffer.from('</title><meta name="description" content="'),
    windows1258(d.body.split('\n\n')[0]!.slice(0, 300)),
    Buffer.from('"><meta property="article:published_time" content="2026-05-29T10:15:00+07:00"></head><body><p>x</p></body></html>'),
  ]);
  server = await startNewsServer({
    '/ttxvn/bai-1.html': { body: jsonLdPage(a, '2026-05-26', 'Thông tấn xã Việt Nam') },
    '/baochinhphu/bai-2.htm': { body: openGraphPage(b, '2026-05-27', 'Báo điện tử Chính phủ') },
    '/baohaiphong/bai-3.html': { body: bareMetaPage(c, '2026-05-28') },
    '/thp/bai-4.aspx': { body: oldPage, headers: { 'content-type': 'text/html' } },
    '/ngan/4': { status: 302, headers: { location: '/thp/bai-4.aspx?utm_source=zalo&utm_medium=chat' } },
    '/portal/bai-5': { body: noDescriptionPage(e, '2026-05-29') },
    [`/dai/${'x'.repeat(2100)}`]: { body: openGraphPage(b, '2026-05-27') },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function freshIssue(name: string): string {
  const dir = mkdtempSync(path.join(work, `${name}-`));
  const file = path.join(dir, 'so-20-2026.yaml');
  copyFileSync(example, file);
  return file;
}

/** Every line of `before`, in order, is in `after`. */
function keepsEveryLine(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at++ >= lines.length) return false;
  }
  return true;
}

type Data = { parts: Array<{ title: string; articles?: Array<Record<string, unknown>> }> };

describe('bantin add', () => {
  it('appends four drafts to the chosen part, names the dead link, keeps every line of the file', async () => {
    const file = freshIssue('four');
    const before = readFileSync(file, 'utf8');
    const links = [`${server.base}/ttxvn/bai-1.html?utm_source=facebook&fbclid=IwAR1`, `${server.base}/baochinhphu/bai-2.htm`, `${server.base}/chet/404.html`, `${server.base}/baohaiphong/bai-3.html`, `${server.base}/ngan/4`];
    const result = await addLinks({ issue: file, urls: links, part: 'Tin trong nước' });
    expect(result.outcomes.map((o) => o.kind)).toEqual(['added', 'added', 'failed', 'added', 'added']);
    expect(result.outcomes[2]).toEqual({ kind: 'failed', url: links[2], reason: 'the page does not exist (HTTP 404)' });
    expect(result).toMatchObject({ added: 4, failed: 1, written: true, part: { number: 2, title: 'Tin trong nước' } });

    const after = readFileSync(file, 'utf8');
    expect(keepsEveryLine(before, after)).toBe(true);
    expect(after.split('\n').length - before.split('\n').length).toBeGreaterThan(4 * 7);
    const old = parse(before) as Data;
    const now = parse(after) as Data;
    const added = now.parts[1]!.articles!.filter((x) => x.draft);
    expect(now.parts[1]!.articles!.filter((x) => !x.draft)).toEqual(old.parts[1]!.articles);
    // Each at its date's place: the issue lists its items oldest first, and still does.
    const dates = now.parts[1]!.articles!.map((x) => String(x.date));
    expect(dates).toEqual([...dates].sort());
    expect(added.map((x) => x.title)).toEqual([a.headline, b.headline, c.headline, d.headline]);
    expect(added.map((x) => x.date)).toEqual(['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29']);
    // The issue's own spellings: TTXVN, Báo Chính phủ, Báo Hải Phòng, Đài PTTH Hải Phòng.
    expect(added.map((x) => (x.source as { name: string }).name)).toEqual(['TTXVN', 'Báo Chính phủ', 'Báo Hải Phòng', 'Đài PTTH Hải Phòng']);
    expect(added.map((x) => (x.source as { url: string }).url)).toEqual([`${server.base}/ttxvn/bai-1.html`, `${server.base}/baochinhphu/bai-2.htm`, `${server.base}/baohaiphong/bai-3.html`, `${server.base}/thp/bai-4.aspx`]);
    for (const x of added) {
      expect(x.draft).toBe(true);
      expect(String(x.body).length).toBeLessThan(700);
    }
    // The other parts are as they were.
    expect(now.parts.filter((_, i) => i !== 1)).toEqual(old.parts.filter((_, i) => i !== 1));
    // Each draft has its comment, at the list's indentation.
    expect(after.match(/^ {6}# drafted by bantin add/gm)).toHaveLength(4);

    const loaded = await loadIssue(file);
    expect(loaded.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const drafts = loaded.diagnostics.filter((x) => x.code === 'draft-item');
    expect(drafts).toHaveLength(4);
    expect(drafts[0]!.path).toMatch(/^parts\[1\]\.articles\[\d+\]\.draft$/);
  });

  it('skips a link the issue has (tracking aside) and one the previous issue had, fetching neither', async () => {
    const file = freshIssue('skip');
    const dir = path.dirname(file);
    const previous = readFileSync(example, 'utf8')
      .replace('number: 20/2026', 'number: 19/2026')
      .replace('start: 2026-05-25', 'start: 2026-05-18')
      .replace('end: 2026-05-31', 'end: 2026-05-24')
      .replace('https://baohaiphong.vn/hai-phong-phan-dau-450-doanh-nghiep-khoi-nghiep-sang-tao-nam-2030-541237.html', `${server.base}/baohaiphong/bai-3.html`);
    writeFileSync(path.join(dir, 'so-19-2026.yaml'), previous);
    const inIssue = 'https://mst.gov.vn/viet-nam-dat-muc-tieu-hinh-thanh-50-nhom-nghien-cuu-manh-den-nam-2035-197260525081512345.htm?utm_campaign=x';
    const hits = server.hits.length;
    const before = readFileSync(file, 'utf8');
    const links = [inIssue, `${server.base}/baohaiphong/bai-3.html?utm_source=zalo`, `${server.base}/portal/bai-5`, `${server.base}/portal/bai-5#top`];
    const result = await addLinks({ issue: file, urls: links, part: '4' });
    expect(result.outcomes.map((o) => o.kind)).toEqual(['skipped', 'skipped', 'added', 'skipped']);
    expect(result.outcomes[0]).toMatchObject({ reason: 'the issue has this article already (parts[1].articles[0])' });
    expect(result.outcomes[1]).toMatchObject({ reason: 'the previous issue, so-19-2026.yaml, had this article (parts[3].articles[0])' });
    expect(result.outcomes[3]).toMatchObject({ reason: `the same article as ${server.base}/portal/bai-5, added once` });
    // The page prints its date only as text: the draft takes the issue's first day, and says so.
    expect(result.outcomes[2]).toMatchObject({ notes: ['the page gives no date: dated 2026-05-25, the issue’s first day; correct it'] });
    expect(server.hits.length - hits).toBe(1);
    const now = parse(readFileSync(file, 'utf8')) as Data;
    const at = now.parts[3]!.articles!.findIndex((x) => x.draft);
    expect(now.parts[3]!.articles![at]).toMatchObject({ title: e.headline, date: '2026-05-25', draft: true });
    expect(keepsEveryLine(before, readFileSync(file, 'utf8'))).toBe(true);

    const again = await addLinks({ issue: file, urls: [`${server.base}/portal/bai-5`], part: '4' });
    expect(again.outcomes[0]).toMatchObject({ kind: 'skipped', reason: `the issue has this article already (parts[3].articles[${at}])` });
    expect(again.written).toBe(false);
  });

  it('adds an article once when a short link and its own address are both given', async () => {
    const file = freshIssue('short');
    const result = await addLinks({ issue: file, urls: [`${server.base}/ngan/4`, `${server.base}/thp/bai-4.aspx`], part: '4' });
    expect(result.outcomes.map((o) => o.kind)).toEqual(['skipped', 'added']);
    expect(result.outcomes[0]).toMatchObject({ reason: `the same article as ${server.base}/thp/bai-4.aspx, added once` });
    expect(result.added).toBe(1);
  });

  it('writes nothing when every link fails', async () => {
    const file = freshIssue('none');
    const before = readFileSync(file);
    const result = await addLinks({ issue: file, urls: [`${server.base}/khong-co`, 'ftp://127.0.0.1/x', `${server.base}/dai/${'x'.repeat(2100)}`], part: '2' });
    expect(result.outcomes.map((o) => o.kind === 'failed' && o.reason)).toEqual([
      'the page does not exist (HTTP 404)',
      'only http and https pages can be added, not ftp:',
      // What the schema refuses fails that link alone, in the schema's words.
      'what the page says cannot make an item (source.url: expected a web address of at most 2000 characters: use the article\'s short link)',
    ]);
    expect(result.written).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reads a saved page with --offline, fetching nothing, and keeps the file’s permissions', async () => {
    const file = freshIssue('offline');
    const saved = path.join(path.dirname(file), 'bai.html');
    writeFileSync(saved, openGraphPage(b, '2026-05-30', 'Báo điện tử Chính phủ'));
    chmodSync(file, 0o640);
    const hits = server.hits.length;
    const result = await addLinks({ issue: file, urls: ['https://baochinhphu.vn/bai-moi-102260530.htm'], offline: [saved], part: '2' });
    expect(result.added).toBe(1);
    // Rewritten in place, it keeps its permissions.
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(server.hits.length).toBe(hits);
    expect((parse(readFileSync(file, 'utf8')) as Data).parts[1]!.articles!.find((x) => x.draft)).toMatchObject({ date: '2026-05-30', source: { name: 'Báo Chính phủ', url: 'https://baochinhphu.vn/bai-moi-102260530.htm' } });
  });

  it('puts into a ```bantin block only the Markdown draft whose summary would read as something else', async () => {
    const dir = mkdtempSync(path.join(work, 'md-tricky-'));
    const file = path.join(dir, 'so-20-2026.md');
    writeFileSync(file, yamlToMarkdown(example, readFileSync(example, 'utf8')).text!);
    const plain = path.join(dir, 'a.html');
    const tricky = path.join(dir, 'b.html');
    writeFileSync(plain, openGraphPage(b, '2026-05-30', 'Báo điện tử Chính phủ'));
    writeFileSync(tricky, openGraphPage({ ...c, body: 'Nguồn: Sở KH&CN cho biết thành phố cần 5.000 kỹ sư bán dẫn.' }, '2026-05-30', 'Báo điện tử Chính phủ'));
    const result = await addLinks({ issue: file, urls: ['https://baochinhphu.vn/a-1.htm', 'https://baochinhphu.vn/b-2.htm'], offline: [plain, tricky], part: '2' });
    expect(result.added).toBe(2);
    const after = readFileSync(file, 'utf8');
    expect(after.match(/```bantin\nbody: /g)).toHaveLength(1);
    const loaded = await loadIssue(file);
    expect(loaded.issue!.parts[1]!.articles.filter((x) => x.draft).map((x) => x.body)).toEqual([expect.stringMatching(/^(?!Nguồn:)/), 'Nguồn: Sở KH&CN cho biết thành phố cần 5.000 kỹ sư bán dẫn.']);
  });

  it('asks which part when there are several, and refuses a summary', async () => {
    const file = freshIssue('part');
    await expect(addLinks({ issue: file, urls: [`${server.base}/portal/bai-5`] })).rejects.toThrow(/which part\? .*1\. Tổng kết xu hướng.*\(summary\); 2\. Tin trong nước; 3\. Tâm điểm; 4\. Tin Hải Phòng/);
    await expect(addLinks({ issue: file, urls: [`${server.base}/portal/bai-5`], part: '1' })).rejects.toThrow(/is a summary/);
    await expect(addLinks({ issue: file, urls: [`${server.base}/portal/bai-5`], part: 'Tin quốc tế' })).rejects.toThrow(/there is no part "Tin quốc tế"/);
  });

  it('appends to a Markdown issue in its own item form', async () => {
    const dir = mkdtempSync(path.join(work, 'md-'));
    const file = path.join(dir, 'so-20-2026.md');
    const converted = yamlToMarkdown(example, readFileSync(example, 'utf8'));
    writeFileSync(file, converted.text!);
    const before = converted.text!;
    const result = await addLinks({ issue: file, urls: [`${server.base}/ttxvn/bai-1.html`, `${server.base}/baohaiphong/bai-3.html`], part: 'tin trong nuoc' });
    expect(result.added).toBe(2);
    const after = readFileSync(file, 'utf8');
    expect(keepsEveryLine(before, after)).toBe(true);
    expect(after).toContain(`<!-- drafted by bantin add from the page: check it against the article, then delete "Nháp: có" -->\n## 26/05: ${a.headline}\nChi tiết: [TTXVN](${server.base}/ttxvn/bai-1.html)\nNháp: có\n\n`);
    expect(after).not.toContain('```bantin\ndraft');
    const loaded = await loadIssue(file);
    expect(loaded.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(loaded.issue!.parts[1]!.articles.filter((x) => x.draft).map((x) => [x.title, x.date!.iso])).toEqual([[a.headline, '2026-05-26'], [c.headline, '2026-05-28']]);
    expect(loaded.diagnostics.filter((x) => x.code === 'date-order')).toEqual([]);
    expect(loaded.diagnostics.filter((x) => x.code === 'draft-item')).toHaveLength(2);
  });
});
