/**
 * Issue 30, item 5: the HCMC bulletin's drawn blocks — flow, timeline, panels, breakdown,
 * ranking, speakers, callout. Their print HTML (lists as lists, the breakdown's bar one picture
 * with its words as alternative text), their errors at the line of the field, and the numbers a
 * ranking's bars are drawn from. Content from ../shared/seeds/hcm-infographic-10-2025.txt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadingNumber } from '../../src/issue/blocks.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { parseDocument } from './dom.js';
import { edit, load, MINIMAL_ISSUE, seen, TINY_PNG } from './helpers.js';

const BODY_END = 'tổng sản phẩm quốc nội vào năm 2030.\n';
/** The minimal issue with `blocks:` (YAML at the article's indentation) after its body. */
const withBlocks = (yaml: string) => edit(MINIMAL_ISSUE, BODY_END, `${BODY_END}        blocks:\n${yaml}`);
/** 1-based line of the first line of `text` that contains `needle` (a list's error points at its first item). */
const lineOf = (text: string, needle: string) => {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return index + 1;
};
const html = async (text: string, file?: string) => {
  const loaded = await load(text, file);
  expect(loaded.diagnostics.map(seen)).toEqual([]);
  return parseDocument((await renderIssueHtml(loaded.issue!)).html);
};
const clean = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map(clean);

const FLOW = `          - type: flow
            title: 4 bước thực hiện
            steps:
              - Đề xuất sáng kiến
              - Sàng lọc, trình Ban Chỉ đạo
              - Thẩm tra và Phê duyệt
              - Giao nhiệm vụ, triển khai
            source: { name: SGGP }
`;
const BREAKDOWN = `          - type: breakdown
            title: 04 nhóm chính
            total: 46
            unit: tiêu chí
            groups:
              - { label: Nhóm tiêu chí đầu vào, value: 2 }
              - label: Nhóm tiêu chí kết quả
                value: 10
                items:
                  - 6 tiêu chí đánh giá kết quả nghiên cứu KH&CN và ĐMST
                  - 4 tiêu chí đánh giá kết quả chuyển giao, ứng dụng
              - { label: Nhóm tiêu chí hiệu quả, value: 5 }
              - { label: Nhóm tiêu chí tác động, value: 29 }
`;

