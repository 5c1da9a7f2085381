/** A small PDF of the shape of Chromium's tagged prints, for tests of what reads such files as bytes. */
import { deflateSync } from 'node:zlib';
import { withCrossReferences } from './made-up-print.js';

/**
 * Three pages as Chromium writes them (untagged footer, a tagged heading; an all-tagged page; a
 * QR drawing, stored without compression), and two structure elements, in a file of Chromium's
 * shape: one cross-reference table.
 */
export function chromiumLike(): Uint8Array {
  const pages = ['q\n0 0 10 10 re\nf\nQ\n/H1 <</MCID 0 >>BDC\nBT\n/F4 12 Tf\n<0080> Tj\nET\nEMC\n1 1 2 2 re\nf\n', '/P <</MCID 1 >>BDC\n0 0 1 1 re\nf\nEMC\n', 'BT\n/F1 9 Tf\n<0012> Tj\nET\n'];
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  add('<</Type /Catalog /Pages 2 0 R /StructTreeRoot 9 0 R>>'); // 1
  add('<</Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3>>'); // 2
  for (let i = 0; i < 3; i++) add(`<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents ${6 + i} 0 R>>`); // 3–5
  pages.forEach((page, i) => {
    const data = i === 2 ? Buffer.from(page, 'latin1') : deflateSync(Buffer.from(page, 'latin1'));
    add(Buffer.concat([Buffer.from(`<<${i === 2 ? '' : '/Filter /FlateDecode '}/Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])); // 6–8
  });
  add('<</Type /StructTreeRoot /K 10 0 R>>'); // 9
  add('<</Type /StructElem /S /H1 /P 9 0 R /K 0 /Pg 3 0 R>>'); // 10
  add('<</Type /StructElem /S /P /P 9 0 R /K 1 /Pg 4 0 R>>'); // 11
  return withCrossReferences(objects);
}

