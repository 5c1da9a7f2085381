/** The pieces of a tagged and archival PDF that need no browser: artifacts, the sRGB profile, the XMP packet. */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pdf/content-stream.js';
import { markArtifacts } from '../../src/pdf/tags/artifacts.js';
import { readFileSync } from 'node:fs';
import { SRGB_PROFILE } from '../../src/pdf/pdfa/index.js';
import { xmpPacket } from '../../src/pdf/xmp.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('markArtifacts', () => {
  it('wraps drawing outside any marked-content sequence, and nothing inside one', () => {
    const src = 'q 1 0 0 1 0 0 cm\nBT /F1 10 Tf (footer) Tj ET\nQ\n/P <</MCID 0>> BDC\nBT /F1 10 Tf <0012> Tj ET\nEMC\n2 9 5 6 re\nf\n';
    const words = (s: string | undefined) => s?.split(/\s+/).filter(Boolean).join(' ');
    expect(words(dec(markArtifacts(enc(src))))).toBe(
      words('q 1 0 0 1 0 0 cm /Artifact BMC BT /F1 10 Tf (footer) Tj ET EMC Q /P <</MCID 0>> BDC BT /F1 10 Tf <0012> Tj ET EMC /Artifact BMC 2 9 5 6 re f EMC'),
    );
  });

  it('leaves a stream whose drawing is all tagged alone', () => {
    expect(markArtifacts(enc('/Figure <</MCID 3>> BDC 0 0 10 10 re f EMC q Q'))).toBeUndefined();
  });

  it('is not fooled by operator names inside strings or names', () => {
    const src = '/Span <</MCID 1>> BDC BT (EMC BDC re \\) Tj) Tj ET EMC';
    expect(markArtifacts(enc(src))).toBeUndefined();
  });

  it('closes a run before the Q that ends the state it opened in, and opens again after', () => {
    const out = dec(markArtifacts(enc('q 0 0 1 1 re f Q 0 0 2 2 re f')))!;
    expect(out.match(/Artifact BMC/g)).toHaveLength(2);
    expect(out.indexOf('EMC')).toBeLessThan(out.indexOf('Q'));
  });
});

describe('markArtifacts on streams of mixed pieces', () => {
  // Pieces of content as Chromium writes them, and odd ones (strings, comments, inline images),
  // nested in balanced q/Q and marked-content sequences as a content stream nests them.
  const DRAWING = [
    '3.125 0 0 3.125 0 0 cm', '.0471 .2039 .3765 RG .0471 .2039 .3765 rg', '/G3 gs', '0 0 10 10 re f', 'W* n', '10 10 m 20 20 l S', '/X1 Do', '/Sh0 sh',
    'BT\n/F4 12 Tf\n1 0 0 -1 725.0625 1091 Tm\n<0080> Tj\n8.26 0 Td <0017> Tj\nET', 'BT <00 BDC 11> Tj ET', 'BT (EMC \\) BDC) Tj ET', '% EMC BDC\n', 'BI /W 1 /H 1 ID \x01EMC\x02 EI',
  ];
  const OPENERS = ['/P <</MCID 1 >>BDC', '/NonStruct <</MCID 7 >>BDC', '/Span /MC0 BDC', '/Artifact BMC', '/Span <</ActualText <FEFF0041> >>BDC'];
  // A fixed pseudo-random sequence: the same streams every run.
  let seed = 20;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const piece = (depth: number): string => {
    const kind = depth > 2 ? 0 : random(4);
    const inner = () => Array.from({ length: 1 + random(4) }, () => piece(depth + 1)).join('\n');
    if (kind === 1) return `q\n${inner()}\nQ`;
    if (kind === 2) return `${OPENERS[random(OPENERS.length)]}\n${inner()}\nEMC`;
    return DRAWING[random(DRAWING.length)]!;
  };
  const stream = () => Array.from({ length: 3 + random(20) }, () => piece(0)).join(random(4) === 0 ? ' ' : '\n');
  const operators = (text: string) => {
    const out: string[] = [];
    scan(text, (start, end, operator) => operator && out.push(text.slice(start, end)));
    return out;
  };

  it('adds only balanced artifact sequences, keeps every token, and leaves no drawing outside marked content', () => {
    let marked = 0;
    for (let k = 0; k < 2000; k++) {
      const src = stream();
      const out = dec(markArtifacts(enc(src)));
      if (!out) continue;
      marked++;
      // Taking the inserted sequences out gives the original tokens back.
      expect(out.replaceAll('\n/Artifact BMC\n', ' ').replaceAll('\nEMC\n', ' ').trim().split(/\s+/).join(' ')).toBe(src.trim().split(/\s+/).join(' '));
      let depth = 0;
      let q = 0;
      for (const op of operators(out)) {
        if (op === 'BDC' || op === 'BMC') depth++;
        else if (op === 'EMC') depth = Math.max(0, depth - 1);
        else if (op === 'q') q++;
        else if (op === 'Q') q--;
        else if (['BT', 'm', 're', 'Do', 'sh', 'BI'].includes(op)) expect(depth, `${op} outside marked content in ${JSON.stringify(out)}`).toBeGreaterThan(0);
      }
    }
    expect(marked).toBeGreaterThan(1000);
  });

  it('takes "BDC" in a hex string with spaces for digits, not an operator', () => {
    const src = enc('/P <</MCID 0 >>BDC\nBT <00 BDC 11> Tj ET\nEMC\n0 0 1 1 re\nf\n<00 BDC 12> Tj');
    expect(dec(markArtifacts(src))!.match(/Artifact BMC/g)).toHaveLength(1);
  });
});

