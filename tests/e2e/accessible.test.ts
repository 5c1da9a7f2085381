/**
 * Accessible and archival PDFs, read back with a structure-tree reader (struct-tree.ts): the
 * tags of both examples and of an issue with images, the document-level metadata, --no-tags,
 * --pdfa, and what --cmyk does to the tags. The PDFs are the shared prints (prints-plan.ts).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { SRGB_PROFILE } from '../../src/pdf/pdfa/index.js';
import { issueLinks } from '../../src/render/qr.js';
import { fonts, pdfInfo, repoRoot, requireTools, runsWith } from './pdf-tools.js';
import { printed, type Printed } from './prints.js';
import { runCli } from './run-cli.js';
import { elements, elementText, firstPage, pageContents, pageTextInTagOrder, readStructTree, untaggedDrawing, type PageContents, type StructElement, type StructTree } from './struct-tree.js';

const IMAGES = path.join(repoRoot, 'tests/fixtures/images/issue.yaml');
const example = (name: string) => path.join(repoRoot, 'examples', `${name}.yaml`);
/** Text as the PDF carries it: CSS upper-cases some headings, lines break without a space. */
const norm = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi').replace(/[\s\u00a0]+/g, '');

type Result = Printed & { output: string; pageCount: number };

/** The print of `input` in batch `batch` (prints-plan.ts), with its structure tree. */
async function readPrint(input: string, batch: string): Promise<{ issue: Issue; result: Result; tree: StructTree; bytes: Uint8Array }> {
  const { issue } = await loadIssue(input);
  if (!issue) throw new Error(`${input} does not load`);
  const print = printed(batch, path.basename(input, '.yaml'));
  const result = { ...print, output: print.pdf };
  const bytes = readFileSync(result.output);
  return { issue, result, tree: await readStructTree(bytes), bytes };
}

function xmpOf(tree: StructTree): string {
  const stream = tree.doc.context.lookup(tree.doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
}
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), and the tree's own root. */
const PDF17_TYPES = new Set(
  'StructTreeRoot Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

function linkAnnotations(tree: StructTree): PDFDict[] {
  return tree.doc.getPages().flatMap((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annots?.asArray() ?? []).map((ref) => tree.doc.context.lookup(ref as PDFRef, PDFDict)).filter((a) => a.lookup(PDFName.of('Subtype')) === PDFName.of('Link'));
  });
}

