/**
 * bantin import: Word drafts made here (tests/unit/docx-draft.ts) from the seed bulletins, in
 * both shapes the office writes (heading styles; bold lines), become issue files that pass
 * `bantin check`, with every item's source, link and date; hostile files are one clear error
 * and leave nothing behind.
 */
import JSZip from 'jszip';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDraft } from '../../src/commands/import.js';
import { UsageError, UserError } from '../../src/core/diagnostics.js';
import { hasErrors, loadIssue } from '../../src/issue/load.js';
import { sentenceCase } from '../../src/import/sentence-case.js';
import { bold, makeDocx, p, seedDraft, type Block, type Shape } from './docx-draft.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bantin-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (name: string) => path.join(mkdtempSync(path.join(dir, 'case-')), name);
async function draftFile(blocks: Block[], name = 'draft.docx'): Promise<string> {
  const file = fresh(name);
  writeFileSync(file, await makeDocx(blocks));
  return file;
}
const COVER: Block[] = [p('ĐIỂM TIN'), p('KHOA HỌC CÔNG NGHỆ'), p('SỐ 12/2026'), p('Tuần từ 14/03-21/03/2026'), p('SỞ KHOA HỌC VÀ CÔNG NGHỆ')];
type Article = { date?: string; title: string; source?: { name: string; url?: string }; body: string; lead?: string; image?: { src: string; alt?: string } };
type Part = { kind: string; title: string; articles?: Article[]; sections?: Array<{ title: string; body: string }>; intro?: string };
const issueOf = (file: string) => parse(readFileSync(file, 'utf8')) as { series: { title: string; publisher: string[] }; issue: { number: string; week: { start: string; end: string } }; parts: Part[] };

