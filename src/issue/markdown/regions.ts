/**
 * A part (`#` heading) and what is under it — items, or a summary's sections (`##`) — as yaml
 * maps whose fields keep their places in the .md text.
 */
import { Scalar, type Node, type YAMLMap } from 'yaml';
import type { PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { ITEM_ATTRIBUTES, KIND_WORDS, PART_ATTRIBUTES, readAttribute, type Attribute, type AttributeName } from './attributes.js';
import { readHeadingDate } from './day-month.js';
import { readFence } from './fences.js';
import { isBlank, type Line } from './lines.js';
import { extendTo, hasField, mapAt, scalarAt, seqAt, setField } from './nodes.js';
import { textLines, type Region, type Unit } from './outline.js';
import type { MarkdownContext } from './parse.js';

export interface Group {
  region: Region;
  children: Region[];
}

const lastOffset = (region: Region) => {
  const last = region.units.at(-1);
  return last ? (last.type === 'fence' ? last.end : last.line.end) : region.heading!.line.end;
};

function startMap(region: Region): YAMLMap {
  const map = mapAt(region.heading!.line.start, lastOffset(region));
  if (region.comments.length) map.commentBefore = region.comments.join('\n');
  // Comments among the lines are kept with the heading's (a YAML file has no place for them inside a text).
  const inner = region.units.flatMap((u) => (u.type === 'comment' ? [u.comment] : []));
  if (inner.length) map.commentBefore = [...region.comments, ...inner].join('\n');
  return map;
}

/**
 * The attribute lines at the top of a heading's text, blank lines around them allowed (the
 * seeds have one between the title and its "Chi tiết"); the body starts at the first line
 * that is not one.
 */
function takeAttributes(ctx: MarkdownContext, units: Unit[], allowed: ReadonlySet<AttributeName>): { attributes: Map<AttributeName, Attribute>; rest: Unit[] } {
  const attributes = new Map<AttributeName, Attribute>();
  let taken = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.type === 'comment' || unit.type === 'blank') continue;
    const attribute = unit.type === 'text' ? readAttribute(unit.line, allowed) : undefined;
    if (!attribute) break;
    if (attributes.has(attribute.name)) ctx.report(attribute.label[0], t('markdown.attributeTwice', { label: attribute.written }));
    else attributes.set(attribute.name, attribute);
    taken = i + 1;
  }
  return { attributes, rest: units.slice(taken) };
}

const setAttribute = (map: YAMLMap, key: string, attribute: Attribute | undefined) => attribute && setField(map, key, attribute.value, attribute.label);

/** Lines of Markdown text as one value, starting where its first character is. */
function markdownValue(lines: Line[]): Scalar {
  const first = lines[0]!;
  const indent = first.text.length - first.text.trimStart().length;
  return scalarAt(lines.map((l) => l.text).join('\n'), first.start + indent, lines.at(-1)!.end);
}

/** A first paragraph that is bold as a whole (`**…**`), followed by more text: the item's lead. */
function splitLead(lines: Line[]): { lead?: Scalar; body: Line[] } {
  const blank = lines.findIndex(isBlank);
  if (blank < 0) return { body: lines };
  const paragraph = lines.slice(0, blank).map((l) => l.text).join('\n').trim();
  const inner = /^\*\*([\s\S]*)\*\*$/.exec(paragraph)?.[1];
  if (inner === undefined || inner.includes('**') || !inner.trim()) return { body: lines };
  const first = lines[0]!;
  const last = lines[blank - 1]!;
  const start = first.start + first.text.indexOf('**') + 2;
  const end = last.start + last.text.lastIndexOf('**');
  let rest = blank;
  while (isBlank(lines[rest]!)) rest++;
  return { lead: scalarAt(inner, start, end), body: lines.slice(rest) };
}

/** Fields from ```bantin blocks: a block (it has type:) goes to `blocks`; any other field joins the map. */
function mergeFences(ctx: MarkdownContext, map: YAMLMap, units: Unit[], path: PathSegment[], blocksAllowed: boolean): void {
  const fields: Array<[Scalar, Node]> = [];
  const blocks = seqAt(0);
  for (const unit of units) {
    if (unit.type !== 'fence') continue;
    const fence = readFence(ctx.reader, unit, path);
    if (!fence) continue;
    if (blocksAllowed && fence.has('type')) {
      if (!blocks.items.length) blocks.range = [unit.line.start, unit.end, unit.end];
      blocks.items.push(fence);
      extendTo(blocks, unit.end);
    } else for (const pair of fence.items) fields.push([pair.key as Scalar, pair.value as Node]);
  }
  if (blocks.items.length) fields.unshift([scalarAt('blocks', blocks.range![0]), blocks]);
  for (const [key, value] of fields) {
    if (hasField(map, String(key.value))) ctx.report(key.range?.[0] ?? 0, t('markdown.fieldTwice', { field: String(key.value) }));
    else setField(map, String(key.value), value, key.range ? [key.range[0], key.range[1]] : undefined);
  }
}

