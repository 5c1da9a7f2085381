/**
 * ```bantin blocks: YAML for whatever has no natural Markdown form (quote, figures, box and
 * related blocks; a {start, end} date; any field at all). Each is read by the YAML reader the
 * YAML files use, on a copy of the file where everything before the block is blanked out: its
 * nodes' ranges and its problems' lines and columns are then those of the .md file.
 */
import { isMap, type Document, type YAMLMap } from 'yaml';
import { formatPath, type Diagnostic, type PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { lineText, parseIssueSource, type IssueSource } from '../source.js';
import type { Unit } from './outline.js';

type Fence = Extract<Unit, { type: 'fence' }>;

export interface FenceReader {
  file: string;
  text: string;
  /** The text with every character but line breaks turned into a space. */
  blank: string;
  source: IssueSource;
  diagnostics: Diagnostic[];
}

/** "parts[1].articles[0]" + "blocks[0].text" */
const joinPath = (owner: string, inner: string) => (!inner ? owner : !owner ? inner : inner.startsWith('[') ? owner + inner : `${owner}.${inner}`);

/** The block's fields (a map), or undefined after reporting why it cannot be used. */
export function readFence(reader: FenceReader, fence: Fence, owner: readonly PathSegment[]): YAMLMap | undefined {
  const at = (message: string) => {
    const { line, col } = reader.source.lines.linePos(fence.line.start);
    reader.diagnostics.push({ severity: 'error', file: reader.file, line, col, path: formatPath(owner), message, sourceLine: lineText(reader.source, line), code: 'markdown' });
  };
  if (!fence.closed) {
    at(t('markdown.fence.unclosed', { fence: fence.line.text.trim().replace(/bantin$/i, '') }));
    return undefined;
  }
  const padded = reader.blank.slice(0, fence.contentStart) + reader.text.slice(fence.contentStart, fence.contentEnd);
  const parsed = parseIssueSource(reader.file, padded);
  const ownerPath = formatPath(owner);
  reader.diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, path: joinPath(ownerPath, d.path) })));
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const contents = (parsed.source.doc as Document).contents;
  if (!isMap(contents)) {
    at(t('markdown.fence.notFields'));
    return undefined;
  }
  return contents;
}