describe('the shipped sRGB profile', () => {
  it('is an ICC v2 RGB display profile with the sRGB colorants and tone curve, its size in its header', () => {
    const icc = readFileSync(SRGB_PROFILE);
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.readUInt8(8)).toBe(2);
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    const count = icc.readUInt32BE(128);
    const tags = new Map(Array.from({ length: count }, (_, i) => [icc.toString('latin1', 132 + i * 12, 136 + i * 12), icc.readUInt32BE(136 + i * 12)]));
    expect([...tags.keys()]).toEqual(expect.arrayContaining(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']));
    const xyz = (tag: string) => [0, 1, 2].map((k) => icc.readInt32BE(tags.get(tag)! + 8 + 4 * k) / 65536);
    expect(xyz('rXYZ')[0]).toBeCloseTo(0.4361, 2);
    expect(xyz('gXYZ')[1]).toBeCloseTo(0.7169, 2);
    expect(xyz('bXYZ')[2]).toBeCloseTo(0.7142, 2);
    // sRGB mid-grey 0.5 is linear 0.214
    const curve = tags.get('rTRC')!;
    const points = icc.readUInt32BE(curve + 8);
    expect(icc.readUInt16BE(curve + 12 + 2 * Math.round((points - 1) / 2)) / 65535).toBeCloseTo(0.214, 2);
  });
});

describe('xmpPacket', () => {
  const info = {
    title: 'Điểm tin Khoa học Công nghệ số 20/2026',
    author: 'Sở Khoa học và Công nghệ',
    subject: 'Tuần từ 25/5 – 31/5/2026',
    keywords: 'khoa học; R&D',
    creatorTool: 'bantin 0.1.0',
    producer: 'bantin 0.1.0 (Chromium, pdf-lib)',
    language: 'vi',
    date: new Date(Date.UTC(2026, 4, 31)),
    id: '0123456789abcdef0123456789abcdef',
  };

  it('mirrors the Info dictionary, dates in UTC to the second, text escaped', () => {
    const xmp = xmpPacket(info);
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Điểm tin Khoa học Công nghệ số 20/2026</rdf:li></rdf:Alt></dc:title>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Sở Khoa học và Công nghệ</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<xmp:CreateDate>2026-05-31T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<pdf:Keywords>khoa học; R&amp;D</pdf:Keywords>');
    expect(xmp).toContain('<xmpMM:DocumentID>uuid:01234567-89ab-cdef-0123-456789abcdef</xmpMM:DocumentID>');
    expect(xmp).not.toContain('pdfaid');
  });

  it('identifies PDF/A when asked', () => {
    expect(xmpPacket({ ...info, pdfa: { part: 2, conformance: 'B' } })).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });
});
