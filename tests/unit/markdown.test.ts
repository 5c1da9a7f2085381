/** Markdown for article bodies: demoted headings, lists, emphasis; no raw HTML, images or unsafe links. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownInline } from '../../src/render/markdown.js';

describe('renderMarkdown', () => {
  it('drops invisible characters that entities make, as it does typed ones', () => {
    expect(renderMarkdown('Kinh&#x200B;tế số &#8203;đạt 30&zwnj;% GDP&lrm;&#xFEFF;')).toBe('<p>Kinhtế số đạt 30% GDP</p>\n');
    expect(renderMarkdownInline('**Kinh&ZeroWidthSpace;tế** &rlm;số')).toBe('<strong>Kinhtế</strong> số');
    expect(renderMarkdown('👩&zwj;💻 và Kinh&zwj;tế')).toBe('<p>👩\u200D💻 và Kinhtế</p>\n');
  });

  it('demotes ### to an h3 with class md-heading: the level below an article title (h2), none skipped', () => {
    expect(renderMarkdown('### Đổi mới mô hình tăng trưởng quốc gia')).toBe(
      '<h3 class="md-heading">Đổi mới mô hình tăng trưởng quốc gia</h3>\n',
    );
  });

  it('starts at the level it is given (h4 under a summary section title)', () => {
    expect(renderMarkdown('### Cơ chế\n\n#### Chi tiết', { headingLevel: 4 })).toBe('<h4 class="md-heading">Cơ chế</h4>\n<h5 class="md-heading">Chi tiết</h5>\n');
  });

  it.each([
    ['# Tổng quan', 'h3'],
    ['## Tổng quan', 'h3'],
    ['#### Tổng quan', 'h4'],
    ['##### Tổng quan', 'h5'],
    ['###### Tổng quan', 'h6'],
  ])('keeps %s below the article title as %s', (source, tag) => {
    expect(renderMarkdown(source)).toBe(`<${tag} class="md-heading">Tổng quan</${tag}>\n`);
  });

  it('renders bullet and numbered lists', () => {
    expect(renderMarkdown('- Hơn 130 điểm camera\n- Cập nhật 24/7')).toBe('<ul>\n<li>Hơn 130 điểm camera</li>\n<li>Cập nhật 24/7</li>\n</ul>\n');
    expect(renderMarkdown('1. Dữ liệu\n2. Hạ tầng số')).toBe('<ol>\n<li>Dữ liệu</li>\n<li>Hạ tầng số</li>\n</ol>\n');
  });

  it('renders bold run-in labels and italics', () => {
    expect(renderMarkdown('- **Trụ cột phát triển:** KH-CN và *chuyển đổi số*')).toBe(
      '<ul>\n<li><strong>Trụ cột phát triển:</strong> KH-CN và <em>chuyển đổi số</em></li>\n</ul>\n',
    );
  });

  it('separates paragraphs on a blank line and keeps single line breaks inside one', () => {
    expect(renderMarkdown('Dòng một\ndòng hai\n\nĐoạn hai')).toBe('<p>Dòng một\ndòng hai</p>\n<p>Đoạn hai</p>\n');
  });

  it('escapes raw HTML', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect(renderMarkdown('Kinh tế <b>số</b>')).toBe('<p>Kinh tế &lt;b&gt;số&lt;/b&gt;</p>\n');
  });

  it.each([['javascript:alert(1)'], ['JAVASCRIPT:alert(1)'], ['data:text/html,x'], ['file:///etc/passwd'], ['/tin-tuc'], ['vov.vn']])(
    'does not link to %s',
    (href) => {
      expect(renderMarkdown(`[VOV](${href})`)).not.toContain('<a');
    },
  );

  it('links to http and https addresses', () => {
    expect(renderMarkdown('[VOV](https://vov.vn/kinh-te)')).toBe('<p><a href="https://vov.vn/kinh-te">VOV</a></p>\n');
    expect(renderMarkdown('[VOV](http://vov.vn/)')).toContain('<a href="http://vov.vn/">VOV</a>');
  });

  it('does not turn bare addresses into links', () => {
    expect(renderMarkdown('Xem https://vov.vn/kinh-te')).toBe('<p>Xem https://vov.vn/kinh-te</p>\n');
  });

  it('does not render images', () => {
    const out = renderMarkdown('![biểu đồ](https://vov.vn/bieu-do.png)');
    expect(out).not.toContain('<img');
  });
});

describe('renderMarkdownInline', () => {
  it('renders emphasis without a paragraph', () => {
    expect(renderMarkdownInline('**Kinh tế số** hướng tới 30% GDP')).toBe('<strong>Kinh tế số</strong> hướng tới 30% GDP');
    expect(renderMarkdownInline('<i>x</i>')).toBe('&lt;i&gt;x&lt;/i&gt;');
  });
});
