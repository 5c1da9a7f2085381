/**
 * The Ho Chi Minh City infographic from ../shared/seeds/hcm-infographic-10-2025.txt, built with
 * the hcm-infographic theme and read back from the final PDF: the cover's page numbers and part
 * ranges are the pages their targets are on, the QR codes are the example's addresses (the seed
 * has none), every font is embedded, and every line of the seed's text is printed (except the
 * listed ones, each for a stated reason).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { readDestinations } from '../../src/pdf/destinations.js';
import { decodeQrCodes, fonts, pdfInfo, repoRoot } from './pdf-tools.js';
import { printed, type Printed } from './prints.js';
import { runCli } from './run-cli.js';

const EXAMPLE = path.join(repoRoot, 'examples/hcm-10-2025.yaml');
const seedPath = [path.join(repoRoot, '../../shared/seeds/hcm-infographic-10-2025.txt'), '/work/shared/seeds/hcm-infographic-10-2025.txt'].find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
});

/** Running heads and footers ("PHẦN II", "4", "BẢN TIN … · SỐ 10/2025") at the edges of a page's text. */
const MARGIN = /^(PHẦN [IVXLC]+|\d+|BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ · SỐ 10\/2025)$/;
/** Compared without any whitespace: a line may break anywhere, and the seed has stray spaces ("Gồ m"). */
// Quotes print in the issue's one style (typographic by default): compared without their shape.
const tight = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

/** Each page's text in drawing order (-raw: the two columns one after the other), margins dropped. */
function rawPages(pdf: string): string[] {
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return raw.split('\f').slice(0, -1).map((page) => {
    const lines = page.trim().split('\n');
    while (lines.length && MARGIN.test(lines.at(-1)!.trim())) lines.pop();
    while (lines.length && MARGIN.test(lines[0]!.trim())) lines.shift();
    return lines.join('\n');
  });
}

/**
 * Seed lines the example does not print as they stand, by reason. The extraction lost the
 * numbers of some sentences (they were pictures), ran separate boxes into one line, or set a
 * date, a list marker or a speaker's name where the example has a field for it.
 */
const NOT_PRINTED_AS_IS: Record<string, string[]> = {
  'numbers lost in extraction: the sentences are left out': [
    '≥60%TFP đóng góp', 'Kinh tế số chiếm                           GRDP', 'tạo quốc tế,', ' Top          hệ sinh thái khởi nghiệp', 'Ít nhất     trung tâm nghiên cứu đạt', 'chuẩn quốc tế.',
    'Hơn                         nhân lực KHCN,                nhóm', 'nghiên cứu mạnh, hợp tác quốc tế, tạo ra', 'nhiều sản phẩm chất lượng cao; ', 'Hơn                    startup, nhiều không gian sáng',
    'tạo, quỹ đầu tư và vườn ươm.', ' Xếp hạng           toàn cầu,      Đông', 'Nam Á về hệ sinh thái khởi nghiệp.', 'Xếp hạng       cả nước về chuyển đổi', 'số và đổi mới sáng tạo.', 'Xếp hạng         thế giới về Blockchain.',
    'Kinh tế số đóng góp        G     GRDP (2024), dự kiến                năm 2025.25%22%',
  ],
  'boxes run together in extraction (each piece is printed where it belongs)': [
    '7 tiêu chí đánh giá về tác động kinh tế tiêu chí đánh giá về tác động xã hội và môi trường', 'tiêu chí đánh giá tác động quản trị và dịch vụ công  tiêu chí đánh giá tác động tổng hợp 4',
    '(10 tiêu chí)Nhóm tiêu chí kết quả ', '(5 tiêu chí)Nhóm tiêu chí hiệu quả ', 'Mục tiêu 2030 Tầm nhìn 2045',
    '7 nguyên tắc cốt lõi - quản trị bằng dữ liệu, lấy người dân làm trung tâm 3 giai đoạn triển khai', 'Tiêu chí Đối tượng áp dụng 4 bước thực hiện', 'AI AI',
    ' Đề xuất sáng kiếnCác bộ, cơ quan ngang bộ, cơ quan', 'Nguồn: Tạp chí Kinh tế - Tài chínhChuyên gia bàn giải pháp xây dựng nền tảng vững chắc ',
    'cạnh tranh toàn cầu trong 5G, AI, bán dẫn Nguồn: VnExpress', 'hàng đầu:', 'của khoa học, doanh nghiệp trong nước:',
  ],
  'dates printed from the date field (13–15/10), the three unassigned dates left out': [
    'Ngày 13-15/10/2025 ', 'Ngày 11/10/2025 ', 'Ngày 07/10/2025 ', 'Ngày 10/10/2025 ', 'Ngày 09/10/2025 ',
    'Ngày 09/10, Trung tâm Phát triển Giáo dục và Đào tạo phía Nam phối hợp tổ chức ',
    'Ngày 09/10, Hiệp hội Phần mềm và Dịch vụ Công nghệ thông tin Việt Nam (VINASA) tổ chức',
  ],
  'set apart by the infographic blocks: a breakdown prints "29 tiêu chí" beside its group, a timeline a phase\'s period over its title, a callout and a panel their label without the colon, a speaker card the name over the role, a ranking the survey\'s sectors and shares': [
    '(2 tiêu chí)', 'Nhóm tiêu chí tác động (29 tiêu chí)',
    'Giai đoạn 2025-2026 (nền tảng):', 'Giai đoạn 2027-2028 (tích hợp):', 'Giai đoạn 2029-2030 (tối ưu và', 'thông minh hóa): phát triển hệ',
    'Nhận định:', 'Yêu cầu:', 'Tầm nhìn và mô hình phát triển:', 'Khát vọng đổi mới sáng tạo:', 'Huy động nguồn lực xã hội: thúc đẩy',
    'GIÁM ĐỐC TRUNG TÂM CHUYỂN ĐỔI SỐ TP.HCM VÕ THỊ TRUNG TRINH',
    'thấy AI mở ra cơ hội lớn thúc đẩy kinh tế số. Các ngành dẫn', 'dắt xu hướng cung cấp AI gồm CNTT 31%, tài chính - ngân', 'hàng 22%, giáo dục 17%, thương mại điện tử và y tế 15%. Nhu',
  ],
  'list markers and speakers set by the layout ("+" is a Markdown bullet; a quote prints "name, role")': [
    '+ Ủy ban MTTQ Việt', '+ Kêu gọi phát huy vai trò nòng cốt của đội', 'PHÓ CHỦ TỊCH UBND THÀNH PHỐ NGUYỄN MẠNH CƯỜNG',
  ],
};

