/**
 * An issue's parts → the Markdown form: headings as the bulletins print them, attribute lines,
 * bodies as plain paragraphs. A field with no natural form (or one that would read back
 * differently) goes into a ```bantin block: `plain` names the nodes to write that way, found
 * by reading the result back (from-yaml.ts).
 */
import type { PartInput } from '../schema.js';
import { KIND_WORDS } from './attributes.js';
import { readHeadingDate, writeHeadingDate, type Period } from './day-month.js';
import { fenceLines } from './fence-yaml.js';
import { writeComment } from './lines.js';

/** How much of a node goes into a ```bantin block: 1 its texts, 2 every field. */
export type Fallback = Map<string, 1 | 2>;

export interface WriteInput {
  /** The front matter's YAML, ending with a line break (or empty). */
  front: string;
  parts: readonly PartInput[];
  /** Comments before a part, item or section, by path ("parts[1].articles[0]"). */
  comments: ReadonlyMap<string, string>;
  period?: Period;
  fallback?: Fallback;
  /** A block as its YAML file wrote it (comments, flow style), by item path and index. */
  blockYaml?: (itemPath: string, index: number) => string | undefined;
}

type Fields = Record<string, unknown>;

export function writeMarkdown(input: WriteInput): string {
  const out = ['---', ...(input.front ? input.front.replace(/\n$/, '').split('\n') : []), '---'];
  input.parts.forEach((part, p) => out.push('', ...writePart(input, part as Fields, `parts[${p}]`)));
  return `${out.join('\n')}\n`;
}

/** A value that fits on one line of its own. */
const oneLine = (value: unknown): value is string => typeof value === 'string' && !/[\n\r]/.test(value) && value.trim() === value && value !== '';

/** The fields left for the ```bantin block, after the writers took theirs. */
function leftover(fields: Fields, taken: ReadonlySet<string>): Fields | undefined {
  const rest = Object.fromEntries(Object.entries(fields).filter(([key, value]) => !taken.has(key) && value !== undefined));
  return Object.keys(rest).length ? rest : undefined;
}

function commentLines(input: WriteInput, path: string): string[] {
  const comment = input.comments.get(path);
  return comment === undefined ? [] : comment.split('\n').map(writeComment);
}

function writePart(input: WriteInput, part: Fields, path: string): string[] {
  const level = input.fallback?.get(path) ?? 0;
  const taken = new Set(['sections', 'articles']);
  const take = (key: string, ok = true) => ok && level < 2 && part[key] !== undefined && (taken.add(key), true);
  const lines = commentLines(input, path);
  // A part title that starts like a date would be read as an item ("# 20/4: …", as the seeds set items).
  lines.push(take('title', oneLine(part.title) && !readHeadingDate(part.title as string)) ? `# ${part.title}` : '#');
  // News is what a part is unless it says otherwise.
  if (part.kind !== 'news') lines.push(`Loại: ${KIND_WORDS[part.kind as string]}`);
  taken.add('kind');
  if (take('id', oneLine(part.id))) lines.push(`Id: ${part.id}`);
  if (take('heading', oneLine(part.heading))) lines.push(`Tít: ${part.heading}`);
  const body: string[] = [];
  if (take('intro', level < 1)) body.push('', part.intro as string);
  const children = part.kind === 'summary' ? (part.sections as Fields[]) : (part.articles as Fields[]);
  const closing = part.kind === 'summary' && take('closing', level < 1) ? ['', '---', '', part.closing as string] : [];
  const rest = leftover(part, taken);
  if (rest) body.push('', ...fenceLines(rest));
  lines.push(...body);
  (children ?? []).forEach((child, i) => {
    const childPath = `${path}.${part.kind === 'summary' ? 'sections' : 'articles'}[${i}]`;
    lines.push('', ...(part.kind === 'summary' ? writeSection(input, child, childPath) : writeItem(input, child, childPath)));
  });
  lines.push(...closing);
  return lines;
}