export function readPart(ctx: MarkdownContext, group: Group, path: PathSegment[]): YAMLMap {
  const { region, children } = group;
  const heading = region.heading!;
  const map = startMap(region);
  const { attributes, rest } = takeAttributes(ctx, region.units, PART_ATTRIBUTES);
  const kindAttribute = attributes.get('kind');
  if (kindAttribute?.unknownKind !== undefined) {
    ctx.report(kindAttribute.value.range![0], t('markdown.kindUnknown', { value: kindAttribute.unknownKind, kinds: Object.values(KIND_WORDS).join(', ') }));
  }
  const kind = kindAttribute ? String((kindAttribute.value as Scalar).value) : 'news';
  if (kindAttribute) setAttribute(map, 'kind', kindAttribute);
  else setField(map, 'kind', scalarAt('news', heading.line.start));
  setAttribute(map, 'id', attributes.get('id'));
  if (heading.text) setField(map, 'title', scalarAt(heading.text, heading.textStart, heading.textEnd));
  setAttribute(map, 'heading', attributes.get('heading'));
  const fenceUnits = [...rest];
  if (kind === 'summary') {
    const [intro, closingBefore] = children.length ? [rest, undefined] : splitAtBreak(rest);
    const introLines = textLines(intro);
    if (introLines) setField(map, 'intro', markdownValue(introLines));
    let closing = closingBefore;
    if (children.length) {
      const sections = seqAt(children[0]!.heading!.line.start);
      children.forEach((child, i) => {
        const [own, after] = i === children.length - 1 ? splitAtBreak(child.units) : [child.units, undefined];
        closing = after;
        const section = readSection(ctx, child, own, [...path, 'sections', i]);
        sections.items.push(section);
        extendTo(sections, section.range![1]);
      });
      setField(map, 'sections', sections);
    }
    const closingLines = closing && textLines(closing);
    if (closingLines) setField(map, 'closing', markdownValue(closingLines));
    // Without sections the closing is among the part's own units already.
    if (closing && children.length) fenceUnits.push(...closing);
  } else {
    const stray = rest.find((u) => u.type === 'text' || u.type === 'break');
    if (stray) ctx.report(stray.line.start, t('markdown.textBeforeItem'));
    const articles = seqAt(children[0]?.heading!.line.start ?? lastOffset(region));
    children.forEach((child, i) => {
      const item = readItem(ctx, child, [...path, 'articles', i]);
      articles.items.push(item);
      extendTo(articles, item.range![1]);
    });
    setField(map, 'articles', articles);
  }
  mergeFences(ctx, map, fenceUnits, path, false);
  for (const child of children) extendTo(map, lastOffset(child));
  return map;
}

/** A summary's last text: the closing starts after a `---` line. */
function splitAtBreak(units: Unit[]): [Unit[], Unit[] | undefined] {
  const at = units.findIndex((u) => u.type === 'break');
  return at < 0 ? [units, undefined] : [units.slice(0, at), units.slice(at + 1)];
}

function readSection(ctx: MarkdownContext, region: Region, units: Unit[], path: PathSegment[]): YAMLMap {
  const heading = region.heading!;
  const map = startMap(region);
  if (heading.text) setField(map, 'title', scalarAt(heading.text, heading.textStart, heading.textEnd));
  const lines = textLines(units);
  if (lines) setField(map, 'body', markdownValue(lines));
  mergeFences(ctx, map, units, path, false);
  return map;
}

export function readItem(ctx: MarkdownContext, region: Region, path: PathSegment[]): YAMLMap {
  const heading = region.heading!;
  const map = startMap(region);
  const date = readHeadingDate(heading.text, ctx.period);
  const { attributes, rest } = takeAttributes(ctx, region.units, ITEM_ATTRIBUTES);
  setAttribute(map, 'id', attributes.get('id'));
  if (date) setField(map, 'date', scalarAt(date.value, heading.textStart, heading.textStart + date.length));
  const titleAt = date ? date.titleAt : 0;
  const title = heading.text.slice(titleAt).trim();
  if (title) setField(map, 'title', scalarAt(title, heading.textEnd - title.length, heading.textEnd));
  setAttribute(map, 'author', attributes.get('author'));
  setAttribute(map, 'source', attributes.get('source'));
  const image = attributes.get('image');
  const credit = attributes.get('credit');
  if (image || credit) {
    const imageMap = image ? (image.value as YAMLMap) : mapAt(credit!.label[0], credit!.value.range![1]);
    if (credit) setField(imageMap, 'credit', credit.value, credit.label);
    setField(map, 'image', imageMap, image?.label ?? credit!.label);
  }
  setAttribute(map, 'podcast', attributes.get('podcast'));
  setAttribute(map, 'draft', attributes.get('draft'));
  const lines = textLines(rest);
  if (lines) {
    const { lead, body } = splitLead(lines);
    if (lead) setField(map, 'lead', lead);
    if (body.length) setField(map, 'body', markdownValue(body));
  }
  mergeFences(ctx, map, rest, path, true);
  return map;
}
