/**
 * Reads an issue file into a YAML document that remembers where every node came from.
 */
import path from 'node:path';
import { MAX_ISSUE_BYTES, ReadProblem, readRegular } from '../core/read-file.js';
import { isCollection, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Alias, type Document, type Node, type Pair, type YAMLError, type YAMLWarning } from 'yaml';
import { formatPath, UserError, type Diagnostic, type PathSegment } from '../core/diagnostics.js';
import { t, type MessageKey } from '../core/i18n.js';
import { libraryWords } from './library-words.js';
import { blockColumn, overIndentedField, tabsToBlame, YAML_OPTIONS, type TabLine } from './yaml-indent.js';
import { cleanValue, composedSource, controlCharMessage, findControlChars, firstInvalidUtf8, looksLikeUtf16, visibleControls } from './text.js';

export interface IssueSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Where a problem at `path` should point: the deepest node of the path that exists. */
export interface Located {
  line: number;
  col: number;
  /** True when the whole path exists (false: we point at the nearest parent). */
  exact: boolean;
}

export async function readIssueText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegular(file, MAX_ISSUE_BYTES);
  } catch (error) {
    if (error instanceof ReadProblem) throw new UserError(t('issue.read.cannot-read', { file, reason: error.message }));
    throw error;
  }
  return decodeIssueText(file, bytes);
}

/**
 * UTF-8 bytes → text; anything else is refused at the first byte that is not UTF-8, named by
 * line, column and field. (The message carries the position: `bantin check` prints only it.)
 */
export function decodeIssueText(file: string, bytes: Uint8Array): string {
  // Named as report.ts names files in positioned problems: relative to where the user is.
  const shown = path.relative(process.cwd(), path.resolve(file));
  if (!shown.startsWith('..') && !path.isAbsolute(shown)) file = shown;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    throw new UserError(`${file}:1:1 ${t('issue.read.utf16')}`);
  }
  const offset = firstInvalidUtf8(bytes);
  if (offset < bytes.length) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    // Read the rest leniently only to name the field the bad byte is in.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const field = formatPath(pathAt(parseDocument(lenient, { prettyErrors: false }), before.length));
    const hex = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
    throw new UserError(`${file}:${line}:${col}${field ? ` ${field}:` : ''} ${t('issue.read.not-utf8', { byte: hex, offset })}`);
  }
  // Strip a byte-order mark; Vietnamese text pasted from Word is often NFD: print it composed.
  return composedSource(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
}

