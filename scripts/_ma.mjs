import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { markArtifacts } from '../dist/pdf/tags/artifacts.js';
import { latin1, scan } from '../dist/pdf/content-stream.js';
const doc = await PDFDocument.load(readFileSync(process.argv[2]));
const bufs = [];
for (const p of doc.getPages()) { const c = p.node.get(PDFName.of('Contents')); for (const r of (c instanceof PDFArray ? c.asArray() : [c])) bufs.push(inflateSync(doc.context.lookup(r).contents)); }
for (let k = 0; k < 3; k++) {
  let t = performance.now(); let n = 0;
  for (const b of bufs) scan(latin1(b), () => n++);
  const ts = performance.now() - t;
  t = performance.now();
  for (const b of bufs) markArtifacts(b);
  console.log('tokens', n, 'scan', ts.toFixed(0), 'markArtifacts', (performance.now() - t).toFixed(0));
}
