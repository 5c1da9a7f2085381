/**
 * The details of three content rules the corpus (tests/fixtures/bad/) shows once each: YAML that
 * means something else (yaml-rules.ts), bidirectional controls (bidi.ts) and addresses carrying
 * a user name or password (lint/urls.ts).
 */
import { describe, expect, it } from 'vitest';
import { edit, load, MINIMAL_ISSUE, VOV_URL } from './helpers.js';

const problems = async (text: string) => (await load(text)).diagnostics.map((d) => [d.severity, d.line, d.col, d.path, d.code]);

describe('YAML rules', () => {
  it('allows the core tags (!!str keeps a number as text), refuses any other', async () => {
    expect(await problems(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: !!str 2026'))).toEqual([]);
    expect(await problems(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: !!binary R0lG'))).toEqual([['error', 12, 12, 'parts[0].title', 'tag']]);
    expect(await problems(edit(MINIMAL_ISSUE, '    start: 2026-05-25', '    start: !!timestamp 2026-05-25'))).toEqual([['error', 8, 12, 'issue.week.start', 'tag']]);
  });

  it('refuses %TAG and any %YAML but 1.2, and reads an explicit %YAML 1.2', async () => {
    expect(await problems(`%YAML 1.2\n---\n${MINIMAL_ISSUE}`)).toEqual([]);
    expect(await problems(`%TAG !bt! tag:bantin,2026:\n---\n${MINIMAL_ISSUE}`)).toEqual([['error', 1, 1, '', 'yaml-directive']]);
    const { diagnostics } = await load(`# số 20\n%YAML 1.1\n---\n${MINIMAL_ISSUE}`);
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[2, 1, 'yaml-directive']]); // not "expected YYYY-MM-DD" for every date
  });

  it('refuses an empty key written in quotes, but not a quoted "<<"', async () => {
    expect(await problems(edit(MINIMAL_ISSUE, '  publisher:', '  "": x\n  publisher:'))).toEqual([['error', 3, 3, 'series.', 'key']]);
    const quoted = await problems(edit(MINIMAL_ISSUE, '  publisher:', '  "<<": x\n  publisher:'));
    expect(quoted.map((p) => p[4])).toEqual(['unknown-key']);
  });

  it('reads a document end marker and a leading --- as one document', async () => {
    expect(await problems(`---\n${MINIMAL_ISSUE}...\n`)).toEqual([]);
  });
});

describe('bidirectional controls', () => {
  it('refuses one written as a YAML escape, in the value', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: "Tin \\u2067trong nước"'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.code, d.message])).toEqual([
      [12, 12, 'parts[0].title', 'schema', 'invisible bidirectional control U+2067 (right-to-left isolate): it makes the text around it print in another order; delete it'],
    ]);
  });

  it('prints an entity in a title as text, so it is not refused there', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: Tin &#x202E; trong nước'));
    expect(diagnostics).toEqual([]);
    expect(issue!.parts[0]!.title).toBe('Tin &#x202E; trong nước');
  });

  it('finds the decimal entity too, and shows the typed character as � under the message', async () => {
    const body = 'Tiến trình phát triển nền kinh tế số';
    const { diagnostics } = await load(edit(edit(MINIMAL_ISSUE, body, `${body} &#8238;`), 'name: VOV', 'name: V\u202DOV'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.sourceLine])).toEqual([
      [17, 18, 'parts[0].articles[0].source.name', '          name: V\uFFFDOV'],
      [20, 48, 'parts[0].articles[0].body', `          ${body} &#8238; quốc gia đang được thiết lập với mục tiêu tỷ trọng đóng góp đạt 30% tổng sản phẩm quốc nội vào năm 2030.`],
    ]);
  });
});

describe('url-credentials', () => {
  it('warns of a user name alone, and on every kind of address', async () => {
    const text = edit(
      edit(MINIMAL_ISSUE, `url: ${VOV_URL}`, `url: https://bientap@vov.vn/bai`),
      '  publisher:',
      '  website: https://admin:matkhau@sokhcn.haiphong.gov.vn/\n  publisher:',
    );
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.line, d.path, d.code])).toEqual([
      [3, 'series.website', 'url-credentials'],
      [19, 'parts[0].articles[0].source.url', 'url-credentials'],
    ]);
    expect(diagnostics[1]!.message).toBe(
      'this address carries a user name (before "@vov.vn"): the page prints only vov.vn, but the QR code and the link would give it to every reader; remove the part before "@"',
    );
  });

  it('lets an "@" in the path or query pass', async () => {
    expect(await problems(edit(MINIMAL_ISSUE, `url: ${VOV_URL}`, 'url: https://vov.vn/tac-gia/@bientap?lien-he=a@b.vn'))).toEqual([]);
  });
});