/** How often an anchored block may be repeated through aliases (yaml's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export function parseIssueSource(file: string, raw: string): { source: IssueSource; diagnostics: Diagnostic[] } {
  const text = composedSource(raw);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, ...YAML_OPTIONS });
  visit(doc, {
    Scalar: (_key, node) => {
      if (typeof node.value === 'string') node.value = cleanValue(node.value);
    },
  });
  const source: IssueSource = { file, text, doc, lines };
  const { tabs, stillWrong } = tabsToBlame(text, doc.errors, (offset) => lines.linePos(offset).line);
  // After a tab, yaml misreads the indentation of everything below it (and the line above it):
  // the tabs are reported, and only the errors before them that remain once they are spaces.
  const tabLine = tabs.length ? lines.linePos(tabs[0]!.offset).line : Infinity;
  const problems = [...doc.errors, ...doc.warnings]
    .filter((p) => !tabs.length || (lines.linePos(p.pos[0]).line < tabLine && stillWrong.has(lines.linePos(p.pos[0]).line)))
    .filter((p) => p.code !== 'TAG_RESOLVE_FAILED'); // an error of yaml-rules.ts
  const diagnostics: Diagnostic[] = tabs.slice(0, 12).map((tab) => tabDiagnostic(source, tab));
  diagnostics.push(...problems.map((problem) => syntaxDiagnostic(source, problem)));
  diagnostics.push(...controlCharDiagnostics(source));
  if (doc.errors.length === 0) diagnostics.push(...structureDiagnostics(source));
  return { source, diagnostics };
}

/** A tab (or a wide space) in a line's indentation, said at its column with the spaces it stands for. */
function tabDiagnostic(source: IssueSource, tab: TabLine): Diagnostic {
  const { line, col } = source.lines.linePos(tab.offset);
  const message = tab.char === '\t' ? t('issue.yaml.tab', { spaces: tab.spaces.length }) : t('issue.yaml.odd-space', { char: `U+${tab.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, spaces: tab.spaces.length });
  return { severity: 'error', file: source.file, line, col, path: '', message, sourceLine: lineText(source, line), code: 'tab' } satisfies Diagnostic;
}

/** One of yaml's errors or warnings, at the place and in the words the editor needs. */
function syntaxDiagnostic(source: IssueSource, problem: YAMLError | YAMLWarning): Diagnostic {
  const { file, text, doc, lines } = source;
  // yaml reports an unclosed quote where the file ends; the user needs where it opens.
  // Where nesting gets too deep depends on the stack: point at where the run of brackets starts.
  const opened = problem.code === 'MISSING_CHAR' ? openingQuote(text, problem.pos[0], problem.message) : problem.code === 'RESOURCE_EXHAUSTION' ? bracketRun(text, problem.pos[0]) : undefined;
  // A field indented too far reads as the text above going on: said as indentation, at that field.
  const deeper = problem.code === 'BLOCK_AS_IMPLICIT_KEY' ? overIndentedField(text, problem.pos[0]) : undefined;
  const quoted = problem.code === 'UNEXPECTED_TOKEN' ? quotedStart(text, problem.pos[0]) : undefined;
  if (quoted) {
    const { line, col } = lines.linePos(quoted.offset);
    const message = t('issue.yaml.quote-then-text', { quoted: quoted.quoted });
    return { severity: 'error', file, line, col, path: formatPath(pathAt(doc, quoted.offset)), message, sourceLine: lineText(source, line), code: 'yaml' } satisfies Diagnostic;
  }
  const { line, col } = lines.linePos(deeper?.offset ?? opened ?? problem.pos[0]);
  return {
    severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
    file,
    line,
    col,
    path: deeper ? '' : formatPath(syntaxPath(doc, problem.code, opened ?? problem.pos[0])),
    message: deeper ? t('issue.yaml.indent-deeper', { col, column: deeper.column }) : indentMessage(text, problem) ?? yamlMessage(problem.code, problem.message),
    sourceLine: lineText(source, line),
    code: 'yaml',
  } satisfies Diagnostic;
}

/**
 * The field a syntax error is in, where the half-read document still says it reliably: a
 * duplicate key, a quote that never closes, a ": " inside a text (which made it a block).
 * After a tab or a bad indentation the tree is misread, so no field is named.
 */
function syntaxPath(doc: Document, code: string, offset: number): PathSegment[] {
  if (code === 'DUPLICATE_KEY' || code === 'MISSING_CHAR') return pathAt(doc, offset);
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return pathAt(doc, offset).slice(0, -1);
  return [];
}

/** Control characters, at most one per line and a dozen in all: a binary file would give thousands. */
function controlCharDiagnostics(source: IssueSource): Diagnostic[] {
  const found = findControlChars(source.text);
  const out: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const { offset, char } of found) {
    const { line, col } = source.lines.linePos(offset);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    if (out.length === 12) {
      out[11]!.message += ` ${t('issue.text.control-more')}`;
      break;
    }
    out.push({
      severity: 'error',
      file: source.file,
      line,
      col,
      path: formatPath(pathAt(source.doc, offset)),
      message: controlCharMessage(char),
      sourceLine: lineText(source, line),
      code: 'control-char',
    });
  }
  return out;
}

/**
 * What parses but cannot become plain data: keys that are lists or blocks, aliases to no
 * anchor or repeated past MAX_ALIAS_COUNT. Found here so that reading the data later cannot throw.
 * Codes of their own ('key', 'alias'): load.ts drops a 'yaml' problem next to another as noise.
 */
function structureDiagnostics(source: IssueSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: Node, message: string, code: string) => {
    const { line, col } = source.lines.linePos(node.range?.[0] ?? 0);
    out.push({ severity: 'error', file: source.file, line, col, path: formatPath(pathAt(source.doc, node.range?.[0] ?? 0)), message, sourceLine: lineText(source, line), code });
  };
  const anchors = new Set<string>();
  const aliases: Alias[] = [];
  visit(source.doc, {
    Pair: (_key, pair) => {
      if (isCollection(pair.key)) at(pair.key, t('issue.yaml.key-not-name'), 'key');
    },
    Alias: (_key, alias) => {
      if (!anchors.has(alias.source)) at(alias, t('issue.yaml.alias-no-anchor', { name: alias.source }), 'alias');
      aliases.push(alias);
    },
    Node: (_key, node) => {
      if (node.anchor) anchors.add(node.anchor);
    },
  });
  if (out.length > 0) return out;
  try {
    source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (aliases.length === 0 || !/excessive alias count/i.test((error as Error).message)) {
      at(aliases[0] ?? source.doc.contents ?? new Scalar(null), t('issue.yaml.not-data', { reason: (error as Error).message }), 'yaml-data');
      return out;
    }
    const uses = new Map<string, Alias[]>();
    for (const alias of aliases) {
      if (!uses.has(alias.source)) uses.set(alias.source, []);
      uses.get(alias.source)!.push(alias);
    }
    const over = [...uses].find(([, list]) => list.length > MAX_ALIAS_COUNT);
    if (over) {
      at(over[1][MAX_ALIAS_COUNT]!, t('issue.yaml.alias-too-many', { name: over[0], count: over[1].length, max: MAX_ALIAS_COUNT }), 'alias');
    } else {
      // Aliases to blocks that hold aliases multiply ("billion laughs"): point at the first such
      // (among the first few hundred: resolving an alias walks the whole document).
      const nested = aliases.slice(0, 300).find((alias) => {
        const target = alias.resolve(source.doc);
        let inner = false;
        if (target) visit(target, { Alias: () => ((inner = true), visit.BREAK) });
        return inner;
      });
      at(nested ?? aliases[0]!, t('issue.yaml.alias-nested', { name: (nested ?? aliases[0]!).source, max: MAX_ALIAS_COUNT }), 'alias');
    }
  }
  return out;
}

/** The field path of the deepest node whose text contains `offset` (a key: that key's path). */
export function pathAt(doc: Document, offset: number): PathSegment[] {
  const segments: PathSegment[] = [];
  const within = (node: unknown): boolean => {
    const range = isNode(node) ? node.range : undefined;
    return !!range && range[0] <= offset && offset < Math.max(range[1], range[2]);
  };
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key) || within(p.value));
      if (!pair || !isScalar(pair.key)) break;
      segments.push(String(pair.key.value));
      if (within(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(within);
      if (index < 0) break;
      segments.push(index);
      node = node.items[index];
    } else break;
  }
  return segments;
}

/**
 * "title: 'Lời giải' cho bài toán": a value that starts with a quoted part and goes on. yaml
 * takes the quotes as the value's and stops at the text after them; the title meant them.
 */
export function quotedStart(text: string, offset: number): { offset: number; quoted: string } | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(start, offset);
  const match = /^([ \t]*(?:-[ \t]+)*(?:[^\s:#'"{}[\],][^:#{}[\],]*:[ \t]+)?)(['"])(.*)\2[ \t]*$/.exec(line);
  if (!match || (match[2] === '"' && /(^|[^\\])"/.test(match[3]!)) || (match[2] === "'" && /'(?!')/.test(match[3]!.replace(/''/g, '')))) return undefined;
  return { offset: start + match[1]!.length, quoted: `${match[2]}${match[3]}${match[2]}` };
}

/** yaml's BAD_INDENT in words of indentation: a field out of line with its block, a `|` line less indented than the first. */
function indentMessage(text: string, problem: { code: string; message: string; pos: [number, number] }): string | undefined {
  // A field short of its block's column under a list item reads as an item without its "-".
  if (problem.code === 'MISSING_CHAR' && /^Sequence item without -/.test(problem.message) && isFieldLine(text, problem.pos[0])) {
    const block = blockColumn(text, problem.pos[0]);
    return block ? t('issue.yaml.indent-field', { line: block.line, column: block.column }) : undefined;
  }
  if (problem.code !== 'BAD_INDENT') return undefined;
  if (/^Block scalar lines/.test(problem.message)) return t('issue.yaml.indent-block-text');
  if (!/^All mapping items/.test(problem.message)) return undefined;
  const block = blockColumn(text, problem.pos[0]);
  return block ? t('issue.yaml.indent-field', { line: block.line, column: block.column }) : t('issue.yaml.indent-field-unknown');
}

/** Whether the line at `offset` is a `name: …` field (not a list item or a text). */
function isFieldLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return /^[ \t]*[^\s:#'"[{-][^:#]*:([ \t]|$)/.test(text.slice(start, end < 0 ? undefined : end));
}

/** Offset of the first of the brackets (and spaces) that run up to `offset` on its line. */
function bracketRun(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  while (start > 0 && /[[{ ]/.test(text[start - 1]!)) start--;
  while (text[start] === ' ') start++;
  return start;
}

/** Offset of the last quote before `end` that opens a value and is not closed on its line. */
function openingQuote(text: string, end: number, message: string): number | undefined {
  const quote = message.includes(`'quote`) ? "'" : '"';
  const valueStart = new RegExp(`^(\\s*(?:-\\s+)?(?:[^:#"']+:\\s+)?)\\${quote}`);
  let found: number | undefined;
  let offset = 0;
  for (const line of text.slice(0, end).split('\n')) {
    const match = valueStart.exec(line);
    if (match) {
      const rest = line.slice(match[1]!.length + 1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
      if (!closed) found = offset + match[1]!.length;
    }
    offset += line.length + 1;
  }
  return found;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return t('issue.yaml.duplicate-key');
    case 'TAB_AS_INDENT':
      return t('issue.yaml.tab');
    case 'MISSING_CHAR':
      if (first.startsWith('Missing closing')) return t('issue.yaml.unclosed-quote', { quote: first.includes(`'quote`) ? "'" : '"' });
      return t('issue.yaml.syntax-check', { detail: yamlSays(code, first) });
    case 'BLOCK_AS_IMPLICIT_KEY':
      return t('issue.yaml.colon-in-text');
    case 'MULTIPLE_DOCS':
      return t('issue.yaml.second-document');
    case 'RESOURCE_EXHAUSTION':
      return t('issue.yaml.too-deep');
    case 'BAD_INDENT':
      return t('issue.yaml.syntax-check', { detail: yamlSays(code, first) });
    default:
      return t('issue.yaml.syntax', { detail: yamlSays(code, first) });
  }
}

const YAML_SAYS: Record<string, MessageKey> = {
  ALIAS_PROPS: 'issue.yaml.says.alias-props',
  BAD_ALIAS: 'issue.yaml.says.bad-alias',
  BAD_DIRECTIVE: 'issue.yaml.says.bad-directive',
  BAD_DQ_ESCAPE: 'issue.yaml.says.bad-escape',
  BAD_INDENT: 'issue.yaml.says.bad-indent',
  BAD_PROP_ORDER: 'issue.yaml.says.bad-prop-order',
  BAD_SCALAR_START: 'issue.yaml.says.bad-scalar-start',
  BLOCK_IN_FLOW: 'issue.yaml.says.block-in-flow',
  KEY_OVER_1024_CHARS: 'issue.yaml.says.key-too-long',
  MULTILINE_IMPLICIT_KEY: 'issue.yaml.says.multiline-key',
  MULTIPLE_ANCHORS: 'issue.yaml.says.multiple-anchors',
  MULTIPLE_TAGS: 'issue.yaml.says.multiple-tags',
  NON_STRING_KEY: 'issue.yaml.says.non-string-key',
  UNEXPECTED_TOKEN: 'issue.yaml.says.unexpected',
  BAD_COLLECTION_TYPE: 'issue.yaml.says.collection-type',
};

/** yaml's MISSING_CHAR covers several mistakes: told apart by the start of its message. */
const MISSING_SAYS: Array<[RegExp, MessageKey]> = [
  [/^Implicit map keys need to be followed/, 'issue.yaml.says.map-value'],
  [/^Missing , (or : )?between/, 'issue.yaml.says.missing-comma'],
  [/^Missing space after :/, 'issue.yaml.says.space-after-colon'],
  [/^Sequence item without -/, 'issue.yaml.says.item-dash'],
  [/^Comments must be separated/, 'issue.yaml.says.comment-space'],
];

/** yaml's message (English), or what it means in the interface's language. */
function yamlSays(code: string, first: string): string {
  const key = code === 'MISSING_CHAR' ? (MISSING_SAYS.find(([pattern]) => pattern.test(first))?.[1] ?? 'issue.yaml.says.missing-char') : (YAML_SAYS[code] ?? 'issue.yaml.says.other');
  return libraryWords(first, key);
}

/** The line as shown under a message; control characters drawn visibly, so none reaches the terminal. */
export function lineText(source: IssueSource, line: number): string | undefined {
  const start = source.lines.lineStarts[line - 1];
  if (start === undefined) return undefined;
  const end = source.text.indexOf('\n', start);
  return visibleControls(source.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, ''));
}

/** Finds the node at `path`; with `key`, the key node of the last segment (for unknown keys). */
export function locate(source: IssueSource, path: readonly PathSegment[], opts: { key?: boolean } = {}): Located {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let best: Node | null | undefined = node;
  let exact = true;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair: Pair | undefined = node.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair && last && opts.key) {
        best = pair.key as Node;
        break;
      }
      next = pair ? (pair.value as Node | null) ?? (pair.key as Node) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    }
    if (!next) {
      exact = false;
      break;
    }
    node = next;
    best = next;
  }
  const offset = best?.range?.[0] ?? 0;
  const { line, col } = source.lines.linePos(offset);
  return { line, col, exact };
}

/** A problem at the YAML node of `path`, with its line and a caret. */
export function diagnosticAt(
  source: IssueSource,
  path: readonly PathSegment[],
  message: string,
  options: { code: string; severity?: Diagnostic['severity']; key?: boolean },
): Diagnostic {
  const { line, col } = locate(source, path, { key: options.key });
  return { severity: options.severity ?? 'error', file: source.file, line, col, path: formatPath(path), message, sourceLine: lineText(source, line), code: options.code };
}
