/** Problems found by the bad-input corpus and the property tests, each pinned down. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { edit, load, MINIMAL_ISSUE, VOV_URL } from './helpers.js';

describe('regressions', () => {
  it('refuses a URL too long for a QR code, at its line, instead of failing while printing', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, VOV_URL, `https://vov.vn/kinh-te/${'a'.repeat(2400)}`));
    expect(issue).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: 'parts[0].articles[0].source.url', line: 18 });
    expect(diagnostics[0]!.message).toContain('at most 2000 characters');
  });

  it('refuses control characters and spaces inside a URL', async () => {
    for (const url of ['"https://vov.vn/a\\x07b"', '"https://vov.vn/a b"']) {
      const { diagnostics } = await load(edit(MINIMAL_ISSUE, VOV_URL, url));
      expect(diagnostics.map((d) => d.message), url).toContain('expected a web address without spaces or control characters');
    }
  });

  it('never echoes an escape sequence from the file into the terminal', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '    - Sở Khoa học và Công nghệ', '    - ["\\e]0;pwned\\a\\e[2J"]'));
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
  });

  it('writes what a Markdown field is, in lower case, in its message', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, /body: \|[\s\S]*$/.exec(MINIMAL_ISSUE)![0], 'body: ""\n'));
    expect(diagnostics[0]?.message).toBe('expected the article text, got an empty text');
  });

  it('prints a Markdown image as its alt text, never as a link or an image', () => {
    const html = renderMarkdown('Ảnh: ![Cảng Lạch Huyện](https://example.vn/a.jpg) hôm nay');
    expect(html).toBe('<p>Ảnh: Cảng Lạch Huyện hôm nay</p>\n');
  });
});
