/**
 * A made-up print of the shape of Chromium's tagged ones (one cross-reference table, Flate-
 * compressed pages with tagged text, untagged footers, rules and QR-like drawings, structure
 * elements), larger than chromiumLike(): for tests of what reads such files as bytes.
 */
import { deflateSync } from 'node:zlib';

export function madeUpPrint(pageCount = 6): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const perPage = 60;
  const first = { page: 3, content: 3 + pageCount, root: 3 + 2 * pageCount, elem: 4 + 2 * pageCount };
  const kids = Array.from({ length: pageCount }, (_, i) => `${first.page + i} 0 R`).join(' ');
  add(`<</Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot ${first.root} 0 R>>`);
  add(`<</Type /Pages\n/Count ${pageCount}\n/Kids [${kids}]>>`);
  for (let i = 0; i < pageCount; i++) add(`<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Contents ${first.content + i} 0 R\n/StructParents ${i}>>`);
  for (let i = 0; i < pageCount; i++) {
    const data = deflateSync(Buffer.from(pageContent(perPage), 'latin1'));
    add(Buffer.concat([Buffer.from(`<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  }
  add(`<</Type /StructTreeRoot\n/K ${first.elem} 0 R>>`);
  for (let e = 0; e < perPage * pageCount; e++) {
    add(`<</Type /StructElem\n/S /${e % 3 ? 'P' : 'NonStruct'}\n/P ${first.root} 0 R\n/Pg ${first.page + Math.floor(e / perPage)} 0 R\n/K ${e % perPage}>>`);
  }
  return withCrossReferences(objects);
}

/** A page: a footer outside the tree, then tagged paragraphs with a drawing or a rule now and then. */
function pageContent(paragraphs: number): string {
  let s = 'q\n1 0 0 -1 0 842 cm\nq\n0.2 0.3 0.4 rg\n40 800 515 1 re\nf\nBT\n/F1 9 Tf\n1 0 0 -1 40 820 Tm\n<0012003400560078> Tj\nET\nQ\n';
  for (let k = 0; k < paragraphs; k++) {
    s += `/P <</MCID ${k}>> BDC\nq\nBT\n/F${k % 4} 10.5 Tf\n1 0 0 -1 ${40 + k} ${60 + k * 12} Tm\n`;
    for (let j = 0; j < 8; j++) s += `<00${(10 + j).toString(16)}0034005600780${j}1A004B> Tj\n`;
    s += 'ET\nQ\nEMC\n';
    if (k % 15 === 7) {
      s += 'q\n0 0 0 rg\n';
      for (let r = 0; r < 120; r++) s += `${400 + (r % 29)} ${600 + r} ${1 + (r % 5)} 1 re\nf\n`;
      s += 'Q\n';
    }
    if (k % 10 === 3) s += `q\n0.5 0.5 0.5 RG\n${40 + k} ${70 + k} m\n${300 + k} ${70 + k} l\nS\nQ\n`;
  }
  return `${s}Q\n`;
}

/** Objects 1…n (their bodies) as a file of Chromium's shape: one classic cross-reference table, object 1 the catalog. */
export function withCrossReferences(objects: Buffer[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    at += chunk.length;
  });
  const table = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${table}trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
