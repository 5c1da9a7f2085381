/**
 * Finishing keeps only links to http(s), mailto and places in the document (issue 26 item 7):
 * a print whose page carries `javascript:`, `file:///…` or action links (as a theme printing
 * issue fields with {{{ }}} lets in) comes out without them, tagged or not, with --pdfa too, and
 * finish() names each target it left out. The print here is made by hand, as Chromium writes one.
 */
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadIssueText } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { pageGeometry } from '../../src/issue/page.js';
import { finish } from '../../src/pdf/index.js';
import { foreignTarget } from '../../src/pdf/links.js';
import { pdfaProblems } from '../../src/pdf/pdfa/index.js';
import { MINIMAL_ISSUE } from './helpers.js';

const N = (name: string) => PDFName.of(name);
const SOURCE = '<!doctype html><html lang="vi"><body>so 20</body></html>';

/** Each link's target, as the annotation says it. */
const LINKS: Array<[string, Record<string, unknown>, boolean]> = [
  ['https', { A: { S: 'URI', URI: 'https://vov.vn/kinh-te' } }, true],
  ['mailto', { A: { S: 'URI', URI: 'mailto:toa-soan@sokhcn.haiphong.gov.vn' } }, true],
  ['HTTP in capitals', { A: { S: 'URI', URI: 'HTTP://VOV.VN/' } }, true],
  ['a named destination', { Dest: 'muc-luc' }, true],
  ['a GoTo action', { A: { S: 'GoTo', D: 'tin-trong-nuoc' } }, true],
  ['javascript:', { A: { S: 'URI', URI: 'javascript:alert(1)' } }, false],
  ['file:', { A: { S: 'URI', URI: 'file:///etc/passwd' } }, false],
  ['a space before javascript:', { A: { S: 'URI', URI: ' javascript:alert(1)' } }, false],
  ['data:', { A: { S: 'URI', URI: 'data:text/html,<script>alert(1)</script>' } }, false],
  ['a JavaScript action', { A: { S: 'JavaScript', JS: 'app.alert(1)' } }, false],
  ['a Launch action', { A: { S: 'Launch', F: 'calc.exe' } }, false],
  ['a remote GoTo', { A: { S: 'GoToR', F: 'other.pdf', D: 'x' } }, false],
  ['an https link with an action after it', { A: { S: 'URI', URI: 'https://vov.vn/', Next: { S: 'JavaScript', JS: 'x' } } }, false],
  ['a link the viewer runs on its own', { A: { S: 'URI', URI: 'https://vov.vn/' }, AA: { E: { S: 'JavaScript', JS: 'x' } } }, false],
  ['no target', {}, false],
  ['a relative link (the page’s virtual origin)', { A: { S: 'URI', URI: 'https://bantin.invalid/tai-lieu.pdf' } }, false],
];

/** Strings stay strings (PDF literal strings), names stay names: as Chromium writes them. */
function pdfValue(doc: PDFDocument, value: unknown, key?: string): PDFObject {
  if (typeof value === 'string') return key === 'S' || key === 'Dest' ? N(value) : PDFString.of(value);
  if (Array.isArray(value)) return doc.context.obj(value.map((v) => pdfValue(doc, v)));
  const dict = doc.context.obj({}) as PDFDict;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) dict.set(N(k), pdfValue(doc, v, k));
  return dict;
}

/** A tagged print: one page per five links, each link a Link element holding its text (MCID) and its annotation (OBJR). */
async function print(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const context = doc.context;
  const root = context.obj({ Type: 'StructTreeRoot' }) as PDFDict;
  const rootRef = context.register(root);
  const document = context.obj({ Type: 'StructElem', S: 'Document', P: rootRef }) as PDFDict;
  const documentRef = context.register(document);
  root.set(N('K'), documentRef);
  const kids: PDFRef[] = [];
  const nums: PDFObject[] = [];
  LINKS.forEach(([, fields], i) => {
    if (i % 5 === 0) doc.addPage([300, 400]);
    const page = doc.getPage(doc.getPageCount() - 1);
    const annot = context.obj({ Type: 'Annot', Subtype: 'Link', F: 4, Border: [0, 0, 0], Rect: [10, 10 + 20 * (i % 5), 100, 25 + 20 * (i % 5)], StructParent: 100 + i }) as PDFDict;
    for (const [k, v] of Object.entries(fields)) annot.set(N(k), pdfValue(doc, v, k));
    const annotRef = context.register(annot);
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray) ?? (context.obj([]) as PDFArray);
    annots.push(annotRef);
    page.node.set(N('Annots'), annots);
    const link = context.obj({ Type: 'StructElem', S: 'Link', P: documentRef, Pg: page.ref, K: [i, context.obj({ Type: 'OBJR', Obj: annotRef, Pg: page.ref })] });
    const linkRef = context.register(link);
    kids.push(linkRef);
    nums.push(PDFNumber.of(100 + i), linkRef);
  });
  document.set(N('K'), context.obj(kids));
  root.set(N('ParentTree'), context.obj({ Nums: nums }));
  doc.catalog.set(N('StructTreeRoot'), rootRef);
  doc.catalog.set(N('MarkInfo'), context.obj({ Marked: true }));
  return doc.save({ useObjectStreams: false });
}