describe.each([
  ['so-20-2026-haiphong.txt', 'headings'],
  ['so-20-2026-haiphong.txt', 'bold'],
  ['so-15-2026-haiphong.txt', 'headings'],
  ['so-15-2026-haiphong.txt', 'bold'],
] as Array<[string, Shape]>)('a whole issue: %s drafted with %s', (seed, shape) => {
  it('becomes an issue that passes check, with ≥ 95 % of its items, each with source, link and date', async () => {
    const draft = seedDraft(seed, shape);
    const input = await draftFile(draft.blocks);
    const result = await importDraft({ input });
    const issue = issueOf(result.output);
    const loaded = await loadIssue(result.output);
    expect(hasErrors(loaded.diagnostics), loaded.diagnostics.map((d) => `${d.line} ${d.message}`).join('\n')).toBe(false);

    const articles = issue.parts.flatMap((part) => (part.articles ?? []).map((a) => ({ ...a, kind: part.kind })));
    expect(draft.items.length).toBeGreaterThanOrEqual(seed.startsWith('so-20') ? 30 : 40);
    expect(articles).toHaveLength(draft.items.length);
    // The same items in the same order, with the link the draft gave each.
    const complete = articles.filter((a, i) => {
      const expected = draft.items[i]!;
      const sameTitle = a.title.toLocaleLowerCase('vi') === expected.title.toLocaleLowerCase('vi');
      const dated = a.kind !== 'news' || /^\d{4}-\d{2}-\d{2}$/.test(a.date ?? '');
      return sameTitle && dated && a.source?.name === expected.outlet && a.source?.url === expected.url && expected.url !== undefined;
    });
    // Issue 20's first spotlight story has no source in the bulletin itself.
    expect(complete.length / articles.length).toBeGreaterThanOrEqual(0.95);
    expect(result.report.items).toBe(articles.length);
    expect(result.report.notPlaced).toEqual([]);

    expect(issue.parts.map((part) => part.kind)).toEqual(['summary', 'news', 'spotlight', 'news']);
    expect(issue.parts.map((part) => part.title).slice(1)).toEqual(['Tin trong nước', 'Tâm điểm', 'Tin Hải Phòng']);
    expect(issue.parts[0]!.title).toMatch(/^Tổng kết xu hướng khoa học, công nghệ, đổi mới sáng tạo/);
    expect(issue.parts[0]!.sections!.map((s) => s.title)).toEqual(['Xu hướng chung của cả nước', 'Điểm sáng tại thành phố Hải Phòng']);
    // Bold sub-headings are ### headings; a long paragraph set in bold stays a paragraph.
    const subheadings = issue.parts[0]!.sections!.flatMap((s) => s.body.match(/^### .*$/gm) ?? []);
    expect(subheadings.length).toBeGreaterThanOrEqual(seed.startsWith('so-20') ? 8 : 0);
    expect(subheadings.filter((h) => h.length > 124)).toEqual([]);
    expect(issue.issue).toEqual(seed.startsWith('so-20') ? { number: '20/2026', week: { start: '2026-05-25', end: '2026-05-31' } } : { number: '15/2026', week: { start: '2026-04-20', end: '2026-04-26' } });
    expect(issue.series.publisher).toEqual(['Sở Khoa học và Công nghệ', 'Trung tâm công nghệ thông tin và truyền thông Hải Phòng']);
    // The cover and the table of contents are bantin's to make: not in the issue.
    expect(readFileSync(result.output, 'utf8')).not.toMatch(/MỤC LỤC|PHẦN II/);
    expect(result.report.skipped.toc).toBeGreaterThan(20);
  });
});

describe('what the draft says, placed', () => {
  it('reads "(Nguồn: X)" at the end of a paragraph, a date on the line under a title, a "Chi tiết:" on the title line', async () => {
    const input = await draftFile([
      ...COVER,
      p('TIN TRONG NƯỚC', 'Heading1'),
      { runs: [{ text: '15/03: KINH TẾ SỐ HƯỚNG TỚI 30% GDP', bold: true }, { text: ' Chi tiết: ' }, { text: 'VOV', link: 'https://vov.vn/kinh-te-so' }] },
      { runs: [{ text: 'Kinh tế số hiện đóng góp hơn 14% GDP, ' }, { text: 'theo', italic: true }, { text: ' các ' }, { text: 'chuyên gia', bold: true }, { text: '.' }] },
      bold('ĐƯA CHÍNH QUYỀN ĐẾN GẦN DÂN HƠN QUA NỀN TẢNG SỐ'),
      p('16/03'),
      { runs: [{ text: 'Phường Gia Viên đưa dịch vụ công lên ứng dụng. (Nguồn: ' }, { text: 'Báo Hải Phòng', link: 'https://baohaiphong.vn/dua-chinh-quyen' }, { text: ')' }] },
      p('17/03: SGS VIỆT NAM KHAI TRƯƠNG PHÒNG THỬ NGHIỆM MỚI TẠI HẢI PHÒNG', 'Heading2'),
      { runs: [{ text: '[Chi tiết: Cổng TTĐT TP Hải Phòng]', link: 'https://haiphong.gov.vn/sgs' }] },
      { runs: [{ text: 'SGS khai trương phòng thử nghiệm.', bold: true }] },
      p('Phòng thử nghiệm đặt tại Hải Phòng.'),
    ]);
    const result = await importDraft({ input });
    const [part] = issueOf(result.output).parts;
    expect(part!.articles).toEqual([
      { date: '2026-03-15', title: 'Kinh tế số hướng tới 30% GDP', source: { name: 'VOV', url: 'https://vov.vn/kinh-te-so' }, body: 'Kinh tế số hiện đóng góp hơn 14% GDP, *theo* các **chuyên gia**.' },
      { date: '2026-03-16', title: 'Đưa chính quyền đến gần dân hơn qua nền tảng số', source: { name: 'Báo Hải Phòng', url: 'https://baohaiphong.vn/dua-chinh-quyen' }, body: 'Phường Gia Viên đưa dịch vụ công lên ứng dụng.' },
      {
        date: '2026-03-17',
        title: 'SGS Việt Nam khai trương phòng thử nghiệm mới tại Hải Phòng',
        source: { name: 'Cổng TTĐT TP Hải Phòng', url: 'https://haiphong.gov.vn/sgs' },
        lead: 'SGS khai trương phòng thử nghiệm.',
        body: 'Phòng thử nghiệm đặt tại Hải Phòng.',
      },
    ]);
    expect(result.report.missing).toEqual([]);
  });

  it('writes text it cannot place as a comment where it stood, and reports it with its paragraph number', async () => {
    const input = await draftFile([...COVER, p('TIN TRONG NƯỚC', 'Heading1'), p('Lời giới thiệu của ban biên tập, không thuộc tin nào.'), p('15/03: MỘT TIN', 'Heading2'), p('Nội dung.')]);
    const result = await importDraft({ input });
    expect(result.report.notPlaced).toEqual([{ n: 7, text: 'Lời giới thiệu của ban biên tập, không thuộc tin nào.' }]);
    const text = readFileSync(result.output, 'utf8');
    expect(text).toMatch(/# not placed \(paragraph 7\): Lời giới thiệu của ban biên tập, không thuộc tin nào\.\n\s+- date: 2026-03-15/);
    // An item without a source or link is reported with its paragraph.
    expect(result.report.missing).toEqual([{ n: 8, title: 'Một tin', what: ['source', 'link'] }]);
  });

  it('takes a short Heading 1 it does not know for a news part, and says so', async () => {
    const input = await draftFile([...COVER, p('TIN ĐỊA PHƯƠNG', 'Heading1'), p('15/03: MỘT TIN', 'Heading2'), p('Nội dung.')]);
    const result = await importDraft({ input });
    expect(issueOf(result.output).parts.map((part) => [part.kind, part.title, part.articles?.length])).toEqual([['news', 'Tin địa phương', 1]]);
    expect(result.report.warnings).toEqual([{ n: 6, text: expect.stringContaining('"Tin địa phương" names no part bantin knows') }]);
  });

  it('writes the Markdown form when -o names an .md file, the comments kept', async () => {
    const input = await draftFile([...COVER, p('TIN TRONG NƯỚC', 'Heading1'), p('Chú thích lạc chỗ.'), p('15/03: MỘT TIN', 'Heading2'), { runs: [{ text: 'Chi tiết: ' }, { text: 'VOV', link: 'https://vov.vn/a' }] }, p('Nội dung.')]);
    const output = path.join(path.dirname(input), 'so-12.md');
    const result = await importDraft({ input, output });
    expect(result.format).toBe('md');
    const text = readFileSync(output, 'utf8');
    expect(text).toContain('<!-- not placed (paragraph 7): Chú thích lạc chỗ. -->');
    expect(text).toContain('## 15/03: Một tin');
    expect(text).toContain('Chi tiết: [VOV](https://vov.vn/a)');
    expect(hasErrors((await loadIssue(output)).diagnostics)).toBe(false);
  });

  it('ends the Markdown form with what follows the last item and could not be placed', async () => {
    const input = await draftFile([...COVER, p('TIN TRONG NƯỚC', 'Heading1'), p('15/03: MỘT TIN', 'Heading2'), p('Nội dung.'), p('TÂM ĐIỂM', 'Heading1'), p('Lạc chỗ ở cuối.')]);
    for (const name of ['cuoi.yaml', 'cuoi.md']) {
      const result = await importDraft({ input, output: path.join(path.dirname(input), name) });
      const text = readFileSync(result.output, 'utf8');
      expect(text.endsWith(name.endsWith('.md') ? '\n<!-- not placed (paragraph 10): Lạc chỗ ở cuối. -->\n' : '\n# not placed (paragraph 10): Lạc chỗ ở cuối.\n')).toBe(true);
      expect(hasErrors((await loadIssue(result.output)).diagnostics)).toBe(false);
    }
  });

  it('saves pictures beside the issue with their alternative text; a type bantin cannot print is reported', async () => {
    const png = readFileSync(path.resolve(import.meta.dirname, '../fixtures/images/small-chart.png'));
    const input = await draftFile([
      ...COVER,
      p('TÂM ĐIỂM', 'Heading1'),
      p('HỘI THẢO KHOA HỌC QUỐC GIA VỀ ĐỔI MỚI MÔ HÌNH PHÁT TRIỂN', 'Heading2'),
      { runs: [{ image: { bytes: png, alt: 'Toàn cảnh hội thảo', type: 'png' } }] },
      { runs: [{ image: { bytes: Buffer.from('not really emf'), alt: 'Sơ đồ', type: 'emf' } }] },
      { runs: [{ image: { bytes: png.subarray(0, 60), alt: 'Ảnh cắt cụt', type: 'png' } }] },
      p('Nội dung của tin.'),
    ]);
    const result = await importDraft({ input });
    expect(result.pictures.map((f) => path.relative(path.dirname(input), f))).toEqual([path.join('draft-images', 'picture-1.png')]);
    expect(readFileSync(result.pictures[0]!)).toEqual(png);
    const [part] = issueOf(result.output).parts;
    expect(part!.articles![0]!.image).toEqual({ src: 'draft-images/picture-1.png', alt: 'Toàn cảnh hội thảo' });
    expect(result.report.warnings.map((w) => w.text).join('\n')).toContain('image/x-emf');
    expect(result.report.warnings.map((w) => w.n)).toEqual([9, 10]);
    expect(result.report.notPlaced.map((w) => w.text)).toEqual(['picture of type image/x-emf, not saved Sơ đồ', 'picture not saved (it would not print) Ảnh cắt cụt']);
    expect(readFileSync(result.output, 'utf8')).toContain('# not placed (paragraph 9): picture of type image/x-emf, not saved Sơ đồ');
  });

  it('writes a simple table as a Markdown table, and one with merged cells as a comment with a warning', async () => {
    const input = await draftFile([
      ...COVER,
      p('TIN TRONG NƯỚC', 'Heading1'),
      p('15/03: MỘT TIN', 'Heading2'),
      p('Số liệu:'),
      { table: [['Năm', 'Tỷ lệ'], ['2025', '14%']] },
      { table: [['Mục tiêu 2030'], ['Kinh tế số', '30%']], merged: true },
      p('15/03: TIN THỨ HAI', 'Heading2'),
      p('Nội dung.'),
    ]);
    const result = await importDraft({ input });
    expect(issueOf(result.output).parts[0]!.articles![0]!.body).toBe('Số liệu:\n\n| Năm | Tỷ lệ |\n| --- | --- |\n| 2025 | 14% |');
    expect(result.report.warnings).toEqual([{ n: 10, text: expect.stringContaining('merged or nested cells') }]);
    expect(readFileSync(result.output, 'utf8')).toMatch(/# not placed \(paragraph 10\): Mục tiêu 2030\n\s+# Kinh tế số \| 30%\n\s+- date: 2026-03-15\n\s+title: Tin thứ hai/);
  });

  it('recognises a misspelt part heading and skips the page numbers and running heads', async () => {
    const input = await draftFile([
      ...COVER,
      p('TÓNG KẾT XU HƯỚNG', 'Heading1'),
      p('Tuần qua có nhiều sự kiện.'),
      p('1. XU HƯỚNG CHUNG CỦA CẢ NƯỚC', 'Heading2'),
      bold('Đổi mới mô hình tăng trưởng'),
      p('- Trụ cột phát triển.'),
      { list: 'bullet', runs: [{ text: 'Lực lượng sản xuất mới:', bold: true }, { text: ' trí tuệ nhân tạo.' }] },
      { list: 'bullet', runs: [{ text: 'Cơ chế đầu tư.' }] },
      { list: 'number', runs: [{ text: 'Bước một.' }] },
      p('7'),
      p('TỔNG KẾT XU HƯỚNG'),
      p('2. ĐIỂM SÁNG TẠI HẢI PHÒNG', 'Heading2'),
      p('Nội dung.'),
    ]);
    const result = await importDraft({ input });
    const [summary] = issueOf(result.output).parts;
    expect(summary).toEqual({
      kind: 'summary',
      title: 'Tổng kết xu hướng',
      intro: 'Tuần qua có nhiều sự kiện.',
      sections: [
        { title: 'Xu hướng chung của cả nước', body: '### Đổi mới mô hình tăng trưởng\n\n- Trụ cột phát triển.\n\n- **Lực lượng sản xuất mới:** trí tuệ nhân tạo.\n- Cơ chế đầu tư.\n\n1. Bước một.' },
        { title: 'Điểm sáng tại Hải Phòng', body: 'Nội dung.' },
      ],
    });
    expect(result.report.skipped).toMatchObject({ pageNumbers: 1, runningHeads: 1 });
  });
});

describe('an earlier issue and a names file', () => {
  it('--from gives the series, numbers the issue after it and knows its part names; --names keeps names in capitals', async () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../examples/so-20-2026.yaml'), 'utf8');
    const input = await draftFile([
      p('TIN QUẢNG NINH', 'Heading1'),
      p('02/06: HẠ LONG ĐÓN ĐOÀN CHUYÊN GIA VỀ CHUYỂN ĐỔI SỐ', 'Heading2'),
      { runs: [{ text: 'Chi tiết: ' }, { text: 'Báo Quảng Ninh', link: 'https://baoquangninh.vn/ha-long' }] },
      p('Nội dung.'),
    ]);
    const from = path.join(path.dirname(input), 'so-20-2026.yaml');
    writeFileSync(from, example.replace('title: Tin Hải Phòng', 'title: Tin Quảng Ninh'));
    const names = path.join(path.dirname(input), 'ten-rieng.txt');
    writeFileSync(names, '# tên riêng của tỉnh\nHạ Long\n');
    const result = await importDraft({ input, from, names });
    const issue = issueOf(result.output);
    expect(issue.series.title).toBe('Điểm tin Khoa học Công nghệ');
    expect(issue.issue).toEqual({ number: '21/2026', week: { start: '2026-06-01', end: '2026-06-07' } });
    expect(issue.parts).toEqual([
      { kind: 'news', title: 'Tin Quảng Ninh', articles: [{ date: '2026-06-02', title: 'Hạ Long đón đoàn chuyên gia về chuyển đổi số', source: { name: 'Báo Quảng Ninh', url: 'https://baoquangninh.vn/ha-long' }, body: 'Nội dung.' }] },
    ]);
    expect(readFileSync(result.output, 'utf8')).toContain("the draft has no \"Tuần từ …\" line: the week 2026-06-01 – 2026-06-07 is a guess from the items' dates; check it");
  });
});

describe('sentence case', () => {
  it.each([
    ['VIỆT NAM - SINGAPORE THÚC ĐẨY HỢP TÁC AI, KINH TẾ SỐ VÀ ĐỔI MỚI SÁNG TẠO', 'Việt Nam - Singapore thúc đẩy hợp tác AI, kinh tế số và đổi mới sáng tạo'],
    ['MÔ HÌNH TĂNG TRƯỞNG MỚI CỦA VIỆT NAM: KINH TẾ THÔNG MINH', 'Mô hình tăng trưởng mới của Việt Nam: Kinh tế thông minh'],
    ['ĐOÀN KIỂM TRA KHẢO SÁT VIỆC THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW TẠI PHƯỜNG GIA VIÊN', 'Đoàn kiểm tra khảo sát việc thực hiện Nghị quyết 57-NQ/TW tại phường Gia Viên'],
    ['BỘ KH-CN: XĂNG E10 BÁN TẠI 90% CỬA HÀNG', 'Bộ KH-CN: Xăng E10 bán tại 90% cửa hàng'],
    ['GỠ “NÚT THẮT” CHO HTX TẠI HẢI PHÒNG', 'Gỡ “nút thắt” cho HTX tại Hải Phòng'],
  ])('%s → %s', (typed, cased) => {
    expect(sentenceCase(typed)).toEqual({ text: cased, safe: true, unknown: [] });
  });

  it('keeps a title with a word it cannot case as typed', () => {
    expect(sentenceCase('TỔNG THỐNG THARMAN THĂM HẢI PHÒNG')).toEqual({ text: 'TỔNG THỐNG THARMAN THĂM HẢI PHÒNG', safe: false, unknown: ['THARMAN'] });
  });
});

describe('bad input is one clear error, naming the file, and writes nothing', () => {
  const refused = async (name: string, bytes: Buffer | (() => Promise<Buffer>), pattern: RegExp) => {
    const input = fresh(name);
    writeFileSync(input, typeof bytes === 'function' ? await bytes() : bytes);
    const error = await importDraft({ input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toMatch(pattern);
    expect(readdirSync(path.dirname(input))).toEqual([name]);
  };
  const ole = (extra: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from(extra, 'utf16le'), Buffer.alloc(500)]);
  const zipOf = async (files: Record<string, string | Buffer>) => {
    const zip = new JSZip();
    for (const [name, data] of Object.entries(files)) zip.file(name, data);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  /** A draft whose document.xml says it unpacks to `declared` bytes. */
  const lying = async (declared: number) => {
    const bytes = await makeDocx([p('TIN TRONG NƯỚC', 'Heading1'), p('x'.repeat(2_000_000))]);
    const name = Buffer.from('word/document.xml');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(declared, at - 46 + 24);
      if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(declared, at - 30 + 22);
    }
    return bytes;
  };

  it('a Word 97–2003 .doc', () => refused('draft.doc', ole('WordDocument'), /Word 97–2003.*save it as \.docx/));
  it('a password-protected .docx', () => refused('draft.docx', ole('EncryptionInfo\0EncryptedPackage'), /password/));
  it('a PDF renamed .docx', () => refused('draft.docx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /is a PDF/));
  it('a text file renamed .docx', () => refused('draft.docx', Buffer.from('Tuần từ 14/03-21/03/2026\n'), /not a \.docx/));
  it('an empty file', () => refused('draft.docx', Buffer.alloc(0), /not a \.docx/));
  it('a spreadsheet', () => refused('draft.docx', () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), /Excel/));
  it('an OpenDocument text', () => refused('draft.docx', () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office/>' }), /OpenDocument/));
  it('a zip bomb that lies about its size', () => refused('draft.docx', () => lying(1000), /zip bomb/));
  it('a zip that says it unpacks to 1 GB', () => refused('draft.docx', () => lying(1024 ** 3), /word\/document\.xml unpacks to 1024 MB, more than the 25 MB/));
  it('a zip whose pictures unpack to more than 200 MB', () =>
    refused('draft.docx', async () => {
      const bytes = await makeDocx([p('TIN TRONG NƯỚC', 'Heading1'), { runs: [{ image: { bytes: Buffer.alloc(1000), type: 'png' } }] }]);
      const name = Buffer.from('word/media/image1.png');
      for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(300 * 1024 * 1024, at - 46 + 24);
      return bytes;
    }, /more than 200 MB/));
  it('a draft that does not exist', async () => {
    await expect(importDraft({ input: path.join(dir, 'missing.docx') })).rejects.toThrow(/cannot read .*missing\.docx: /);
  });
  it('a damaged zip', async () => {
    const bytes = await makeDocx([p('TIN TRONG NƯỚC', 'Heading1')]);
    await refused('draft.docx', bytes.subarray(0, bytes.length - 30), /damaged/);
  });
  it('a draft over 50 MB, refused without being read', async () => {
    const input = fresh('big.docx');
    writeFileSync(input, '');
    truncateSync(input, 51 * 1024 * 1024);
    await expect(importDraft({ input })).rejects.toThrow(/big\.docx.*50 MB/);
  });
  it('a draft with no part or item bantin knows', () => refused('draft.docx', () => makeDocx([p('Thư mời họp'), p('Kính gửi các đơn vị.')]), /no part or item/));
});

describe('outputs', () => {
  const simple = () => draftFile([...COVER, p('TIN TRONG NƯỚC', 'Heading1'), p('15/03: MỘT TIN', 'Heading2'), p('Nội dung.')]);

  it('never replaces an existing file without --force, and --force replaces it', async () => {
    const input = await simple();
    const output = path.join(path.dirname(input), 'draft.yaml');
    writeFileSync(output, 'kept');
    await expect(importDraft({ input })).rejects.toThrow(/draft\.yaml already exists.*--force/);
    expect(readFileSync(output, 'utf8')).toBe('kept');
    await importDraft({ input, force: true });
    expect(readFileSync(output, 'utf8')).toContain('title: Một tin');
  });

  it('never writes over the draft, even with --force', async () => {
    const input = await simple();
    const before = readFileSync(input);
    await expect(importDraft({ input, output: input, force: true })).rejects.toBeInstanceOf(UsageError);
    // The same file under an issue's name: a hard link is found by its inode.
    const alias = path.join(path.dirname(input), 'alias.yaml');
    linkSync(input, alias);
    await expect(importDraft({ input, output: alias, force: true })).rejects.toBeInstanceOf(UsageError);
    expect(readFileSync(input)).toEqual(before);
  });

  it('refuses an output that is neither YAML nor Markdown', async () => {
    const input = await simple();
    await expect(importDraft({ input, output: path.join(path.dirname(input), 'x.txt') })).rejects.toBeInstanceOf(UsageError);
  });
});