describe('infographic blocks in print', () => {
  it('prints a flow as a numbered list of its steps, in order, with its source', async () => {
    const doc = await html(withBlocks(FLOW));
    expect(doc.querySelector('.flow ol.flow-steps')?.children).toHaveLength(4);
    expect(texts(doc, '.flow-steps > li')).toEqual(['Đề xuất sáng kiến', 'Sàng lọc, trình Ban Chỉ đạo', 'Thẩm tra và Phê duyệt', 'Giao nhiệm vụ, triển khai']);
    expect(clean(doc.querySelector('.flow .block-title'))).toBe('4 bước thực hiện');
    expect(clean(doc.querySelector('.flow .block-source'))).toBe('Nguồn: SGGP');
  });

  it('prints a timeline as a list of phases with their periods, titles and texts', async () => {
    const doc = await html(
      withBlocks(`          - type: timeline
            phases:
              - { period: Giai đoạn 2025-2026, title: Nền tảng, text: "Hoàn thiện hạ tầng và nền tảng lõi." }
              - { period: Giai đoạn 2027-2028, title: Tích hợp }
`),
    );
    expect(texts(doc, 'ol.timeline-phases > li .timeline-period')).toEqual(['Giai đoạn 2025-2026', 'Giai đoạn 2027-2028']);
    expect(texts(doc, '.timeline-title')).toEqual(['Nền tảng', 'Tích hợp']);
    expect(texts(doc, '.timeline-text')).toEqual(['Hoàn thiện hạ tầng và nền tảng lõi.']);
  });

  it('prints panels side by side, each a title over a list, Markdown emphasis kept', async () => {
    const doc = await html(
      withBlocks(`          - type: panels
            panels:
              - title: Tiêu chí
                items:
                  - "**Tính mới, sáng tạo:** Có yếu tố khác biệt, vượt trội so với giải pháp hiện có."
                  - "**Tính khả thi:** Có lộ trình rõ ràng."
              - title: Đối tượng áp dụng
                items:
                  - Các tổ chức KH&CN, doanh nghiệp, viện nghiên cứu, trường đại học;
`),
    );
    expect(doc.querySelector('.panels-row')?.className).toBe('panels-row panels-2');
    expect(texts(doc, '.panel-title')).toEqual(['Tiêu chí', 'Đối tượng áp dụng']);
    expect([...doc.querySelectorAll('.panel')].map((p) => p.querySelectorAll('ul.panel-list > li').length)).toEqual([2, 1]);
    expect(clean(doc.querySelector('.panel-list li strong'))).toBe('Tính mới, sáng tạo:');
  });

  it('draws a breakdown as one picture (role img, its groups and values as alternative text) over a list of the groups', async () => {
    const doc = await html(withBlocks(BREAKDOWN));
    const bar = doc.querySelector('.breakdown-bar')!;
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toBe('46 tiêu chí: Nhóm tiêu chí đầu vào 2; Nhóm tiêu chí kết quả 10; Nhóm tiêu chí hiệu quả 5; Nhóm tiêu chí tác động 29');
    const shares = [...bar.querySelectorAll('.breakdown-segment')].map((s) => Number(/--share: ([\d.]+)%/.exec(s.getAttribute('style') ?? '')?.[1]));
    expect(shares).toEqual([4.348, 21.739, 10.87, 63.043]);
    expect(clean(doc.querySelector('.breakdown-total'))).toBe('46 tiêu chí');
    expect(texts(doc, 'ul.breakdown-groups > li .breakdown-group-head')).toEqual([
      'Nhóm tiêu chí đầu vào 2 tiêu chí',
      'Nhóm tiêu chí kết quả 10 tiêu chí',
      'Nhóm tiêu chí hiệu quả 5 tiêu chí',
      'Nhóm tiêu chí tác động 29 tiêu chí',
    ]);
    expect(texts(doc, '.breakdown-group:nth-child(2) ul.breakdown-items > li')).toEqual(['6 tiêu chí đánh giá kết quả nghiên cứu KH&CN và ĐMST', '4 tiêu chí đánh giá kết quả chuyển giao, ứng dụng']);
  });

  it('totals a breakdown without a total, and prints no unit when none is given', async () => {
    const doc = await html(withBlocks('          - type: breakdown\n            groups:\n              - { label: A, value: 1.5 }\n              - { label: B, value: 2.5 }\n'));
    expect(clean(doc.querySelector('.breakdown-total'))).toBe('4');
    expect(doc.querySelector('.breakdown-bar')?.getAttribute('aria-label')).toBe('4: A 1.5; B 2.5');
  });

  it('ranks items in order with bars to scale when every value starts with a number, and without bars otherwise', async () => {
    const doc = await html(
      withBlocks(`          - type: ranking
            title: Các ngành dẫn dắt xu hướng cung cấp AI
            items:
              - { label: CNTT, value: 31% }
              - { label: Tài chính - ngân hàng, value: 22% }
              - { label: Thương mại điện tử và y tế, value: 15%, note: hai ngành cùng mức }
          - type: ranking
            items:
              - { label: Hệ sinh thái khởi nghiệp, value: Top đầu }
              - { label: Blockchain, value: "5" }
`),
    );
    const [scaled, plain] = [...doc.querySelectorAll('.ranking')];
    expect(scaled!.className).toBe('ranking infographic is-scaled');
    expect([...scaled!.querySelectorAll('ol.ranking-list > li .ranking-label')].map(clean)).toEqual(['CNTT', 'Tài chính - ngân hàng', 'Thương mại điện tử và y tế']);
    expect([...scaled!.querySelectorAll('.ranking-bar')].map((b) => b.getAttribute('style'))).toEqual(['--share: 100%', '--share: 70.968%', '--share: 48.387%']);
    expect(clean(scaled!.querySelector('.ranking-note'))).toBe('hai ngành cùng mức');
    expect(plain!.className).toBe('ranking infographic');
    expect(plain!.querySelectorAll('.ranking-bar')).toHaveLength(0);
  });

  it('prints speakers as a list of cards: portrait (its alt, else the name), name, role, quote, reported words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bantin-blocks-'));
    try {
      writeFileSync(path.join(dir, 'chan-dung.png'), TINY_PNG);
      const doc = await html(
        withBlocks(`          - type: speakers
            items:
              - name: Nguyễn Minh Quang
                role: Tổng Giám đốc Viettel High Tech
                image: { src: chan-dung.png }
                quote: Việc có mặt trong báo cáo của Gartner là dấu mốc.
              - name: Phạm Minh Tuấn
                text: |
                  - Kêu gọi phát huy vai trò nòng cốt của đội ngũ cán bộ.
`),
        path.join(dir, 'so.yaml'),
      );
      const cards = [...doc.querySelectorAll('ul.speakers-list > li.speaker')];
      expect(cards.map((c) => c.className)).toEqual(['speaker has-portrait', 'speaker']);
      expect(cards[0]!.querySelector('img.speaker-portrait')?.getAttribute('alt')).toBe('Nguyễn Minh Quang');
      expect(texts(doc, '.speaker-name')).toEqual(['Nguyễn Minh Quang', 'Phạm Minh Tuấn']);
      expect(texts(doc, '.speaker-role')).toEqual(['Tổng Giám đốc Viettel High Tech']);
      expect(clean(cards[0]!.querySelector('blockquote.speaker-quote'))).toBe('Việc có mặt trong báo cáo của Gartner là dấu mốc.');
      expect(clean(cards[1]!.querySelector('.speaker-text ul > li'))).toBe('Kêu gọi phát huy vai trò nòng cốt của đội ngũ cán bộ.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a callout as a labelled box with its Markdown', async () => {
    const doc = await html(withBlocks('          - type: callout\n            label: Yêu cầu\n            body: |\n              - Nhân rộng các mô hình như gia đình số, đại sứ số…\n'));
    const box = doc.querySelector('aside.callout')!;
    expect(box.getAttribute('aria-label')).toBe('Yêu cầu');
    expect(clean(box.querySelector('.callout-label'))).toBe('Yêu cầu');
    expect(clean(box.querySelector('.callout-body ul > li'))).toBe('Nhân rộng các mô hình như gia đình số, đại sứ số…');
  });
});

