/**
 * Shared by the unit tests: a minimal valid issue (real content from issue 20/2026) and small
 * helpers to edit it and load it. The line numbers in the tests refer to MINIMAL_ISSUE below.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { loadIssueText, type LoadResult } from '../../src/issue/load.js';

export const VOV_URL = 'https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov';

// Line numbers (1-based):  1 series · 6 number · 8 start · 9 end · 11 kind · 14 date · 15 title
// · 16 source · 18 url · 19 body.
export const MINIMAL_ISSUE = `series:
  title: Điểm tin Khoa học Công nghệ
  publisher:
    - Sở Khoa học và Công nghệ
issue:
  number: 20/2026
  week:
    start: 2026-05-25
    end: 2026-05-31
parts:
  - kind: news
    title: Tin trong nước
    articles:
      - date: 2026-05-28
        title: Kinh tế số hướng tới 30% GDP
        source:
          name: VOV
          url: ${VOV_URL}
        body: |
          Tiến trình phát triển nền kinh tế số quốc gia đang được thiết lập với mục tiêu tỷ trọng đóng góp đạt 30% tổng sản phẩm quốc nội vào năm 2030.
`;

/** Replaces one exact piece of the text; throws when it is absent so a stale edit cannot pass silently. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} is not in the text`);
  return text.replace(from, to);
}

/** A path in an existing folder: loadIssueText resolves images against the issue's folder. */
export const TMP_ISSUE_FILE = path.join(tmpdir(), 'so-20-2026.yaml');

export function load(text: string, file = TMP_ISSUE_FILE): Promise<LoadResult> {
  return loadIssueText(file, text);
}

/** The fields a user sees, for exact comparisons. */
export function seen(d: Diagnostic): Pick<Diagnostic, 'line' | 'col' | 'path' | 'message' | 'sourceLine'> {
  return { line: d.line, col: d.col, path: d.path, message: d.message, sourceLine: d.sourceLine };
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

