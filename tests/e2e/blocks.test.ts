/**
 * The infographic blocks (flow, timeline, panels, breakdown, ranking, speakers, callout) in the
 * final PDF of tests/fixtures/blocks/issue.yaml, in every built-in theme on A4 and in two themes
 * on A5 (two columns there): each block's words are printed in order and on one page (a block
 * never splits), its lists are tagged L/LI, the breakdown's bar is one Figure whose alternative
 * text names its groups and values, the portrait is a Figure with its alt.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { elements, elementText, pageContents, readStructTree, type StructElement } from './struct-tree.js';

const FIXTURE = path.join(repoRoot, 'tests/fixtures/blocks/issue.yaml');
const CASES = [
  ['base', 'A4'],
  ['haiphong', 'A4'],
  ['hcm-infographic', 'A4'],
  ['digest', 'A4'],
  ['base', 'A5'],
  ['hcm-infographic', 'A5'],
] as const;

/** Compared without whitespace (lines break anywhere), quotation marks or case (labels are set in capitals). */
const tight = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/[\s“”"]+/g, '');

/** Each block's words, in the order they must be read; the first are the block's own (a page is searched for them). */
const BLOCKS: Record<string, string[]> = {
  flow: ['4 bước thực hiện', 'Đề xuất sáng kiến', 'Sàng lọc, trình Ban Chỉ đạo', 'Thẩm tra và Phê duyệt', 'Giao nhiệm vụ, triển khai', 'Nguồn: SGGP'],
  panels: ['Tiêu chí Tính mới, sáng tạo:', 'Tính khả thi:', 'Đối tượng áp dụng', 'Các tổ chức KH&CN', 'Kế hoạch số 01-KH/BCĐTW.'],
  breakdown: ['46 tiêu chí 04 nhóm chính', 'Nhóm tiêu chí đầu vào 2 tiêu chí', 'Nhóm tiêu chí kết quả 10 tiêu chí', '6 tiêu chí đánh giá kết quả nghiên cứu KH&CN và ĐMST', '4 tiêu chí đánh giá kết quả chuyển giao, ứng dụng', 'Nhóm tiêu chí hiệu quả 5 tiêu chí', 'Nhóm tiêu chí tác động 29 tiêu chí'],
  timeline: ['3 giai đoạn triển khai', 'Giai đoạn 2025-2026', 'Nền tảng', 'Giai đoạn 2027-2028', 'Tích hợp', 'Giai đoạn 2029-2030', 'Tối ưu và thông minh hóa', 'dữ liệu lớn trong điều hành.'],
  speakers: ['Trần Thị Diệu Thúy', 'Phó Chủ tịch UBND TP.HCM', 'Kết quả của phong trào', 'chất lượng sống của người dân.', 'Võ Thị Trung Trinh', 'Giám đốc Trung tâm Chuyển đổi số TP.HCM', 'Ngay sau lễ phát động'],
  callout: ['Yêu cầu Nhân rộng các mô hình như gia đình số, đại sứ số…', 'Đào tạo, phổ cập kỹ năng mới'],
  ranking: ['Các ngành dẫn dắt xu hướng cung cấp AI', 'CNTT', '31%', 'Tài chính - ngân hàng', '22%', 'Giáo dục', '17%', 'Thương mại điện tử và y tế', '15%'],
};

interface Built {
  pdf: string;
  /** Each page's text as drawn (pdftotext -raw), tight. */
  pages: string[];
}

let dir: string;
const built = new Map<string, Built>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-blocks-'));
  for (const [theme, size] of CASES) {
    const pdf = path.join(dir, `${theme}-${size}.pdf`);
    const run = await runCli(['build', FIXTURE, '--theme', theme, '--size', size, '-o', pdf], { timeoutMs: 120_000 });
    if (run.code !== 0) throw new Error(`${theme} ${size}: ${run.stderr}`);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    built.set(`${theme} ${size}`, { pdf, pages: raw.split('\f').slice(0, -1).map(tight) });
  }
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(CASES)('the blocks in the %s theme, %s', (theme, size) => {
  it.each(Object.keys(BLOCKS))('prints the %s block whole on one page, its words in order', (block) => {
    const { pages } = built.get(`${theme} ${size}`)!;
    const pieces = BLOCKS[block]!.map(tight);
    const page = pages.findIndex((p) => p.includes(pieces[0]!));
    expect(page, `${pieces[0]} is printed`).toBeGreaterThanOrEqual(0);
    let from = 0;
    for (const piece of pieces) {
      const at = pages[page]!.indexOf(piece, from);
      expect(at, `"${piece}" after the block's earlier words, on page ${page + 1}`).toBeGreaterThanOrEqual(0);
      from = at + piece.length;
    }
  });

  it('tags the steps, phases, panels, groups, ranks and speakers as lists, the bar and the portrait as Figures with alternative text', async () => {
    const tree = await readStructTree(readFileSync(built.get(`${theme} ${size}`)!.pdf));
    const contents = pageContents(tree.doc);
    // Lines of a tagged text are marked-content sequences with no space between them: compared tight.
    const text = (el: StructElement) => tight(elementText(el, contents));
    const all = [...elements(tree.root)];
    /** The items of the list whose text contains `words`. */
    const listItems = (words: string) => {
      const list = all.find((el) => el.type === 'L' && text(el).includes(tight(words)));
      expect(list, `a list holding "${words}"`).toBeDefined();
      return list!.children.filter((c): c is StructElement => c.kind === 'element' && c.type === 'LI').map(text);
    };
    expect(listItems('Đề xuất sáng kiến')).toEqual(['Đề xuất sáng kiến', 'Sàng lọc, trình Ban Chỉ đạo', 'Thẩm tra và Phê duyệt', 'Giao nhiệm vụ, triển khai'].map(tight));
    expect(listItems('Giai đoạn 2027-2028')).toHaveLength(3);
    expect(listItems('Tính khả thi')).toHaveLength(2);
    // A group's own list keeps its dashes: the marker is the item's label (Lbl).
    expect(listItems('Nhóm tiêu chí tác động')).toEqual(
      ['Nhóm tiêu chí đầu vào 2 tiêu chí', 'Nhóm tiêu chí kết quả 10 tiêu chí – 6 tiêu chí đánh giá kết quả nghiên cứu KH&CN và ĐMST – 4 tiêu chí đánh giá kết quả chuyển giao, ứng dụng', 'Nhóm tiêu chí hiệu quả 5 tiêu chí', 'Nhóm tiêu chí tác động 29 tiêu chí'].map(tight),
    );
    expect(listItems('Thương mại điện tử và y tế')).toEqual(['CNTT 31%', 'Tài chính - ngân hàng 22%', 'Giáo dục 17%', 'Thương mại điện tử và y tế 15%'].map(tight));
    expect(listItems('Võ Thị Trung Trinh')).toHaveLength(2);
    const figures = all.filter((el) => el.type === 'Figure').map((el) => el.alt);
    expect(figures).toContain('46 tiêu chí: Nhóm tiêu chí đầu vào 2; Nhóm tiêu chí kết quả 10; Nhóm tiêu chí hiệu quả 5; Nhóm tiêu chí tác động 29');
    expect(figures).toContain('Chân dung minh họa');
  });
});