describe.each([
  ['so-20-2026', example('so-20-2026')],
  ['so-15-2026', example('so-15-2026')],
  ['images', IMAGES],
])('the tagged PDF of %s', (name, input) => {
  let issue: Issue;
  let result: Result;
  let tree: StructTree;
  let all: StructElement[];
  let contents: PageContents;
  const text = (el: StructElement) => elementText(el, contents);

  beforeAll(async () => {
    ({ issue, result, tree } = await readPrint(input, 'print-A4'));
    all = [...elements(tree.root)];
    contents = pageContents(tree.doc);
  });

  it('is tagged: a structure tree, MarkInfo, pdfinfo says so', () => {
    expect(pdfInfo(result.output).Tagged).toBe('yes');
    expect(tree.root.type).toBe('StructTreeRoot');
    expect(tree.doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))).toBe(PDFBool.True);
  });

  it('uses only PDF 1.7 structure types, or maps them to one (Strong, Em… of PDF 2.0 in the role map)', () => {
    const roleMap = tree.doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('RoleMap'), PDFDict);
    const mapped = new Map(roleMap.entries().map(([k, v]) => [k.decodeText(), (v as PDFName).decodeText()]));
    const types = new Set(all.map((el) => el.type));
    expect(types.has('Strong') || name !== 'so-20-2026').toBe(true);
    for (const type of types) expect(PDF17_TYPES.has(mapped.get(type) ?? type), type).toBe(true);
    // A standard type is never remapped.
    for (const type of mapped.keys()) expect(PDF17_TYPES.has(type), type).toBe(false);
  });

  it('has part titles as H1, article titles as H2, summary sections as H3, and never skips a level', () => {
    const headings = all.filter((el) => /^H[1-6]$/.test(el.type));
    const texts = new Map(headings.map((h) => [h, norm(text(h))]));
    const levels = headings.map((h) => Number(h.type.slice(1)));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${headings[i]!.type} "${text(headings[i]!)}" after H${levels[i - 1]}`).toBeLessThanOrEqual(1));
    const of = (type: string) => new Set(headings.filter((h) => h.type === type).map((h) => texts.get(h)!));
    for (const part of issue.parts) expect(of('H1'), part.title).toContain(norm(part.title));
    for (const article of issue.articles) expect(of('H2'), article.title).toContain(norm(article.title));
    for (const part of issue.parts.filter((p) => p.kind === 'summary')) {
      expect(of('H2')).toContain(norm(part.pageHeading!));
      part.sections.forEach((section, i) => expect(of('H3'), section.title).toContain(norm(`${i + 1}${section.title}`)));
    }
  });

  it('tags lists as L of LI: the TOC has an item per entry', () => {
    const lists = all.filter((el) => el.type === 'L');
    expect(lists.length).toBeGreaterThan(issue.parts.length - 1);
    for (const list of lists) {
      const items = list.children.filter((c): c is StructElement => c.kind === 'element');
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((c) => c.type))).toEqual(new Set(['LI']));
    }
    const tocItems = lists.flatMap((l) => l.children).filter((c) => c.kind === 'element' && c.type === 'LI');
    expect(tocItems.length).toBeGreaterThanOrEqual(issue.articles.length);
  });

  it('gives every link annotation a place in the tree (/StructParent) and alternative text naming where it goes', () => {
    const annots = linkAnnotations(tree);
    expect(annots.length).toBeGreaterThan(issue.articles.length);
    const inTree = [...elements(tree.root)].flatMap((el) => el.children.filter((c) => c.kind === 'annot'));
    expect(inTree).toHaveLength(annots.length);
    for (const annot of inTree) {
      expect(annot.structParent).toEqual(expect.any(Number));
      if (annot.uri) expect(annot.contents).toBe(`Liên kết tới ${annot.uri}`);
      else expect(annot.contents).toMatch(/^Đến: \S/);
    }
    const titles = new Set(inTree.map((a) => a.contents));
    for (const article of issue.articles) expect([...titles].some((t) => t?.endsWith(article.title)), article.title).toBe(true);
  });

  it('makes every QR code a Figure with Alt "Mã QR: <URL>", one for every link of the issue', () => {
    const figures = all.filter((el) => el.type === 'Figure' && el.alt?.startsWith('Mã QR: '));
    expect(new Set(figures.map((f) => f.alt!.slice('Mã QR: '.length)))).toEqual(new Set(issueLinks(issue)));
  });

  it('marks everything it draws outside the tree as an artifact (footer, rules, bullets, leaders, bands)', () => {
    const pages = tree.doc.getPageCount();
    expect(Array.from({ length: pages }, (_, i) => untaggedDrawing(tree.doc, i))).toEqual(Array(pages).fill(0));
    // The running footer is read by no one: the page number is not in the tag-order text.
    expect(pageTextInTagOrder(tree, contents, pages - 1)).not.toMatch(new RegExp(`${pages}$`));
  });

  it('reads each spotlight page in visual order: its headline before the box, the body and the footer', () => {
    const spotlight = issue.parts.find((p) => p.kind === 'spotlight');
    for (const article of spotlight?.articles ?? []) {
      const heading = all.find((el) => el.type === 'H2' && norm(text(el)) === norm(article.title))!;
      const page = firstPage(heading)!;
      const read = norm(pageTextInTagOrder(tree, contents, page));
      const at = read.indexOf(norm(article.title));
      expect(at, article.title).toBeGreaterThanOrEqual(0);
      // Before the headline: the part's own header, or the kicker over the title (not both: "TÂM ĐIỂM" once), and the date.
      expect(read.slice(0, at)).toMatch(new RegExp(`^(PHẦN${spotlight!.roman}${norm(spotlight!.title)}|TÂMĐIỂM·?)([\\d/]+)?$`));
      if (article.source) expect(read.indexOf('CHITIẾT')).toBeGreaterThan(at);
    }
  });

  it('has document-level metadata: DisplayDocTitle, Lang, and XMP mirroring the Info dictionary', () => {
    const { doc } = tree;
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(vi)');
    const xmp = xmpOf(tree);
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(doc.getTitle()!)}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${xmlEscape(doc.getAuthor()!)}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toContain(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(doc.getSubject()!)}</rdf:li></rdf:Alt></dc:description>`);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain(`<pdf:Producer>${xmlEscape(doc.getProducer()!)}</pdf:Producer>`);
    expect(xmp).toContain(`<pdf:Keywords>${xmlEscape(doc.getKeywords()!)}</pdf:Keywords>`);
    const iso = doc.getCreationDate()!.toISOString().replace(/\.000Z$/, 'Z');
    expect(xmp).toContain(`<xmp:CreateDate>${iso}</xmp:CreateDate>`);
    expect(xmp).toContain(`<xmp:ModifyDate>${doc.getModificationDate()!.toISOString().replace(/\.000Z$/, 'Z')}</xmp:ModifyDate>`);
    expect(xmp).not.toContain('pdfaid');
  });

  it('bookmarks MỤC LỤC, on its page, before the parts', () => {
    const { doc } = tree;
    const first = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
    expect(first.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('Mục lục');
    expect(first.lookup(PDFName.of('Dest'), PDFArray).get(0)).toBe(doc.getPages()[1]!.ref);
  });
});

