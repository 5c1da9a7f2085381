/**
 * Word drafts (.docx) made in the tests, as the office writes them: the zip built by hand with
 * jszip (the files Word itself writes: content types, relationships, styles, the document, its
 * pictures), so that each test says exactly which paragraphs, styles, bold runs and links the
 * draft holds. seedDraft() turns a seed bulletin's text (../shared/seeds) into a whole draft in
 * either shape: items as Heading 2 paragraphs, or as bold lines in Normal paragraphs.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from './seed-items.js';

export type Run = { text: string; bold?: boolean; italic?: boolean; link?: string } | { image: { bytes: Uint8Array; alt?: string; type: 'png' | 'jpeg' | 'emf' } };
export interface Paragraph {
  style?: 'Heading1' | 'Heading2' | 'Title';
  /** An item of a Word list (numbering.xml): bullets or numbers. */
  list?: 'bullet' | 'number';
  runs: Run[];
}
/** A table; `merged`: its first cell spans two columns (no Markdown table can hold it). */
export type Block = Paragraph | { table: string[][]; merged?: boolean };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const p = (text: string, style?: Paragraph['style']): Paragraph => ({ style, runs: text ? [{ text }] : [] });
export const bold = (text: string): Paragraph => ({ runs: [{ text, bold: true }] });

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** The bytes of a .docx holding these paragraphs and tables. */
export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const rels: string[] = [`<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`, `<Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>`];
  const zip = new JSZip();
  let next = 0;
  const run = (r: Run): string => {
    if ('image' in r) {
      const id = `rIdImg${++next}`;
      const name = `image${next}.${r.image.type}`;
      zip.file(`word/media/${name}`, r.image.bytes);
      rels.push(`<Relationship Id="${id}" Type="${R}/image" Target="media/${name}"/>`);
      return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/><wp:docPr id="${next}" name="Picture ${next}"${r.image.alt === undefined ? '' : ` descr="${esc(r.image.alt)}"`}/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    }
    const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`;
    const text = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
    if (!r.link) return text;
    const id = `rIdLink${++next}`;
    rels.push(`<Relationship Id="${id}" Type="${R}/hyperlink" Target="${esc(r.link)}" TargetMode="External"/>`);
    return `<w:hyperlink r:id="${id}">${text}</w:hyperlink>`;
  };
  const props = (para: Paragraph) =>
    `${para.style ? `<w:pStyle w:val="${para.style}"/>` : ''}${para.list ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${para.list === 'bullet' ? 1 : 2}"/></w:numPr>` : ''}`;
  const paragraph = (para: Paragraph) => `<w:p>${props(para) ? `<w:pPr>${props(para)}</w:pPr>` : ''}${para.runs.map(run).join('')}</w:p>`;
  const body = blocks
    .map((b) =>
      'table' in b
        ? `<w:tbl>${b.table
            .map((row, r) => `<w:tr>${row.map((cell, c) => `<w:tc>${b.merged && r === 0 && c === 0 ? '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' : ''}${paragraph(p(cell))}</w:tc>`).join('')}</w:tr>`)
            .join('')}</w:tbl>`
        : paragraph(b),
    )
    .join('\n');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="emf" ContentType="image/x-emf"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>
${body}
</w:body></w:document>`);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The two ways the office marks parts and items: Word's heading styles, or bold lines. */
export type Shape = 'headings' | 'bold';

export interface SeedDraft {
  blocks: Block[];
  /** The items the draft holds, in order, with the link given to each. */
  items: Array<{ title: string; outlet?: string; url?: string }>;
}

const ITEM = /^(?:#+\s*)?(\d{1,2}\/\d{1,2}):\s*(.+?)\s*(?:\[Chi tiết:\s*(.+?)\]\(#\))?\s*$/;
const SOURCE = /^(?:\[Chi tiết:\s*(.+?)\]\(#\)|Chi tiết:\s*\[(.+?)\]\(#\))$/;
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/**
 * A whole issue's draft from a seed's text: its cover, MỤC LỤC and page headers as the export
 * kept them, the part headings the export lost (set as page graphics in print) put back where the
 * parts begin, every "Chi tiết: OUTLET" with a link of its own (the seed's links were lost:
 * `(#)`), Markdown bold as bold runs.
 */
export function seedDraft(file: string, shape: Shape): SeedDraft {
  const lines = readFileSync(path.join(SEEDS_DIR, file), 'utf8').normalize('NFC').split('\n');
  const blocks: Block[] = [];
  const items: SeedDraft['items'] = [];
  const heading = (text: string, level: 1 | 2): Paragraph => (shape === 'headings' ? p(text, level === 1 ? 'Heading1' : 'Heading2') : bold(text));
  let itemCount = 0;
  let tocDone = false;
  let part = '';
  const source = (outlet: string, title: string): Paragraph => {
    const url = `https://${slug(outlet) || 'tin'}.example.vn/${slug(title)}-${++itemCount}.htm`;
    items[items.length - 1]!.outlet = outlet;
    items[items.length - 1]!.url = url;
    return { runs: [{ text: 'Chi tiết: ' }, { text: outlet, link: url }] };
  };
  const startPart = (name: string) => {
    if (part === name) return;
    part = name;
    blocks.push(heading(name, 1));
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      blocks.push(p(''));
      continue;
    }
    const plain = line.replace(/^#+\s*/, '').replace(/\*\*/g, '');
    if (/^(?:TỔNG|TÓNG) KẾT XU HƯỚNG(?: KHOA HỌC.*)?$/.test(plain)) {
      // The summary's running head (a part heading) and its full title.
      tocDone = true;
      part = 'TỔNG KẾT XU HƯỚNG';
      blocks.push(heading(plain, plain.length < 20 ? 1 : 2));
      continue;
    }
    if (tocDone && part === 'TỔNG KẾT XU HƯỚNG' && /^\d\.\s+\p{Lu}+/u.test(plain) && plain === plain.toUpperCase()) {
      blocks.push(heading(plain, 2));
      continue;
    }
    // The summary's sub-headings: short lines of their own, bold in the draft.
    if (tocDone && part === 'TỔNG KẾT XU HƯỚNG' && plain.length < 70 && !/^[-*]/.test(plain) && !/[.:]$/.test(plain)) {
      blocks.push(bold(plain));
      continue;
    }
    const item = ITEM.exec(line);
    if (tocDone && item && /\p{Lu}{3}/u.test(item[2]!) && item[2] === item[2]!.toUpperCase()) {
      // The spotlight sits between the national and the local news.
      if (part === 'TÂM ĐIỂM') startPart('TIN HẢI PHÒNG');
      else if (part !== 'TIN HẢI PHÒNG') startPart('TIN TRONG NƯỚC');
      const title = item[2]!.replace(/\*\*/g, '');
      items.push({ title });
      blocks.push(heading(`${item[1]}: ${title}`, 2));
      if (item[3]) blocks.push(source(item[3], title));
      continue;
    }
    const src = SOURCE.exec(line);
    if (tocDone && src && items.length) {
      blocks.push(source((src[1] ?? src[2])!, items[items.length - 1]!.title));
      continue;
    }
    // The spotlight stories: a title in capitals without a date, between the two news parts.
    if (tocDone && (part === 'TIN TRONG NƯỚC' || part === 'TÂM ĐIỂM') && plain.length > 30 && plain === plain.toUpperCase() && /^\p{Lu}/u.test(plain)) {
      startPart('TÂM ĐIỂM');
      items.push({ title: plain });
      blocks.push(heading(plain, 2));
      continue;
    }
    if (/^#+\s/.test(line)) {
      const text = plain.replace(/\*\*/g, '');
      blocks.push(tocDone && /^(?:TỔNG|TÓNG) KẾT XU HƯỚNG$/.test(text) ? heading(text, 1) : heading(text, /^#\s/.test(line) ? 1 : 2));
      continue;
    }
    blocks.push(markdownRuns(line.replace(/^\[(.+?)\]\((https?:\/\/[^)]+)\)$/, '$1').replace(/^<(https?:\/\/[^>]+)>$/, '$1')));
  }
  return { blocks, items };
}

/** A line with **bold** and *italic* as runs. */
function markdownRuns(line: string): Paragraph {
  const runs: Run[] = [];
  for (const piece of line.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (!piece) continue;
    if (piece.startsWith('**')) runs.push({ text: piece.slice(2, -2), bold: true });
    else if (piece.startsWith('*') && piece.length > 2) runs.push({ text: piece.slice(1, -1), italic: true });
    else runs.push({ text: piece });
  }
  return { runs };
}
