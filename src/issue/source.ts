/**
 * Reads an issue file into a YAML document that remembers where every node came from.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { formatPath, UserError, type Diagnostic, type PathSegment } from './diagnostics.js';

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
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new UserError(`cannot read ${file}: ${why}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    throw new UserError(`${file}:${line}:1 the file is not UTF-8 text: save it as UTF-8 (byte ${offset} is invalid)`);
  }
  // Strip a byte-order mark; Vietnamese text pasted from Word is often NFD: print it composed.
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    } catch {
      // A truncated multi-byte sequence is only invalid once the next byte is not a continuation.
      if (end === bytes.length || (bytes[end]! & 0xc0) !== 0x80) return end - 1;
    }
  }
  return bytes.length;
}

export function parseIssueSource(file: string, text: string): { source: IssueSource; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const source: IssueSource = { file, text, doc, lines };
  const diagnostics = [...doc.errors, ...doc.warnings].map((problem) => {
    // yaml reports an unclosed quote where the file ends; the user needs where it opens.
    const opened = problem.code === 'MISSING_CHAR' ? openingQuote(text, problem.pos[0], problem.message) : undefined;
    const { line, col } = lines.linePos(opened ?? problem.pos[0]);
    return {
      severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
      file,
      line,
      col,
      path: '',
      message: yamlMessage(problem.code, problem.message),
      sourceLine: lineText(source, line),
      code: 'yaml',
    } satisfies Diagnostic;
  });
  return { source, diagnostics };
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
      return 'this key appears twice in the same block: keep one';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation: YAML indents with spaces only';
    case 'MISSING_CHAR':
      if (first.startsWith('Missing closing')) return `this quote is never closed: add the closing ${first.includes(`'quote`) ? "'" : '"'} (or remove the opening one)`;
      return `YAML syntax: ${first} (check the indentation and closing quotes)`;
    case 'BAD_INDENT':
      return `YAML syntax: ${first} (check the indentation and closing quotes)`;
    default:
      return `YAML syntax: ${first}`;
  }
}

export function lineText(source: IssueSource, line: number): string | undefined {
  const start = source.lines.lineStarts[line - 1];
  if (start === undefined) return undefined;
  const end = source.text.indexOf('\n', start);
  return source.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
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