describe('images', () => {
  it('get their alt field as alternative text, else their caption', async () => {
    const { tree, result } = await readPrint(IMAGES, 'print-A4');
    // Its one warning is the image too small to print well (profiles.test.ts): none about alternative text.
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/small-chart\.png prints at \d+ dpi/)]);
    const figures = [...elements(tree.root)].filter((el) => el.type === 'Figure' && !el.alt?.startsWith('Mã QR'));
    expect(figures.map((f) => f.alt).filter(Boolean)).toEqual(['Ảnh minh họa bến cảng nước sâu Lạch Huyện', 'Biểu đồ quá nhỏ để in']);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('sets the XMP dates as it sets the Info dates', async () => {
    // Batch "epoch" runs with SOURCE_DATE_EPOCH=1780000000.
    const { tree } = await readPrint(IMAGES, 'epoch');
    const xmp = xmpOf(tree);
    expect(xmp).toContain('<xmp:CreateDate>2026-05-28T20:26:40Z</xmp:CreateDate>');
    expect(tree.doc.getCreationDate()?.getTime()).toBe(1780000000 * 1000);
  });
});

describe('--no-tags', () => {
  it('prints without a structure tree, keeping the metadata', async () => {
    const tagged = await readPrint(example('so-20-2026'), 'print-A4');
    const { tree, result } = await readPrint(example('so-20-2026'), 'no-tags');
    expect(pdfInfo(result.output).Tagged).toBe('no');
    expect(tree.doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);
    expect(xmpOf(tree)).toContain('<dc:language>');
    expect(result.pageCount).toBe(tagged.result.pageCount);
    expect(tagged.bytes.length).toBeGreaterThan(readFileSync(result.output).length);
  });
});

describe.each([IMAGES, example('so-20-2026')])('--pdfa --profile press: %s', (input) => {
  let built: Awaited<ReturnType<typeof readPrint>>;
  beforeAll(async () => {
    built = await readPrint(input, 'pdfa');
  });

  it('embeds an sRGB output intent with bantin\'s ICC profile', () => {
    const intents = built.tree.doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = built.tree.doc.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(profile.dict.get(PDFName.of('N'))).toEqual(PDFNumber.of(3));
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(readFileSync(SRGB_PROFILE))).toBe(true);
  });

  it('identifies itself as PDF/A-2b in the XMP, still tagged', () => {
    expect(xmpOf(built.tree)).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(pdfInfo(built.result.output).Tagged).toBe('yes');
  });

  it('keeps the rules bantin checks: fonts embedded, no encryption or JavaScript, printable annotations, no interpolation, no CMYK crop marks', () => {
    const { doc } = built.tree;
    expect(fonts(built.result.output).every((f) => f.embedded)).toBe(true);
    expect(pdfInfo(built.result.output).Encrypted).toBe('no');
    expect(pdfInfo(built.result.output).JavaScript).toBe('no');
    expect(doc.context.trailerInfo.ID).toBeDefined();
    for (const annot of linkAnnotations(built.tree)) expect(annot.lookup(PDFName.of('F'), PDFNumber).asNumber() & 0b100100111).toBe(4);
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (object instanceof PDFStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) expect(object.dict.get(PDFName.of('Interpolate'))).not.toBe(PDFBool.True);
    }
    const head = Buffer.from(built.bytes.subarray(0, 20)).toString('latin1').split('\n');
    expect(head[0]).toMatch(/^%PDF-1\.[4-7]$/);
    expect([...head[1]!.slice(1, 5)].every((c) => c.charCodeAt(0) > 127)).toBe(true);
    // The press profile's crop marks are grey, not registration CMYK, with an sRGB output intent.
    expect(contentOf(doc)).not.toMatch(/[\d.]+ [\d.]+ [\d.]+ [\d.]+ [kK]\s/);
    expect(contentOf(doc)).toMatch(/\/Artifact BMC/);
  });

});

describe('--pdfa with --cmyk', () => {
  it('is refused as a usage error', async () => {
    const run = await runCli(['build', IMAGES, '--pdfa', '--cmyk', '-o', path.join(os.tmpdir(), 'bantin-never.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pdfa and --cmyk');
  });
});

describe.runIf(runsWith(['gs']))('--cmyk', () => {
  it('keeps the structure tree: colours are converted in place (the file says Tagged: yes, no warning)', async () => {
    requireTools(['gs']);
    const { result } = await readPrint(IMAGES, 'print-cmyk');
    // The warnings of the same issue without --cmyk, none added (no cmyk-untagged).
    expect(result.diagnostics.map((d) => d.text)).toEqual(printed('print-A4', 'issue').diagnostics.map((d) => d.text));
    expect(pdfInfo(result.output).Tagged).toBe('yes');
  });
});

/** Every page's content streams, decoded, as text. */
function contentOf(doc: PDFDocument): string {
  let text = '';
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    for (const ref of list instanceof PDFArray ? list.asArray() : [contents]) {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (stream instanceof PDFRawStream) text += Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    }
  }
  return text;
}