describe('infographic blocks: errors at the line of the field', () => {
  const problems = async (yaml: string) => {
    const text = withBlocks(yaml);
    const loaded = await load(text);
    return { text, found: loaded.diagnostics.map((d) => [d.line, d.path, d.message]) };
  };
  const at = 'parts[0].articles[0].blocks[0]';

  it('a flow of one step, or of seven', async () => {
    const one = await problems('          - type: flow\n            steps:\n              - Đề xuất sáng kiến\n');
    expect(one.found).toEqual([[lineOf(one.text, 'Đề xuất sáng kiến'), `${at}.steps`, 'expected at least two steps (a flow leads from one to the next)']]);
    const seven = await problems(`          - type: flow\n            steps:\n${Array.from({ length: 7 }, (_, i) => `              - Bước ${i + 1}\n`).join('')}`);
    expect(seven.found).toEqual([[lineOf(seven.text, 'Bước 1'), `${at}.steps`, 'expected at most 6 steps (they share one row): merge steps or use a numbered list in the body']]);
  });

  it('a timeline phase without its period', async () => {
    const { text, found } = await problems('          - type: timeline\n            phases:\n              - { period: 2025-2026 }\n              - { title: Tích hợp }\n');
    expect(found).toEqual([[lineOf(text, 'Tích hợp'), `${at}.phases[1].period`, expect.stringMatching(/^missing required field "period": expected when the phase happens, e\.g\. 2025–2026/)]]);
  });

  it('one panel or four, and a panel without items', async () => {
    const panel = (n: number) => `              - title: Ô ${n}\n                items:\n                  - Mục\n`;
    const one = await problems(`          - type: panels\n            panels:\n${panel(1)}`);
    expect(one.found).toEqual([[lineOf(one.text, 'Ô 1'), `${at}.panels`, 'expected 2 to 3 panels (they stand side by side): put more in another panels block']]);
    const four = await problems(`          - type: panels\n            panels:\n${[1, 2, 3, 4].map(panel).join('')}`);
    expect(four.found).toEqual([[lineOf(four.text, 'Ô 1'), `${at}.panels`, 'expected 2 to 3 panels (they stand side by side): put more in another panels block']]);
    const empty = await problems(`          - type: panels\n            panels:\n${panel(1)}              - title: Trống\n                items: []\n`);
    expect(empty.found).toEqual([[lineOf(empty.text, 'items: []'), `${at}.panels[1].items`, 'expected at least one item in the panel']]);
  });

  it('a breakdown whose groups do not add up to its total, and a value that is not a positive number', async () => {
    const wrong = await problems(edit(BREAKDOWN, 'total: 46', 'total: 48'));
    expect(wrong.found).toEqual([[lineOf(wrong.text, 'total: 48'), `${at}.total`, "the groups add up to 46, not to the total 48: correct a group's value or the total"]]);
    const text = await problems(edit(BREAKDOWN, 'value: 10', 'value: "mười"'));
    expect(text.found).toEqual([[lineOf(text.text, 'value: "mười"'), `${at}.groups[1].value`, 'expected a number greater than 0, e.g. 10']]);
    const zero = await problems(edit(BREAKDOWN, 'value: 29 }', 'value: 0 }'));
    expect(zero.found).toEqual([[lineOf(zero.text, 'value: 0 }'), `${at}.groups[3].value`, 'expected a number greater than 0, e.g. 10']]);
  });

  it('a ranking of one item, speakers without a name, a callout without its label', async () => {
    const ranking = await problems('          - type: ranking\n            items:\n              - { label: CNTT, value: 31% }\n');
    expect(ranking.found).toEqual([[lineOf(ranking.text, 'CNTT'), `${at}.items`, 'expected at least two items to rank']]);
    const speakers = await problems('          - type: speakers\n            items:\n              - role: Phó Chủ tịch UBND TP.HCM\n');
    expect(speakers.found).toEqual([[lineOf(speakers.text, 'role:'), `${at}.items[0].name`, expect.stringMatching(/^missing required field "name": expected the speaker's name/)]]);
    const callout = await problems('          - type: callout\n            body: Kết quả của phong trào.\n');
    expect(callout.found).toEqual([[lineOf(callout.text, 'type: callout'), `${at}.label`, expect.stringMatching(/^missing required field "label": expected a label, e\.g\. Nhận định/)]]);
  });

  it('a portrait that is not in the issue folder, at its line', async () => {
    const { text, found } = await problems('          - type: speakers\n            items:\n              - name: Tô Lâm\n                image: { src: khong-co.png }\n');
    expect(found).toEqual([[lineOf(text, 'khong-co.png'), `${at}.items[0].image.src`, expect.stringContaining('khong-co.png')]]);
  });
});

describe('the number a ranking value starts with', () => {
  it('reads Vietnamese decimals and thousands, and signs before the number', () => {
    expect(['31%', '1,52 tỷ USD', '5.000 bộ dữ liệu', '≥60%', '~30', '12.5', 'Top 5', 'hạng nhất'].map(leadingNumber)).toEqual([31, 1.52, 5000, 60, 30, 12.5, undefined, undefined]);
  });
});