let issue: Issue;
async function finished(options: { pdfa?: boolean; untagged?: boolean } = {}) {
  issue ??= (await loadIssueText('/nowhere/so-20.yaml', MINIMAL_ISSUE)).issue!;
  const doc = await PDFDocument.load(await print(), { updateMetadata: false });
  if (options.untagged) doc.catalog.delete(N('StructTreeRoot'));
  const result = await finish(doc, issue, { profile: 'print', geometry: pageGeometry('A4'), source: SOURCE, pdfa: options.pdfa });
  return { result, doc: await PDFDocument.load(result.pdf, { updateMetadata: false }) };
}

const targets = (doc: PDFDocument) =>
  doc.getPages().flatMap((page) => {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    return (annots?.asArray() ?? []).map((_, i) => {
      const annot = annots!.lookup(i, PDFDict);
      const action = annot.lookupMaybe(N('A'), PDFDict);
      const shown = (o: PDFObject | undefined) => (o instanceof PDFString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : String(o));
      return action ? shown(action.get(N('URI')) ?? action.get(N('D'))) : shown(annot.get(N('Dest')));
    });
  });

describe('links in the finished PDF', () => {
  it('tells a link to keep from one to drop', async () => {
    const doc = await PDFDocument.create();
    const verdicts = LINKS.map(([, fields]) => foreignTarget(pdfValue(doc, fields) as PDFDict) === undefined);
    expect(verdicts).toEqual(LINKS.map(([, , keep]) => keep));
  });

  it('keeps http(s), mailto and internal links and drops every other, naming each', async () => {
    const { result, doc } = await finished();
    expect(targets(doc)).toEqual(['https://vov.vn/kinh-te', 'mailto:toa-soan@sokhcn.haiphong.gov.vn', 'HTTP://VOV.VN/', 'muc-luc', 'tin-trong-nuoc']);
    expect(result.droppedLinks).toEqual([
      'javascript:alert(1)',
      'file:///etc/passwd',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'a JavaScript action',
      'a Launch action',
      'a GoToR action',
      'a chain of actions (/Next)',
      'an action run by the viewer (/AA)',
      'nothing (a link without a target)',
      'https://bantin.invalid/tai-lieu.pdf',
    ]);
  });

  it('takes the dropped links out of the structure tree: no reference to a removed annotation, their elements become Spans', async () => {
    const { doc } = await finished();
    const tree = doc.catalog.lookup(N('StructTreeRoot'), PDFDict);
    const nums = tree.lookup(N('ParentTree'), PDFDict).lookup(N('Nums'), PDFArray);
    expect(nums.asArray().filter((_, i) => i % 2 === 0).map((n) => (n as PDFNumber).asNumber())).toEqual([100, 101, 102, 103, 104]);
    const elements = tree.lookup(N('K'), PDFDict).lookup(N('K'), PDFArray);
    const kinds = elements.asArray().map((_, i) => {
      const element = elements.lookup(i, PDFDict);
      const k = element.lookup(N('K'), PDFArray);
      const objr = k.asArray().map((_, j) => k.lookup(j)).filter((o): o is PDFDict => o instanceof PDFDict);
      for (const o of objr) expect(doc.context.lookup(o.get(N('Obj')) as PDFRef), 'an OBJR points at an object that is gone').toBeInstanceOf(PDFDict);
      return `${element.lookup(N('S'), PDFName).decodeText()}:${objr.length}`;
    });
    expect(kinds).toEqual([...Array(5).fill('Link:1'), ...Array(11).fill('Span:0')]);
  });

  it('with --pdfa: the file passes the PDF/A rules once the links are gone (a JavaScript link failed the build before)', async () => {
    const { result, doc } = await finished({ pdfa: true });
    expect(result.droppedLinks).toHaveLength(11);
    expect(pdfaProblems(doc)).toEqual([]);
    expect(targets(doc)).toHaveLength(5);
  });

  it('untagged prints too; a page left with no link loses its /Annots', async () => {
    const { result, doc } = await finished({ untagged: true });
    expect(result.droppedLinks).toHaveLength(11);
    expect(targets(doc)).toHaveLength(5);
    expect(doc.getPages().map((p) => p.node.has(N('Annots')))).toEqual([true, false, false, false]);
  });
});
