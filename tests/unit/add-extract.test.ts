/** bantin add, the pure parts: what a page says about itself, its charset, its address, the outlet's name, the date. */
import { describe, expect, it } from 'vitest';
import { withoutTracking } from '../../src/commands/add/clean-url.js';
import { articleDate } from '../../src/commands/add/dates.js';
import { charsetOf, decodePage } from '../../src/commands/add/decode.js';
import { markdownText } from '../../src/commands/add/draft.js';
import { extractFacts, MAX_SUMMARY_CHARS, shortSummary, withoutSiteName } from '../../src/commands/add/extract.js';
import { outletName } from '../../src/commands/add/outlet.js';
import { bareMetaPage, jsonLdPage, noDescriptionPage, openGraphPage, SEED, windows1258 } from './news-pages.js';

const [a, b, c, d] = SEED as [(typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number]];

describe('the facts of an article page', () => {
  it('JSON-LD first: headline, the day as written in Vietnam’s time, the publisher, the description', async () => {
    const facts = await extractFacts(jsonLdPage(a, '2026-03-14'), 'https://vnexpress.net/x-123.html');
    expect(facts.title).toBe(a.headline);
    // 23:40 on 14/3 in Hà Nội is 16:40 UTC the same day; a later hour would be the next day in UTC: the page's own day is kept.
    expect(facts.date).toBe('2026-03-14');
    expect(facts.outlet).toBe('Báo VnExpress');
    expect(a.body.startsWith(facts.summary!)).toBe(true);
    expect(facts.from).toMatchObject({ title: 'json-ld headline', date: 'json-ld datePublished', outlet: 'json-ld publisher', summary: 'json-ld description' });
  });

  it('OpenGraph when there is no JSON-LD', async () => {
    const facts = await extractFacts(openGraphPage(b, '2026-03-15'), 'https://tuoitre.vn/y.htm');
    expect(facts).toMatchObject({ title: b.headline, date: '2026-03-15', outlet: 'TUOI TRE ONLINE' });
    expect(facts.from).toMatchObject({ title: 'og:title', date: 'article:published_time', summary: 'og:description' });
  });

  it('bare meta tags: <title> without the site’s name (taken as the outlet), <meta name=description>, <time datetime>', async () => {
    const facts = await extractFacts(bareMetaPage(c, '2026-03-16'), 'https://baohaiphong.vn/z.html');
    expect(facts).toMatchObject({ title: c.headline, date: '2026-03-16', outlet: 'Báo Hải Phòng' });
    expect(facts.from).toMatchObject({ title: '<title>', date: '<time datetime>', summary: 'meta description' });
  });

  it('no description: the first paragraph (Readability), never the whole article', async () => {
    const facts = await extractFacts(noDescriptionPage(d, '2026-03-17'), 'https://haiphong.gov.vn/w.aspx');
    expect(facts.from.summary).toBe('readability');
    expect(facts.summary!.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS + 1);
    expect(facts.summary!.length).toBeLessThan(d.body.length);
    expect(d.body.replace(/\s+/g, ' ')).toContain(facts.summary!.replace(/…$/, ''));
  });

  it('drops control and direction-changing characters a page may carry', async () => {
    const facts = await extractFacts('<html><head><title>Tin \u202Egiả\u202C mạo\u0007</title></head></html>', 'https://x.vn/a');
    expect(facts.title).toBe('Tin giả mạo');
  });

  it('a page without any title gives none (the link fails)', async () => {
    expect((await extractFacts('<html><body><p>Không có gì</p></body></html>', 'https://x.vn/a')).title).toBeUndefined();
  });

  it('cuts a long summary after a sentence', () => {
    const long = `${'Câu thứ nhất khá dài về khoa học công nghệ. '.repeat(20)}`;
    const short = shortSummary(long.trim());
    expect(short.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(short.endsWith('.')).toBe(true);
  });

  it('removes the site’s name from a title only when it is the site’s', () => {
    expect(withoutSiteName('Hải Phòng bứt phá nông nghiệp - VnExpress', ['VnExpress - Tin nhanh Việt Nam', 'vnexpress'])).toBe('Hải Phòng bứt phá nông nghiệp');
    expect(withoutSiteName('Việt Nam - Singapore thúc đẩy hợp tác AI', ['VnExpress'])).toBe('Việt Nam - Singapore thúc đẩy hợp tác AI');
  });
});

describe('the charset of a page', () => {
  const title = 'Hải Phòng ứng dụng trí tuệ nhân tạo trong cải cách hành chính';
  it('windows-1258 from <meta charset>, tone marks composed', () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1258"><title>'), windows1258(title), Buffer.from('</title></head></html>')]);
    expect(charsetOf(bytes)).toBe('windows-1258');
    expect(decodePage(bytes)).toContain(`<title>${title}</title>`);
  });
  it('windows-1258 from the Content-Type header, and from http-equiv', () => {
    const bytes = windows1258(`<html><head><title>${title}</title></head></html>`);
    expect(decodePage(bytes, 'text/html; charset=windows-1258')).toContain(title);
    const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>'), windows1258(title), Buffer.from('</title>')]);
    expect(decodePage(equiv)).toContain(title);
  });
  it('UTF-8 with a byte-order mark, whatever the header says', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<title>${title}</title>`)]);
    expect(decodePage(bytes, 'text/html; charset=iso-8859-1')).toBe(`<title>${title}</title>`);
  });
  it('UTF-8 when nothing says otherwise', () => {
    expect(decodePage(Buffer.from(`<title>${title}</title>`))).toBe(`<title>${title}</title>`);
  });
});

describe('an article’s address', () => {
  it('loses utm_*, fbclid and Zalo’s tracking, keeps what chooses the article', () => {
    expect(withoutTracking('https://vnexpress.net/a-1.html?utm_source=facebook&utm_medium=social&fbclid=IwAR0x')).toBe('https://vnexpress.net/a-1.html');
    expect(withoutTracking('https://baohaiphong.vn/news.aspx?id=541237&zarsrc=30&gidzl=abc#binh-luan')).toBe('https://baohaiphong.vn/news.aspx?id=541237#binh-luan');
    const untouched = 'https://mst.gov.vn/tin.htm?id=5&Page=2';
    expect(withoutTracking(untouched)).toBe(untouched);
  });
});

describe('the outlet’s name', () => {
  const issue = [
    { name: 'Bộ KH-CN', url: 'https://mst.gov.vn/a.htm' },
    { name: 'VnExpress', url: 'https://vnexpress.net/b.html' },
    { name: 'TTXVN', url: 'https://ttxvn.vn/c' },
  ];
  it('is the name the issue gives to the same site', () => {
    expect(outletName({ pageName: 'Báo VnExpress', url: 'https://vnexpress.net/x.html', known: [issue] })).toBe('VnExpress');
  });
  it('is the issue’s spelling of the same outlet (the alias table)', () => {
    expect(outletName({ pageName: 'Thông tấn xã Việt Nam', url: 'https://bnews.vn/x', known: [issue] })).toBe('TTXVN');
    expect(outletName({ pageName: 'Bộ Khoa học và Công nghệ', url: 'https://most.gov.vn/x', known: [issue] })).toBe('Bộ KH-CN');
  });
  it('is the site’s usual name over a long one, else what the page says, else the host', () => {
    expect(outletName({ pageName: 'TUOI TRE ONLINE', url: 'https://tuoitre.vn/x.htm', known: [[]] })).toBe('Tuổi Trẻ');
    expect(outletName({ pageName: 'Khoa học Phổ thông', url: 'https://khoahocphothong.vn/x', known: [[]] })).toBe('Khoa học Phổ thông');
    expect(outletName({ url: 'https://www.example.org/x', known: [[]] })).toBe('example.org');
  });
  it('takes the previous issue’s name when this issue has none for the outlet', () => {
    expect(outletName({ pageName: 'Báo Điện tử Chính phủ', url: 'https://baochinhphu.vn/x', known: [[], [{ name: 'Báo CP', url: 'https://x.vn' }]] })).toBe('Báo CP');
  });
});

describe('a publication date', () => {
  it('keeps the day an ISO date is written with, reads day/month/year, takes other forms in Vietnam’s time', () => {
    expect(articleDate('2026-03-15T00:30:00+07:00')).toBe('2026-03-15');
    expect(articleDate('15/03/2026 08:00')).toBe('2026-03-15');
    expect(articleDate('Thứ bảy, 14/3/2026, 23:10 (GMT+7)')).toBe('2026-03-14');
    expect(articleDate('Sat, 14 Mar 2026 17:30:00 GMT')).toBe('2026-03-15');
    expect(articleDate('2026-02-30')).toBeUndefined();
    expect(articleDate('hôm qua')).toBeUndefined();
  });
});

describe('a summary as Markdown', () => {
  it('prints as written: marks escaped, nothing read as a list or heading', () => {
    expect(markdownText('# 5 điểm *mới* của Luật [KH&CN] <2025>')).toBe('\\# 5 điểm \\*mới\\* của Luật \\[KH&CN\\] \\<2025\\>');
    expect(markdownText('2026. Năm của AI')).toBe('2026\\. Năm của AI');
    expect(markdownText('- gạch đầu dòng')).toBe('\\- gạch đầu dòng');
  });
});
