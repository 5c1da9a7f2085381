import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
{ const shim = await import('./pako-zlib.js'); require('pako'); require.cache[require.resolve('pako')].exports = shim.default; }
const { PDFObjectParser, PDFContext, PDFRef, PDFDict, PDFArray, PDFName, PDFRawStream, PDFDocument, ParseSpeeds } = await import('pdf-lib');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const bytes = readFileSync('/tmp/sp/raw-t.pdf');
let t = cpu();
// xref
const text = bytes.toString('latin1', bytes.length - 1024);
const startxref = Number(/startxref\s+(\d+)/.exec(text)[1]);
const tail = bytes.toString('latin1', startxref);
const m = /^xref\s+(\d+) (\d+)\s+/.exec(tail);
const count = Number(m[2]);
const offsets = new Array(count);
let pos = m[0].length;
for (let i = 0; i < count; i++) { const line = tail.slice(pos, pos + 20); offsets[i] = line[17] === 'n' ? Number(line.slice(0, 10)) : -1; pos += 20; }
const t1 = cpu();
const context = PDFContext.create();
const parsed = new Map();
const get = context.indirectObjects.get.bind(context.indirectObjects);
let n = 0;
context.indirectObjects.get = function (ref) {
  let o = get(ref);
  if (o === undefined && offsets[ref.objectNumber] > 0 && !parsed.has(ref.objectNumber)) {
    parsed.set(ref.objectNumber, true);
    const start = offsets[ref.objectNumber];
    const headerEnd = bytes.indexOf(0x6a, start) + 1; // "obj"... find ' obj'
    const h = bytes.indexOf('obj', start, 'latin1') + 3;
    const parser = PDFObjectParser.forBytes(bytes.subarray(h), context);
    o = parser.parseObject();
    n++;
    context.indirectObjects.set(ref, o);
  }
  return o;
};
const tr = /trailer\s*<<([\s\S]*?)>>/.exec(tail)[1];
context.trailerInfo.Root = PDFRef.of(Number(/\/Root (\d+)/.exec(tr)[1]));
context.trailerInfo.Info = PDFRef.of(Number(/\/Info (\d+)/.exec(tr)[1]));
context.largestObjectNumber = count - 1;
const doc = new PDFDocument(context, true, false);
const pages = doc.getPages();
for (const p of pages) { const a = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray); if (a) for (let i = 0; i < a.size(); i++) { const d = a.lookupMaybe(i, PDFDict); d?.lookupMaybe(PDFName.of('A'), PDFDict); } const c = p.node.get(PDFName.of('Contents')); context.lookup(c); }
doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
const t2 = cpu();
console.log('xref', (t1 - t).toFixed(1), 'lazy parse', (t2 - t1).toFixed(1), 'objects parsed', n, 'of', count);
t = cpu();
const full = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
console.log('full load', (cpu() - t).toFixed(1));