function writeSection(input: WriteInput, section: Fields, path: string): string[] {
  const level = input.fallback?.get(path) ?? 0;
  const taken = new Set<string>();
  const titled = level < 2 && oneLine(section.title);
  if (titled) taken.add('title');
  const lines = [...commentLines(input, path), titled ? `## ${section.title}` : '##'];
  if (level < 1 && section.body !== undefined) lines.push('', section.body as string), taken.add('body');
  const rest = leftover(section, taken);
  if (rest) lines.push('', ...fenceLines(rest));
  return lines;
}

export function writeItem(input: WriteInput, item: Fields, path: string): string[] {
  const level = input.fallback?.get(path) ?? 0;
  const taken = new Set<string>();
  const take = (key: string, ok: boolean) => ok && level < 2 && item[key] !== undefined && (taken.add(key), true);
  const date = level < 2 ? writeHeadingDate(item.date, input.period) : undefined;
  if (date) taken.add('date');
  // Without a date before it, a title that starts like one ("2/9: …") would be read as a date.
  const title = take('title', oneLine(item.title) && (date !== undefined || !readHeadingDate(item.title as string, input.period)));
  const heading = [date && `${date}:`, title && item.title].filter(Boolean).join(' ');
  const lines = [...commentLines(input, path), heading ? `## ${heading}` : '##'];
  if (take('id', oneLine(item.id))) lines.push(`Id: ${item.id}`);
  const source = item.source as { name?: unknown; url?: unknown } | undefined;
  if (take('source', !!source && oneLine(source.name) && (source.url === undefined || oneLine(source.url)))) {
    lines.push(source!.url === undefined ? `Nguồn: ${source!.name}` : `Chi tiết: [${source!.name}](${source!.url})`);
  }
  if (take('author', oneLine(item.author))) lines.push(`Tác giả: ${item.author}`);
  const image = item.image as Fields | undefined;
  const imageLine = image && writeImage(image);
  if (take('image', !!imageLine)) {
    lines.push(`Ảnh: ${imageLine}`);
    if (image!.credit !== undefined) lines.push(`Nguồn ảnh: ${image!.credit}`);
  }
  const podcast = item.podcast as Fields | undefined;
  if (take('podcast', !!podcast && oneLine(podcast.url) && (podcast.label === undefined || oneLine(podcast.label)))) {
    lines.push(podcast!.label === undefined ? `Podcast: ${podcast!.url}` : `Podcast: [${podcast!.label}](${podcast!.url})`);
  }
  if (take('draft', item.draft === true)) lines.push('Nháp: có');
  if (take('lead', level < 1 && oneLine(item.lead))) lines.push('', `**${item.lead}**`);
  if (take('body', level < 1)) lines.push('', item.body as string);
  if (level < 2) taken.add('blocks');
  const blocks = level < 2 ? ((item.blocks as unknown[] | undefined) ?? []) : [];
  blocks.forEach((block, k) => lines.push('', ...fenceLines((level < 1 && input.blockYaml?.(path, k)) || block)));
  const rest = leftover(item, taken);
  if (rest) lines.push('', ...fenceLines(rest));
  return lines;
}

/** `![alt](src "caption")`, when every piece can be written so; the credit has its own line. */
function writeImage(image: Fields): string | undefined {
  const { src, alt, caption, credit } = image;
  if (!oneLine(src) || (alt !== undefined && !oneLine(alt)) || (caption !== undefined && !oneLine(caption)) || (credit !== undefined && !oneLine(credit))) return undefined;
  if (/[<>]/.test(src) || (alt !== undefined && /[[\]]/.test(alt))) return undefined;
  const where = /[\s()]/.test(src) ? `<${src}>` : src;
  let title = '';
  if (caption !== undefined) {
    const quote = ['"', "'"].find((q) => !caption.includes(q));
    if (quote) title = ` ${quote}${caption}${quote}`;
    else if (!/[()]/.test(caption)) title = ` (${caption})`;
    else return undefined;
  }
  return `![${alt ?? ''}](${where}${title})`;
}
