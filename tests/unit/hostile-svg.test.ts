/**
 * SVGs made to hurt (issue 26, items 4 and 13): the work an SVG asks of the browser is bounded
 * at check time (elements, nesting, elements drawn once <use> and markers are followed), and
 * anything it refers to outside itself is refused, with the image field's line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDataUri, inspectImage } from '../../src/issue/image-check.js';
import { SVG_LIMITS } from '../../src/issue/image-svg.js';
import { loadIssueText } from '../../src/issue/load.js';
import { edit, MINIMAL_ISSUE, TINY_PNG } from './helpers.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (body: string, attrs = 'width="100" height="80"') => Buffer.from(`<svg ${NS} ${attrs}>${body}</svg>`);
const verdict = (bytes: Buffer, src = 'chart.svg') => {
  const result = inspectImage(src, bytes);
  return 'problem' in result ? result.problem : `ok ${result.info.type} ${result.info.width}×${result.info.height}`;
};

/** Ten <use> of the level below, `levels` deep: 10^levels rectangles from a few hundred bytes. */
function useBomb(levels: number, attribute = 'href'): Buffer {
  let defs = '<rect id="a0" width="1" height="1"/>';
  for (let i = 1; i <= levels; i++) defs += `<g id="a${i}">${`<use ${attribute}="#a${i - 1}"/>`.repeat(10)}</g>`;
  return svg(`<defs>${defs}</defs><use ${attribute}="#a${levels}"/>`);
}

describe('the work an SVG asks for is bounded', () => {
  it('refuses ten million rectangles made by nested <use> (1.6 KB, no DOCTYPE)', () => {
    const bomb = useBomb(7);
    expect(bomb.length).toBeLessThan(2000);
    expect(verdict(bomb)).toMatch(/^"chart\.svg" repeats its shapes through <use> \(or markers, patterns\) into 46,913,572 elements, more than the 250,000 bantin prints in one picture/);
    expect(verdict(useBomb(7, 'xlink:href'))).toMatch(/into 46,913,572 elements/);
  });

  it('accepts a picture that repeats a shape a few thousand times', () => {
    expect(verdict(useBomb(3))).toBe('ok svg 100×80');
    expect(verdict(svg(`<defs><circle id="dot" r="1"/></defs>${'<use href="#dot" x="3"/>'.repeat(2000)}`))).toBe('ok svg 100×80');
  });

  it('counts a marker once per vertex of the shape it is on', () => {
    const marker = `<marker id="m"><g id="g">${'<rect width="1" height="1"/>'.repeat(500)}</g></marker>`;
    const points = Array.from({ length: 1000 }, (_, i) => `${i},${i % 7}`).join(' ');
    expect(verdict(svg(`<defs>${marker}</defs><polyline points="${points}" marker-mid="url(#m)"/>`))).toMatch(/into 502,505 elements/);
    expect(verdict(svg(`<defs>${marker}</defs><polyline points="${points}" style="marker-mid: url(#m)"/>`))).toMatch(/into 502,505 elements/);
    expect(verdict(svg(`<defs>${marker}</defs><polyline points="0,0 5,5" marker-mid="url(#m)"/>`))).toBe('ok svg 100×80');
  });

  it('a <use> that contains itself draws nothing (browsers refuse the cycle) and is not an endless count', () => {
    expect(verdict(svg('<g id="a"><use href="#a"/><use href="#b"/></g><g id="b"><use href="#a"/></g>'))).toBe('ok svg 100×80');
  });

  it('a long chain of references is counted without running out of stack (each link draws all those after it)', () => {
    const chain = (n: number) => svg(`${Array.from({ length: n }, (_, i) => `<use id="u${i}" href="#u${i + 1}"/>`).join('')}<rect id="u${n}"/>`);
    expect(verdict(chain(50_000))).toMatch(/into billions of elements/);
    expect(verdict(chain(500))).toBe('ok svg 100×80');
  });

  it(`refuses more than ${SVG_LIMITS.elements.toLocaleString('en-US')} elements and nesting deeper than ${SVG_LIMITS.depth}`, () => {
    expect(verdict(svg('<rect/>'.repeat(SVG_LIMITS.elements - 1)))).toBe('ok svg 100×80');
    expect(verdict(svg('<rect/>'.repeat(SVG_LIMITS.elements)))).toBe(
      '"chart.svg" has more than 100,000 elements, more than bantin prints in one picture: simplify it, or export it as PNG',
    );
    const nested = (depth: number) => svg(`${'<g>\n'.repeat(depth - 1)}${'</g>'.repeat(depth - 1)}`);
    expect(verdict(nested(SVG_LIMITS.depth))).toBe('ok svg 100×80');
    expect(verdict(nested(SVG_LIMITS.depth + 1))).toBe('"chart.svg" nests its elements more than 128 deep (line 128): simplify it, or export it as PNG');
  });
});

