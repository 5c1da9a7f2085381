/**
 * The Markdown issue file: the examples and a 100-item issue convert both ways to the same
 * validated input; prose is read exactly as typed; every problem points at its .md line and
 * column; attribute lines and dates are read in each form an editor pastes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { convert } from '../../src/commands/convert.js';
import { UsageError, UserError } from '../../src/core/diagnostics.js';
import { lintIssue } from '../../src/issue/lint/index.js';
import { markdownToYaml, readIssueInput, yamlToMarkdown } from '../../src/issue/markdown/index.js';
import { buildIssue } from '../../src/issue/model.js';
import { seedItems, SEED_FILES } from './seed-items.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/markdown');
const EXAMPLES = ['so-20-2026', 'so-15-2026', 'hcm-10-2025', 'digest-chuyen-doi-so-2025'];
const example = (name: string) => readFileSync(path.join(ROOT, 'examples', `${name}.yaml`), 'utf8');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** YAML → Markdown → YAML: the same input each time, and Markdown → YAML → Markdown the same text. */
function roundTrip(file: string, yaml: string) {
  const md = yamlToMarkdown(file, yaml);
  expect(md.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const back = markdownToYaml(file.replace(/\.yaml$/, '.md'), md.text!);
  expect(back.input).toEqual(md.input);
  const again = yamlToMarkdown(file, back.text!);
  expect(again.text).toBe(md.text);
  return { md: md.text!, yaml: back.text!, input: md.input! };
}

/** The raw fields as read (before the schema trims them), and the validated input. */
function read(text: string, file = '/tmp/issue.md') {
  const result = readIssueInput(file, text, 'md');
  return { ...result, raw: result.source.doc.toJS() as { parts: Array<Record<string, unknown> & { articles?: Array<Record<string, unknown>> }> } };
}

const FRONT = `---
series:
  title: Điểm tin Khoa học Công nghệ
  publisher:
    - Sở Khoa học và Công nghệ
issue:
  number: 20/2026
  week:
    start: 2026-05-25
    end: 2026-05-31
---

# Tin trong nước

`;
// Line 13 is "# Tin trong nước"; the item starts on line 15.
const VOV = 'https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov';
const item = (heading: string, lines = `Chi tiết: [VOV](${VOV})`) =>
  `${FRONT}## ${heading}\n${lines}\n\nTiến trình phát triển nền kinh tế số quốc gia đang được thiết lập với mục tiêu tỷ trọng đóng góp đạt 30% tổng sản phẩm quốc nội vào năm 2030.\n`;
const at = (d: { line: number; col: number; path: string }) => ({ line: d.line, col: d.col, path: d.path });

describe('YAML ⇄ Markdown', () => {
  it.each(EXAMPLES)('%s converts to Markdown and back to the same issue', (name) => {
    const yaml = example(name);
    const { md, yaml: back } = roundTrip(`examples/${name}.yaml`, yaml);
    // The front matter is the YAML's own text, comments and all; so is the YAML made back.
    const header = yaml.split('\n').filter((line) => line.startsWith('#')).slice(0, 3);
    for (const line of header) {
      expect(md).toContain(`\n${line}\n`);
      expect(back).toContain(`${line}\n`);
    }
  });

  it('writes so-20 shorter than its YAML, with no quoting added to prose', () => {
    const yaml = example('so-20-2026');
    const { md, input } = roundTrip('examples/so-20-2026.yaml', yaml);
    expect(md.length).toBeLessThan(yaml.length);
    // Outside the ```bantin block of the app promo box: no block scalars, and every double quote is one the texts hold.
    const parts = md.slice(md.indexOf('\n---\n') + 5);
    const prose = parts.replace(/^```bantin\n[\s\S]*?^```$/gm, '').replace(/^<!--.*-->$/gm, '');
    expect(prose).not.toMatch(/: [|>]-?$/m);
    const quotes = (text: string) => text.split('"').length - 1;
    const inTexts = quotes(JSON.stringify(input.parts).replace(/\\"/g, '\u0001').replace(/"/g, '').replace(/\u0001/g, '"'));
    expect(quotes(parts.replace(/^<!--.*-->$/gm, ''))).toBe(inTexts);
    // Comments (the example's own, moved before the headings) aside, little but prose is left.
    expect(prose.length).toBeGreaterThan(parts.replace(/^<!--.*-->$/gm, '').length - 1000);
    // The title YAML had to quote (it holds ": ") is written as printed.
    expect(md).toContain('\n## 26/05: Mô hình tăng trưởng mới của Việt Nam: Kinh tế thông minh, trí tuệ nhân tạo là lực lượng sản xuất mới\n');
    expect(md).toContain('\n## 28/05: Kinh tế số hướng tới 30% GDP\nId: kinh-te-so-30-gdp\nChi tiết: [VOV](');
  });

  it('converts a generated 100-item issue both ways', () => {
    const seeds = SEED_FILES.flatMap((file) => seedItems(file));
    const articles = Array.from({ length: 100 }, (_, i) => {
      const seed = seeds[i % seeds.length]!;
      return {
        date: `2026-04-${20 + (i % 7)}`,
        title: `${seed.title.charAt(0)}${seed.title.slice(1).toLowerCase()}${i >= seeds.length ? ` (${i})` : ''}`,
        ...(i % 3 === 0 ? { source: { name: 'Bộ KH-CN', url: `https://mst.gov.vn/bai-viet-${i}.htm` } } : { source: { name: 'Báo Hải Phòng' } }),
        ...(i % 10 === 0 ? { lead: seed.body.split('\n\n')[0] } : {}),
        ...(i % 7 === 0 ? { podcast: { url: `https://sokhcn.haiphong.gov.vn/podcast/${i}.mp3` } } : {}),
        body: `${seed.body}\n`,
        ...(i % 25 === 0 ? { blocks: [{ type: 'quote', text: 'Đổi mới sáng tạo là động lực then chốt.', speaker: 'Nguyễn Văn A', role: 'Giám đốc Sở' }] } : {}),
      };
    });
    const issue = {
      series: { title: 'Điểm tin Khoa học Công nghệ', publisher: ['Sở Khoa học và Công nghệ'] },
      issue: { number: '15/2026', week: { start: '2026-04-20', end: '2026-04-26' } },
      parts: [
        { kind: 'news', title: 'Tin trong nước', articles: articles.slice(0, 60) },
        { kind: 'news', title: 'Tin Hải Phòng', articles: articles.slice(60) },
      ],
    };
    const yaml = `# A generated issue of 100 items from the seeds\n${new Document(issue).toString({ lineWidth: 0 })}`;
    const { md, input } = roundTrip('/tmp/so-15-100.yaml', yaml);
    expect(input.parts.flatMap((p) => (p.kind === 'news' ? p.articles : []))).toHaveLength(100);
    expect(md.match(/^## /gm)).toHaveLength(100);
    expect(md).toContain('---\n# A generated issue of 100 items from the seeds\n');
  });

  it('keeps comments before parts and items, and bantin-ignore comments from inside an item', () => {
    const yaml = `${example('hcm-10-2025')}`;
    const { md } = roundTrip('examples/hcm-10-2025.yaml', yaml);
    expect(md).toContain('<!-- The seed names no source for this item. -->\n<!-- bantin-ignore: missing-source -->\n## 14/10: Tổng Bí thư Tô Lâm: TP.HCM - khởi nguồn đổi mới');
  });

  it("keeps the comments beside an item's or a part's fields, named by their field, before its heading", () => {
    const { md, yaml } = roundTrip('examples/so-20-2026.yaml', example('so-20-2026'));
    expect(md).toContain('<!-- title: quoted: contains ": " -->\n## 26/05: Mô hình tăng trưởng mới');
    expect(md).toContain('<!-- source: printed as "Chi tiết: Bộ KH-CN" with a QR code to the url -->');
    expect(yaml).toContain('# title: quoted: contains ": "\n');
    // Every comment of the parts, in every example, is somewhere in the Markdown.
    for (const name of ['so-20-2026', 'so-15-2026', 'hcm-10-2025', 'digest-chuyen-doi-so-2025']) {
      const text = example(name);
      const converted = name === 'so-20-2026' ? md : roundTrip(`examples/${name}.yaml`, text).md;
      for (const [, comment] of text.slice(text.indexOf('\nparts:')).matchAll(/(?:^|\s)#\s+(.+)$/gm)) expect(converted, `${name}: ${comment}`).toContain(comment!.trim());
    }
  });

  it('writes in a ```bantin block what would not read back as written', () => {
    const yaml = `series:
  title: Chuyển đổi số
  publisher: [Bản tin chuyên đề]
issue:
  number: 7/2025
  period:
    month: 2025-07
parts:
  - kind: digest
    title: Chuyển đổi số
    articles:
      - title: "2/9: ngày hội chuyển đổi số"
        body: Không có ngày, nhưng tiêu đề mở đầu như một ngày.
      - date: {start: 2025-07-15, end: 2025-07-16}
        title: Diễn đàn chuyển đổi số khu vực công
        body: |
          Diễn đàn đã thảo luận về ứng dụng công nghệ số.
          ## Không phải một tin mới
      - date: 2025-07-16
        title: Techcombank hợp tác chuyển đổi số
        body: |
          **Đoạn đầu in đậm, nhưng không phải đoạn dẫn.**

          Techcombank tài trợ giải pháp phần mềm chuyển đổi số.
      - date: 2025-07-16/2025-07-17
        title: Hội nghị tập huấn về trí tuệ nhân tạo
        image: {src: "images/tap huan.jpg", caption: "Ảnh \\"toàn cảnh\\" của 'hội nghị'", alt: Toàn cảnh hội nghị, credit: Linh}
        body: |
          Nguồn: một dòng như dòng thuộc tính, ở đầu nội dung.
  - kind: news
    title: "2/9: tin ngày hội"
    articles: []
`;
    const { md } = roundTrip('/tmp/digest.yaml', yaml);
    // Untitled in the heading, since its title would be read as a date.
    expect(md).toContain('##\n\nKhông có ngày, nhưng tiêu đề mở đầu như một ngày.\n\n```bantin\ntitle: "2/9: ngày hội chuyển đổi số"\n```\n');
    // A {start, end} date, and a body with a line that would start an item.
    expect(md).toContain('## Diễn đàn chuyển đổi số khu vực công\n\n```bantin\ndate:\n  start: 2025-07-15\n  end: 2025-07-16\nbody: |\n  Diễn đàn');
    // A body that starts with a bold paragraph but has no lead, and one whose first line reads as an attribute.
    // A part title that would be read as a dated item.
    expect(md).toContain('\n#\n\n```bantin\ntitle: "2/9: tin ngày hội"\n```\n');
    expect(md).toContain('## 16/07: Techcombank hợp tác chuyển đổi số\n\n```bantin\nbody: |\n  **Đoạn đầu in đậm');
    expect(md).toContain('## 16–17/07: Hội nghị tập huấn về trí tuệ nhân tạo\nẢnh: ![Toàn cảnh hội nghị](<images/tap huan.jpg> (Ảnh "toàn cảnh" của \'hội nghị\'))\nNguồn ảnh: Linh\n\n```bantin\nbody: |\n  Nguồn: một dòng');
  });
});

describe('reading Markdown as typed', () => {
  it('reads a pasted paragraph with a leading tab, a "label: text" line and mixed quotes exactly', () => {
    const text = fixture('pasted.md');
    const { input, raw, diagnostics } = read(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [first, second] = raw.parts[0]!.articles!;
    const paragraphs = text.split('\n').filter((line) => /^(Trung tâm|\tMô hình|Lời giải)/.test(line));
    expect(first!.body).toBe(paragraphs.join('\n\n'));
    expect(input!.parts[0]!.kind === 'news' && input!.parts[0]!.articles[0]!.body).toBe(paragraphs.join('\n\n'));
    // The seeds set items as "# 20/4: TITLE" with "[Chi tiết: …](…)" after a blank line: pasted so, they read.
    expect(first).toMatchObject({ date: '2026-04-20', source: { name: 'Bộ KH-CN', url: 'https://mst.gov.vn/hinh-thanh-trung-tam-doi-moi-sang-tao.htm' } });
    expect(first!.title).toBe('HÌNH THÀNH TRUNG TÂM ĐỔI MỚI SÁNG TẠO, LÀM SAO ĐỂ CÔNG NGHỆ KHÔNG “NẪM TRONG NGĂN KÉO”?');
    // A title that starts and ends with a quote keeps both.
    expect(second).toMatchObject({ title: "'Chậm một nhịp công nghệ, Việt Nam có thể lỡ cơ hội tăng trưởng'", source: { name: 'VCCI', url: 'https://vcci.com.vn/cham-mot-nhip-cong-nghe.htm' } });
  });

  it('keeps the pasted text through YAML and back', () => {
    const text = fixture('pasted.md');
    const yaml = markdownToYaml('/tmp/pasted.md', text);
    const md = yamlToMarkdown('/tmp/pasted.yaml', yaml.text!);
    expect(read(md.text!).input).toEqual(read(text).input);
    expect(md.text).toContain('\n\tMô hình này không chỉ');
  });

  it('reads every field of the fixture, and writes it back the same', () => {
    const text = fixture('every-field.md');
    const { input, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    const [summary, news, spotlight, digest] = input!.parts;
    expect(summary).toMatchObject({ kind: 'summary', id: 'tong-ket', heading: 'Tổng kết xu hướng tuần từ 25/5 – 31/5/2026', sections: [{ title: 'Xu hướng chung của cả nước' }, { title: 'Điểm sáng tại thành phố Hải Phòng' }] });
    expect(summary!.kind === 'summary' && summary!.closing).toBe('**Tuần từ 25/05 - 31/05/2026 ghi dấu ấn của Hải Phòng trong việc thực thi đồng bộ các giải pháp về số hóa quản trị.**');
    expect(news!.kind === 'news' && news!.articles[1]).toMatchObject({
      id: 'kinh-te-so-30-gdp',
      date: '2026-05-28',
      author: 'Minh Anh',
      source: { name: 'VOV', url: VOV },
      image: { src: 'images/kinh-te-so.png', caption: 'Tỷ trọng kinh tế số trong GDP', alt: 'Biểu đồ kinh tế số', credit: 'VOV' },
      podcast: { url: 'https://sokhcn.haiphong.gov.vn/podcast/kinh-te-so.mp3', label: 'Nghe bản tin' },
      lead: 'Kinh tế số hiện đóng góp hơn 14% GDP và hướng tới mục tiêu 30% vào năm 2030.',
      blocks: [{ type: 'figures' }, { type: 'quote', speaker: 'Tô Lâm' }],
    });
    expect(news!.kind === 'news' && news!.articles[2]).toMatchObject({ date: '2026-05-26/2026-05-28', source: { name: 'Bộ KH-CN' }, blocks: [{ type: 'box' }, { type: 'related' }] });
    expect(spotlight).toMatchObject({ kind: 'spotlight', articles: [{ id: 'tam-diem', source: { name: 'SGGP' } }] });
    expect(digest).toMatchObject({ kind: 'digest', articles: [{ body: expect.stringMatching(/^Bộ KH&CN/) }, { date: '2026-05-29', author: 'Linh' }] });
    expect(digest!.kind === 'digest' && digest!.articles[0]!.title).toBeUndefined();
    // Canonical already: Markdown → YAML → Markdown gives the file back.
    const yaml = markdownToYaml('/tmp/every-field.md', text);
    expect(yaml.text).toContain('# Every field of the Markdown form');
    expect(yamlToMarkdown('/tmp/every-field.yaml', yaml.text!).text).toBe(text);
  });

  it.each([
    ['Chi tiết: [VOV](https://vov.vn/a)', { source: { name: 'VOV', url: 'https://vov.vn/a' } }],
    ['Chi tiết: VOV https://vov.vn/a', { source: { name: 'VOV', url: 'https://vov.vn/a' } }],
    ['Chi tiết: Bộ KH-CN – https://vov.vn/a', { source: { name: 'Bộ KH-CN', url: 'https://vov.vn/a' } }],
    ['[Chi tiết: Bộ KH-CN](https://vov.vn/a)', { source: { name: 'Bộ KH-CN', url: 'https://vov.vn/a' } }],
    ['chi tiet: [VOV](<https://vov.vn/a>)', { source: { name: 'VOV', url: 'https://vov.vn/a' } }],
    ['Nguồn: SGGP', { source: { name: 'SGGP' } }],
    ['Source: [SGGP](https://sggp.org.vn/a)', { source: { name: 'SGGP', url: 'https://sggp.org.vn/a' } }],
    ['Tác giả: Linh', { author: 'Linh' }],
    ['bởi Linh', { author: 'Linh' }],
    ['By Nguyễn Văn Quang', { author: 'Nguyễn Văn Quang' }],
    ['Id: kinh-te-so', { id: 'kinh-te-so' }],
    ['Ảnh: images/x.jpg', { image: { src: 'images/x.jpg' } }],
    ['Ảnh: ![Toàn cảnh](images/x.jpg "Hội thảo ngày 26/5")\nNguồn ảnh: TTXVN', { image: { src: 'images/x.jpg', alt: 'Toàn cảnh', caption: 'Hội thảo ngày 26/5', credit: 'TTXVN' } }],
    ["Ảnh: ![](images/x.jpg 'Chú thích')", { image: { src: 'images/x.jpg', caption: 'Chú thích' } }],
    ['Podcast: https://x.vn/a.mp3', { podcast: { url: 'https://x.vn/a.mp3' } }],
    ['Podcast: [Nghe](https://x.vn/a.mp3)', { podcast: { url: 'https://x.vn/a.mp3', label: 'Nghe' } }],
    ['Nháp: có', { draft: true }],
    ['Draft: yes', { draft: true }],
    ['Nháp: không', { draft: false }],
  ])('reads the attribute line %s', (line, expected) => {
    const { raw, diagnostics } = read(item('28/05: Kinh tế số hướng tới 30% GDP', line));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(raw.parts[0]!.articles![0]).toMatchObject(expected);
  });

  it('writes a drafted item as "Nháp: có", and reads it back the same', () => {
    const yaml = readFileSync('examples/so-20-2026.yaml', 'utf8').replace('        title: Hải Phòng bứt phá nông nghiệp từ không gian số\n', '        title: Hải Phòng bứt phá nông nghiệp từ không gian số\n        draft: true\n');
    const md = yamlToMarkdown('/tmp/so-20.yaml', yaml).text!;
    expect(md).toContain('## 31/05: Hải Phòng bứt phá nông nghiệp từ không gian số\nChi tiết: [Diễn đàn doanh nghiệp](https://diendandoanhnghiep.vn/hai-phong-but-pha-nong-nghiep-tu-khong-gian-so-10178452.html)\nNháp: có\n');
    expect(markdownToYaml('/tmp/so-20.md', md).text).toContain('draft: true');
  });

  it('reads a sentence that starts with "Bởi" as text, not as an author', () => {
    const { raw } = read(item('28/05: Kinh tế số', 'Bởi vậy, các doanh nghiệp cần chuyển đổi số sớm.'));
    expect(raw.parts[0]!.articles![0]!.author).toBeUndefined();
    expect(raw.parts[0]!.articles![0]!.body).toMatch(/^Bởi vậy, các doanh nghiệp/);
  });

  it.each([
    ['25/5', '2026-05-25'],
    ['25/05', '2026-05-25'],
    ['25/05/2026', '2026-05-25'],
    ['2026-05-25', '2026-05-25'],
    ['26–28/05', '2026-05-26/2026-05-28'],
    ['26-28/5', '2026-05-26/2026-05-28'],
    ['30/4 – 2/5', '2026-04-30/2026-05-02'],
    ['30/12/2025–2/1/2026', '2025-12-30/2026-01-02'],
  ])('reads the date %s', (written, value) => {
    expect(read(item(`${written}: Kinh tế số`)).raw.parts[0]!.articles![0]).toMatchObject({ date: value, title: 'Kinh tế số' });
  });

  it('takes the year that puts a day in a week across New Year', () => {
    const text = item('30/12: Kinh tế số').replace('start: 2026-05-25', 'start: 2025-12-29').replace('end: 2026-05-31', 'end: 2026-01-04');
    const next = text.replace('## 30/12:', '## 02/01:');
    expect(read(text).raw.parts[0]!.articles![0]!.date).toBe('2025-12-30');
    expect(read(next).raw.parts[0]!.articles![0]!.date).toBe('2026-01-02');
    const md = yamlToMarkdown('/tmp/x.yaml', markdownToYaml('/tmp/x.md', next).text!).text!;
    expect(md).toContain('## 02/01: Kinh tế số');
  });

  it.each([
    ['Loại: Tổng kết', 'summary'],
    ['kind: summary', 'summary'],
    ['loai: tieu diem', 'spotlight'],
    ['Loại: tin ngắn', 'digest'],
  ])('reads the part kind %s', (line, kind) => {
    const text = `${FRONT.replace('# Tin trong nước\n', `# Tin trong nước\n${line}\n`)}## Xu hướng chung\n\nNội dung.\n`;
    expect(read(text).raw.parts[0]!.kind).toBe(kind);
  });
});

describe('problems in a Markdown file point at its line and column', () => {
  it('a date that is not a day', () => {
    const { diagnostics } = read(item('32/05: Kinh tế số hướng tới 30% GDP'));
    expect(diagnostics.map(at)).toEqual([{ line: 15, col: 4, path: 'parts[0].articles[0].date' }]);
    expect(diagnostics[0]!.sourceLine).toBe('## 32/05: Kinh tế số hướng tới 30% GDP');
  });

  it('a missing title', () => {
    const { diagnostics } = read(item('28/05:'));
    expect(diagnostics.map(at)).toEqual([{ line: 15, col: 1, path: 'parts[0].articles[0].title' }]);
    expect(diagnostics[0]!.message).toContain('title');
  });

  it('a missing date in a news part', () => {
    const { diagnostics } = read(item('Kinh tế số hướng tới 30% GDP'));
    expect(diagnostics.map(at)).toEqual([{ line: 15, col: 1, path: 'parts[0].articles[0].date' }]);
  });

  it('a web address that is not one', () => {
    const { diagnostics } = read(item('28/05: Kinh tế số', 'Chi tiết: [VOV](htps://vov.vn/kinh-te)'));
    expect(diagnostics.map(at)).toEqual([{ line: 16, col: 17, path: 'parts[0].articles[0].source.url' }]);
    const pasted = read(item('28/05: Kinh tế số', '[Chi tiết: VOV](#)')).diagnostics;
    expect(pasted.map(at)).toEqual([{ line: 16, col: 17, path: 'parts[0].articles[0].source.url' }]);
    const bare = read(item('28/05: Kinh tế số', 'Chi tiết: VOV www.vov.vn/kinh-te')).diagnostics;
    expect(bare.map(at)).toEqual([{ line: 16, col: 15, path: 'parts[0].articles[0].source.url' }]);
  });

  it('a problem in the front matter', () => {
    const { diagnostics } = read(item('28/05: Kinh tế số').replace('number: 20/2026', 'number: 20'));
    expect(diagnostics.map(at)).toEqual([{ line: 7, col: 11, path: 'issue.number' }]);
  });

  it('a problem inside a ```bantin block', () => {
    const block = '\n```bantin\ntype: quote\ntext: Tôi tin tưởng sâu sắc.\nspeeker: Tô Lâm\n```\n';
    const { diagnostics } = read(item('28/05: Kinh tế số') + block);
    // Line 23 is "speeker: Tô Lâm"; the quote also lacks its speaker (pointed at the block's first field, line 21).
    expect(diagnostics.map(at)).toEqual([
      { line: 21, col: 1, path: 'parts[0].articles[0].blocks[0].speaker' },
      { line: 23, col: 1, path: 'parts[0].articles[0].blocks[0].speeker' },
    ]);
    const broken = read(`${item('28/05: Kinh tế số')}\n\`\`\`bantin\ntype: quote\ntext: "Tôi tin\n\`\`\`\n`).diagnostics;
    expect(broken.map(at)).toEqual([{ line: 22, col: 7, path: 'parts[0].articles[0].text' }]);
    const open = read(`${item('28/05: Kinh tế số')}\n\`\`\`bantin\ntype: quote\n`).diagnostics;
    expect(open.map((d) => [d.line, d.col, d.code])).toEqual([[20, 1, 'markdown']]);
  });

  it('an editorial warning, at the date in the heading', () => {
    const { source, input } = read(item('02/06: Kinh tế số hướng tới 30% GDP'));
    const { issue } = buildIssue(source, input!);
    const { warnings } = lintIssue(source, issue);
    expect(warnings.filter((w) => w.code === 'date-outside-period').map(at)).toEqual([{ line: 15, col: 4, path: 'parts[0].articles[0].date' }]);
  });

  it('an empty file, as for YAML', () => {
    expect(read('').diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[1, 1, 'empty']]);
  });

  it('text that belongs to no item, an unknown kind, an item before any part', () => {
    const stray = read(`${FRONT}Một đoạn mở đầu.\n\n## 28/05: Kinh tế số\n\nNội dung.\n`).diagnostics;
    expect(stray.map((d) => [d.line, d.col, d.code])).toEqual([[15, 1, 'markdown']]);
    const kind = read(`${FRONT.replace('# Tin trong nước\n', '# Tin trong nước\nLoại: tổng hợp\n')}## 28/05: Kinh tế số\n\nNội dung.\n`).diagnostics;
    expect(kind.map((d) => [d.line, d.col, d.code])).toEqual([[14, 7, 'markdown']]);
    expect(kind[0]!.message).toContain('tổng hợp');
    const orphan = read(`${FRONT.replace('# Tin trong nước\n', '')}## 28/05: Kinh tế số\n\nNội dung.\n`).diagnostics;
    expect(orphan.map((d) => [d.line, d.col, d.code])).toContainEqual([14, 1, 'markdown']);
  });
});

describe('bantin convert', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bantin-convert-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the other form beside the input, and never replaces a file it was not told to', async () => {
    const input = path.join(dir, 'so-20-2026.yaml');
    await writeFile(input, example('so-20-2026'));
    const result = await convert({ input });
    expect(result).toMatchObject({ output: path.join(dir, 'so-20-2026.md'), from: 'yaml', to: 'md' });
    const md = await readFile(result.output, 'utf8');
    expect(md.startsWith('---\n# yaml-language-server')).toBe(true);
    await expect(convert({ input })).rejects.toThrow(UserError);
    // Back to YAML under another name (the form from -o's extension), then replacing it when -o names it.
    const yamlOut = path.join(dir, 'back.yaml');
    expect(await convert({ input: result.output, output: yamlOut })).toMatchObject({ to: 'yaml' });
    await writeFile(yamlOut, 'old');
    await convert({ input: result.output, output: yamlOut });
    expect(await readFile(yamlOut, 'utf8')).toContain('parts:\n');
  });

  it('refuses to write over its input, to convert to the same form, or to convert a file with errors', async () => {
    const input = path.join(dir, 'bad.yaml');
    await writeFile(input, example('so-20-2026').replace('number: 20/2026', 'number: 20'));
    await expect(convert({ input, output: input, to: 'md' })).rejects.toThrow(UsageError);
    await expect(convert({ input, to: 'yaml' })).rejects.toThrow(UsageError);
    await expect(convert({ input, output: path.join(dir, 'x.yaml'), to: 'md' })).rejects.toThrow(UsageError);
    const error = await convert({ input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).diagnostics.map((d) => d.path)).toEqual(['issue.number']);
    await expect(readFile(path.join(dir, 'bad.md'))).rejects.toThrow();
  });
});
