/**
 * The draft's paragraphs, from mammoth's HTML: one block per Word paragraph (empty ones too, so
 * that the numbers the report gives are the draft's own), each with its plain text, its text as
 * Markdown (bold, italic, links), whether it is bold throughout, its links and pictures. A table
 * is one block, its cells as rows. mammoth writes well-formed markup (escaped text, `<br />`,
 * `<img />`), so it is read with saxes, the XML reader bantin already has.
 */
import { SaxesParser } from 'saxes';

export interface Link {
  text: string;
  href: string;
}

export interface Picture {
  /**
   * What convertImage returned (src/commands/import.ts): the saved picture's path relative to
   * the issue file, or UNSUPPORTED_PICTURE then its type, or BROKEN_PICTURE then the problem.
   */
  src: string;
  alt?: string;
}

/** The src of a picture not saved: of a type bantin does not print, or whose bytes would not print. */
export const UNSUPPORTED_PICTURE = 'unsupported:';
export const BROKEN_PICTURE = 'broken:';

export interface Block {
  /** 1-based: the draft's paragraph number, empty paragraphs counted. */
  n: number;
  kind: 'h1' | 'h2' | 'h3' | 'p' | 'li' | 'table';
  /** Plain text, spaces collapsed, trimmed. */
  text: string;
  /** The same as Markdown: **bold**, *italic*, [links](https://…). */
  md: string;
  /** Every letter of it is bold (a bold line is a heading in drafts without styles). */
  bold: boolean;
  links: Link[];
  pictures: Picture[];
  /** A list item of a numbered list. */
  ordered?: boolean;
  rows?: string[][];
  /** A table with merged cells or a table inside it: no Markdown table can hold it. */
  complex?: boolean;
}

const HEADING: Record<string, Block['kind']> = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' };
const WEB = /^(?:https?:|mailto:)/i;

/** Markdown's own characters in running text, escaped so that they print as typed. */
const escapeMd = (text: string) => text.replace(/([\\`*_[\]<>])/g, '\\$1');

interface Open {
  kind: Block['kind'];
  runs: Array<{ text: string; bold: boolean; italic: boolean; href?: string }>;
  links: Link[];
  pictures: Picture[];
  ordered?: boolean;
}

export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const parser = new SaxesParser();
  let current: Open | undefined;
  let table: { rows: string[][]; row?: string[]; cell?: Open; complex?: boolean } | undefined;
  const lists: boolean[] = [];
  let bold = 0;
  let italic = 0;
  const links: Array<string | undefined> = [];
  let depth = 0;
  const open = (kind: Block['kind']): Open => ({ kind, runs: [], links: [], pictures: [], ordered: kind === 'li' ? lists[lists.length - 1] : undefined });
  const target = () => table?.cell ?? current;

  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase();
    const attr = (key: string) => (typeof tag.attributes[key] === 'string' ? (tag.attributes[key] as string) : undefined);
    if (name === 'table') {
      if (depth++ === 0) table = { rows: [] };
      else table!.complex = true;
    } else if (table && depth > 1) return;
    else if (table && name === 'tr') table.row = [];
    else if (table && (name === 'td' || name === 'th')) {
      table.cell = open('p');
      if (attr('colspan') || attr('rowspan')) table.complex = true;
    }
    else if (name === 'ul' || name === 'ol') lists.push(name === 'ol');
    else if (!table && (name === 'p' || name === 'li' || HEADING[name])) {
      if (!(name === 'p' && current?.kind === 'li')) current = open(HEADING[name] ?? (name === 'li' ? 'li' : 'p'));
    } else if (name === 'strong' || name === 'b') bold++;
    else if (name === 'em' || name === 'i') italic++;
    else if (name === 'a') {
      const href = attr('href');
      // Bookmarks, footnote references and the TOC's links inside the draft keep their text only.
      links.push(href && WEB.test(href) ? href : undefined);
    } else if (name === 'br') target()?.runs.push({ text: ' ', bold: bold > 0, italic: italic > 0 });
    else if (name === 'img') {
      const src = attr('src');
      if (src) target()?.pictures.push({ src, alt: attr('alt')?.trim() || undefined });
    }
  });
  parser.on('text', (text) => {
    const into = target();
    if (!into || !text) return;
    into.runs.push({ text, bold: bold > 0, italic: italic > 0, href: [...links].reverse().find((l) => l !== undefined) });
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.toLowerCase();
    if (name === 'strong' || name === 'b') bold--;
    else if (name === 'em' || name === 'i') italic--;
    else if (name === 'a') links.pop();
    else if (name === 'ul' || name === 'ol') lists.pop();
    else if (name === 'table') {
      if (--depth === 0 && table) {
        blocks.push({ n: blocks.length + 1, kind: 'table', text: table.rows.map((r) => r.join(' | ')).join('\n'), md: '', bold: false, links: [], pictures: [], rows: table.rows, complex: table.complex });
        table = undefined;
      }
    } else if (table && depth > 1) return;
    else if (table && (name === 'td' || name === 'th')) {
      table.row?.push(finish(table.cell!, 0).md);
      table.cell = undefined;
    } else if (table && name === 'tr') {
      if (table.row) table.rows.push(table.row);
      table.row = undefined;
    } else if (!table && current && (name === 'li' || (name === 'p' && current.kind === 'p') || HEADING[name] === current.kind)) {
      blocks.push(finish(current, blocks.length + 1));
      current = undefined;
    }
  });
  parser.write(`<root>${html}</root>`).close();
  return blocks;
}

function finish(open: Open, n: number): Block {
  // Runs of the same look merge, so that "**a** **b**" is written "**a b**".
  const merged: Open['runs'] = [];
  for (const run of open.runs) {
    const last = merged[merged.length - 1];
    // Spaces as one; control and direction characters (invisible, and errors in an issue) out.
    const text = run.text.replace(/[\t\u00a0\s]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += text;
    else merged.push({ ...run, text });
  }
  const text = merged.map((r) => r.text).join('').replace(/ {2,}/g, ' ').trim();
  const letters = merged.filter((r) => /\p{L}|\p{N}/u.test(r.text));
  const links: Link[] = [];
  const md = merged
    .map((run) => {
      let piece = escapeMd(run.text);
      const lead = /^ */.exec(piece)![0];
      const tail = / *$/.exec(piece)![0];
      let core = piece.trim();
      if (!core) return piece;
      if (run.italic) core = `*${core}*`;
      if (run.bold) core = `**${core}**`;
      if (run.href) {
        links.push({ text: run.text.trim(), href: run.href });
        core = `[${core}](${run.href.replace(/[()\s]/g, encodeURIComponent)})`;
      }
      piece = `${lead}${core}${tail}`;
      return piece;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return { n, kind: open.kind, text, md, bold: letters.length > 0 && letters.every((r) => r.bold), links, pictures: open.pictures, ordered: open.ordered };
}
