/**
 * issue.md → issue.yaml: the front matter as written (comments and all), then `parts:` made
 * from the nodes the .md was read into — comments before headings become YAML comments, and
 * the comments inside ```bantin blocks stay. The YAML is read back and must give the same
 * validated input, or nothing is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, YAMLMap, type Node } from 'yaml';
import { literalBlocks, MARKDOWN_FIELDS, YAML_OUTPUT } from './fence-yaml.js';
import type { Converted } from './from-yaml.js';
import { NotLossless } from './from-yaml.js';
import { splitLines } from './lines.js';
import { readIssueInput } from './read.js';
import { t } from '../../core/i18n.js';


export function markdownToYaml(file: string, markdownText: string): Converted {
  const read = readIssueInput(file, markdownText, 'md');
  if (!read.input) return { diagnostics: read.diagnostics };
  const text = read.source.text;
  const front = frontMatterText(text);
  const contents = (read.source.doc as Document).contents;
  const parts = isMap(contents) ? (contents.get('parts', true) as Node | undefined) : undefined;
  // A front matter that has parts: of its own is the whole YAML file already.
  const inFront = parts?.range && parts.range[0] < front.end;
  let yaml = front.text;
  if (parts && !inFront) {
    const doc = new Document(new YAMLMap());
    const copy = parts.clone() as Node;
    (doc.contents as YAMLMap).set('parts', copy);
    literalBlocks(doc, MARKDOWN_FIELDS);
    spaceOut(copy);
    yaml += doc.toString(YAML_OUTPUT);
  }
  const yamlFile = file.replace(/\.(md|markdown)$/i, '') + '.yaml';
  const back = readIssueInput(yamlFile, yaml, 'yaml');
  if (!back.input || !isDeepStrictEqual(back.input, read.input)) throw new NotLossless(t('convert.differs.yaml', { file }));
  return { text: yaml, input: read.input, diagnostics: read.diagnostics };
}

/** The YAML between the front matter's `---` lines (empty without one). */
function frontMatterText(text: string): { text: string; end: number } {
  const lines = splitLines(text);
  if (!/^---[ \t]*$/.test(lines[0]!.text)) return { text: '', end: 0 };
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line.text));
  return close < 0 ? { text: '', end: 0 } : { text: text.slice(lines[1]!.start, lines[close]!.start), end: lines[close]!.start };
}

/** A blank line before each part and each item after the first, as the examples are laid out. */
function spaceOut(parts: Node): void {
  const items = (node: unknown) => ((node as { items?: unknown[] } | undefined)?.items ?? []) as Node[];
  items(parts).forEach((part, p) => {
    if (p > 0) part.spaceBefore = true;
    if (!isMap(part)) return;
    for (const key of ['articles', 'sections']) items(part.get(key, true)).forEach((child, i) => i > 0 && (child.spaceBefore = true));
  });
}