describe('an SVG refers to nothing outside itself', () => {
  const refused = (body: string) => verdict(svg(body));
  const OUTSIDE = /an SVG may use only its own parts \(#id\) and data: URIs; bantin never fetches, so the picture would print broken/;

  it('refuses <image href="http://…"> with the line inside the SVG', () => {
    const problem = verdict(Buffer.from(`<svg ${NS}>\n<rect/>\n<image href="http://example.com/x.png" width="10" height="10"/></svg>`));
    expect(problem).toBe(
      '"chart.svg" refers to "http://example.com/x.png" in href= (line 3, <image href=…>): an SVG may use only its own parts (#id) and data: URIs; bantin never fetches, so the picture would print broken. Put what it needs inside the SVG, or export it as PNG',
    );
  });

  it.each([
    ['xlink:href to a file', '<image xlink:href="file:///etc/passwd"/>', '"file:///etc/passwd" in href='],
    ['a relative file', '<image href="photo.png"/>', '"photo.png" in href='],
    ['<use> of another file', '<use href="other.svg#x"/>', '"other.svg#x" in href='],
    ['<use> of a data: document', '<use href="data:image/svg+xml,%3Csvg/%3E#x"/>', 'a data: document in <use href=>'],
    ['@import in a style sheet', '<style>@import "http://example.com/x.css";</style>', 'an @import in its CSS'],
    ['an escaped @import', '<style>@im\\70 ort url(x.css);</style>', 'an @import in its CSS'],
    ['url(http…) in a style sheet', '<style><![CDATA[rect { fill: url(http://example.com/p.svg#a) }]]></style>', '"http://example.com/p.svg#a" in its CSS (url(…))'],
    ['an escaped url(…)', '<style>rect { fill: u\\72l("//example.com/p.svg#a") }</style>', '"//example.com/p.svg#a" in its CSS (url(…))'],
    ['image-set with a string', '<style>rect { fill: image-set("http://example.com/a.png" 1x) }</style>', '"http://example.com/a.png" in its CSS (image-set(…))'],
    ['a style attribute', `<rect style="fill: url('https://example.com/p.svg#a')"/>`, '"https://example.com/p.svg#a" in its CSS (url(…))'],
    ['a presentation attribute', '<rect filter="url(other.svg#blur)"/>', '"other.svg#blur" in its CSS (url(…))'],
    ['HTML in a foreignObject', '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="http://example.com/x.png"/></foreignObject>', '"http://example.com/x.png" in src='],
    ['a srcset', '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" srcset="data:image/png;base64,AA 1x, http://example.com/2.png 2x"/></foreignObject>', '"http://example.com/2.png" in srcset='],
    ['a javascript: link', '<a href="javascript:alert(1)"><rect/></a>', '"javascript:alert(1)" in href='],
  ])('refuses %s', (_name, body, what) => {
    const problem = refused(body);
    expect(problem).toContain(`"chart.svg" refers to ${what}`);
    expect(problem).toMatch(OUTSIDE);
  });

  it('refuses an <?xml-stylesheet?>', () => {
    expect(verdict(Buffer.from(`<?xml-stylesheet href="http://example.com/x.css"?><svg ${NS}/>`))).toMatch(/^"chart\.svg" refers to an <\?xml-stylesheet href="http:\/\/example\.com\/x\.css"\?>/);
  });

  it('accepts references to its own parts, data: pictures and links on <a>', () => {
    const png = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
    expect(
      refused(
        `<defs><linearGradient id="g"/><clipPath id="c"><rect/></clipPath></defs><style>.a { fill: url(#g); font-family: "Be Vietnam Pro" }</style>` +
          `<rect class="a" clip-path="url(#c)" style="stroke: url('#g')"/><use xlink:href="#c"/><image href="${png}"/><a href="https://sokhcn.haiphong.gov.vn/"><text>Sở KH&amp;CN</text></a>`,
      ),
    ).toBe('ok svg 100×80');
  });

  it('checks the pictures it carries as data: as files of their own', () => {
    const inner = useBomb(7).toString('base64');
    expect(refused(`<image href="data:image/svg+xml;base64,${inner}"/>`)).toMatch(/^"chart\.svg" carries a picture that cannot be used: "chart\.svg:1 \(a data: picture\)" repeats its shapes through <use>/);
    const escaped = encodeURIComponent(`<svg ${NS}><image href="http://example.com/x.png"/></svg>`);
    expect(refused(`<image href="data:image/svg+xml,${escaped}"/>`)).toMatch(/carries a picture that cannot be used: .* refers to "http:\/\/example\.com\/x\.png"/);
    // A PNG whose header says 60000 × 60000 pixels: 14 GB once decoded.
    const huge = Buffer.from(TINY_PNG);
    huge.writeUInt32BE(60_000, 16);
    huge.writeUInt32BE(60_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    expect(refused(`<image href="data:image/png;base64,${huge.toString('base64')}"/>`)).toMatch(/carries a picture that cannot be used: .*60000 × 60000 pixels/);
  });

  it('reads data: URIs in base64 and percent-encoded', () => {
    expect(decodeDataUri('data:image/png;base64,iVBO\nRw==')).toEqual({ type: 'image/png', bytes: Buffer.from('iVBORw==', 'base64') });
    expect(decodeDataUri('data:image/svg+xml,%3Csvg%3E%89Đ')).toEqual({ type: 'image/svg+xml', bytes: Buffer.concat([Buffer.from('<svg>'), Buffer.from([0x89]), Buffer.from('Đ')]) });
  });
});

describe('at check time, on the image field’s line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-hostile-svg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the field that brings the SVG in', async () => {
    writeFileSync(path.join(dir, 'bomb.svg'), useBomb(7));
    writeFileSync(path.join(dir, 'remote.svg'), svg('<image href="http://example.com/x.png"/>'));
    const text = edit(MINIMAL_ISSUE, '        body: |', '        image: {src: bomb.svg, caption: Biểu đồ}\n        body: |');
    const file = path.join(dir, 'issue.yaml');
    const loaded = await loadIssueText(file, text);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.col} ${d.path} ${d.code}`)).toEqual(['19:22 parts[0].articles[0].image.src image']);
    expect(errors[0]!.message).toMatch(/^"bomb\.svg" repeats its shapes through <use>/);
    const remote = await loadIssueText(file, text.replace('bomb.svg', 'remote.svg'));
    expect(remote.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message.slice(0, 60)}`)).toEqual(['19:22 "remote.svg" refers to "http://example.com/x.png" in href= (']);
  });
});