describe('examples/hcm-10-2025.yaml (hcm-infographic)', () => {
  let issue: Issue;
  let result: Printed & { output: string; pageCount: number };
  let pages: string[];
  beforeAll(async () => {
    issue = (await loadIssue(EXAMPLE)).issue!;
    // As `bantin build` prints it with no flags (prints-plan.ts, batch print-A4).
    const print = printed('print-A4', 'hcm-10-2025');
    result = { ...print, output: print.pdf };
    pages = rawPages(result.output);
  });

  it('builds and checks with no warning; monthly metadata', async () => {
    expect(result.diagnostics).toEqual([]);
    const checked = await runCli(['check', '--json', EXAMPLE]);
    expect(checked.code, checked.stderr).toBe(0);
    // What the example silences with # bantin-ignore is listed apart ("ignored"): no error, no warning.
    expect(JSON.parse(checked.stdout)).toMatchObject([{ file: EXAMPLE, ok: true, errors: [], warnings: [] }]);
    expect(pdfInfo(result.output).Subject).toBe('Bản tin Khoa học và Công nghệ số 10/2025, tháng 10/2025');
    expect(pages).toHaveLength(result.pageCount);
  });

  it('has the seed’s pieces: highlight news, "Nhiệm vụ", "3 chiến lược đột phá", key figures, quotes, related activities, sources', () => {
    const text = tight(pages.slice(1).join('\n'));
    for (const piece of ['Tin nổi bật', 'Nhiệm vụ', '3 chiến lược đột phá', '30–40% Kinh tế số chiếm GRDP', '≥60% TFP đóng góp', '“Tôi tin tưởng sâu sắc', 'Tô Lâm, Tổng Bí thư', 'Hoạt động liên quan', 'Nguồn: SGGP', 'Nguồn: VnExpress', 'Nguồn: Khoa học phổ thông']) {
      expect(text, piece).toContain(tight(piece));
    }
    expect(text.match(new RegExp(tight('Hoạt động liên quan'), 'g'))).toHaveLength(2);
  });

  it('prints on the cover the page of each article and the page range of each part, as the final PDF has them', async () => {
    // Lower case: a theme may set a part's entry in capitals.
    const cover = pages[0]!.replace(/\s+/g, ' ').toLocaleLowerCase('vi').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    const { destinations } = await readDestinations(readFileSync(result.output));
    // The page (1-based) a title is on; a title on no page fails here, not as a page 0 that passes a comparison.
    const found = (title: string, index: number) => {
      expect(index, `"${title}" is printed after the cover`).toBeGreaterThan(0);
      return index + 1;
    };
    const startsOn = (title: string) => found(title, pages.findIndex((p, i) => i > 0 && tight(p).includes(tight(title))));
    // A part starts a page with its header (its "PHẦN II" label is drawn last: dropped with the margins).
    const partStart = (title: string) => found(title, pages.findIndex((p, i) => i > 0 && tight(p).startsWith(tight(title))));
    // A part named like its group is printed as the group's label with the range.
    const entries = issue.cover.groups.flatMap((g) => [...(g.part ? [g.part] : []), ...g.items]);
    expect(entries.length).toBeGreaterThan(6);
    for (const entry of entries) {
      const title = entry.title.replace(/\s+/g, ' ').toLocaleLowerCase('vi').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
      // The entry, not a group label of the same words: the one followed by its page.
      const at = [...cover.matchAll(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index).find((i) => /^\s*(tr\.|trang) \d/.test(cover.slice(i + title.length)));
      expect(at, entry.title).toBeDefined();
      const after = cover.slice(at! + title.length);
      if (entry.kind === 'article') {
        const printed = Number(/^\s*tr\. (\d+)/.exec(after)?.[1]);
        const article = issue.articles.find((a) => a.id === entry.id)!;
        expect(printed, entry.title).toBe(startsOn(article.title));
        expect(printed, entry.title).toBe(destinations.get(entry.id)?.page);
        continue;
      }
      const [, from, to] = /^\s*trang (\d+)(?:–(\d+))?/.exec(after) ?? [];
      const part = issue.parts.find((p) => p.id === entry.id)!;
      const next = issue.parts[issue.parts.indexOf(part) + 1];
      const first = partStart(part.title);
      // A part ends on the page before the next one starts (every part starts a page), or on the last page.
      const last = next ? partStart(next.title) - 1 : pages.length;
      expect([Number(from), Number(to ?? from)], part.title).toEqual([first, last]);
      expect(destinations.get(entry.endId!)?.page, `${part.title}: its end marker`).toBe(last);
      // The last page has text, and the part's last article starts on or before it.
      expect(pages[last - 1]!.trim().length, `${part.title}: page ${last}`).toBeGreaterThan(40);
      expect(startsOn(part.articles.at(-1)!.title)).toBeLessThanOrEqual(last);
      expect(last, part.title).toBeGreaterThanOrEqual(first);
    }
  });

  it('has exactly the QR codes of the addresses in the example (the seed has none), and embeds every font', async () => {
    const urls = [...readFileSync(EXAMPLE, 'utf8').matchAll(/^\s*(?:url|website):\s*(\S+)/gm)].map((m) => m[1]);
    expect([...(await decodeQrCodes(result.output)).values()].flat().sort()).toEqual(urls.sort());
    expect(fonts(result.output).length).toBeGreaterThan(0);
    expect(fonts(result.output).filter((f) => !f.embedded)).toEqual([]);
  });

  it.runIf(seedPath)('prints every line of the seed, but for the listed ones', () => {
    const text = tight(pages.join('\n'));
    const excluded = new Set(Object.values(NOT_PRINTED_AS_IS).flat().map(tight));
    const lines = readFileSync(seedPath!, 'utf8').split('\n').filter((l) => tight(l).length > 1);
    expect(lines.length).toBeGreaterThan(400);
    const missing = lines.filter((l) => !excluded.has(tight(l)) && !text.includes(tight(l)));
    expect(missing).toEqual([]);
    // The exclusions are real seed lines, each still absent (a stale entry would hide nothing).
    const seedLines = new Set(lines.map(tight));
    for (const line of excluded) expect(seedLines.has(line), line).toBe(true);
  });
});

describe('a part on one page', () => {
  it('prints "Trang N", not "Trang N–N", and a longer part its first and last page', async () => {
    // inputs.ts onePagePartIssue, printed with no flags (prints-plan.ts, batch print-A4).
    const built = printed('print-A4', 'one-page');
    const { destinations } = await readDestinations(readFileSync(built.pdf));
    const [short, longPart] = [destinations.get('ngan')!.page, destinations.get('dai')!.page];
    const last = destinations.get('dai--end')!.page;
    expect(last).toBeGreaterThan(longPart);
    expect(last).toBe(built.pageCount);
    const cover = rawPages(built.pdf)[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain(`Tin ngắn Trang ${short} `);
    expect(cover).toContain(`Tin dài Trang ${longPart}–${last}`);
  });
});
