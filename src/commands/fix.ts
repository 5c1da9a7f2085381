/**
 * bantin check --fix [--dry-run]: the safe fixes (issue/fixes.ts) written into the issue file
 * itself, the one file bantin edits, and only when asked. As eslint --fix and prettier --write
 * do, no backup is kept: the file is replaced atomically (a temporary file renamed over it, its
 * permissions kept), only when every fix reads back as the same issue, never through a link,
 * and not at all when there is nothing to fix. --dry-run prints the changes as a diff instead.
 */
import { lstat } from 'node:fs/promises';
import { UserError } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { fixIssueText, type Fix } from '../issue/fixes.js';
import { formatOf, parseIssueFile } from '../issue/markdown/read.js';
import { MAX_ALIAS_COUNT, readIssueText } from '../issue/source.js';
import { writeAtomic } from './output.js';

export interface FixFileResult {
  file: string;
  fixes: Fix[];
  /** Written (false with --dry-run, with nothing to fix, or when refused). */
  written: boolean;
  /** A unified diff of the changes (with --dry-run). */
  diff?: string;
  /** Why the fixes were not written. */
  refused?: string;
}

/** Syntax problems that make a text another document: the data is not compared then. */
const SYNTAX = new Set(['yaml', 'tab', 'markdown', 'key', 'alias', 'yaml-data']);

/** The data an issue file's text reads as, whatever the schema says of it; undefined when it does not read. */
function readBack(file: string) {
  return (text: string): unknown => {
    const { source, diagnostics } = parseIssueFile(file, text);
    if (diagnostics.some((d) => d.severity === 'error' && SYNTAX.has(d.code))) return undefined;
    try {
      return source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return undefined;
    }
  };
}

export async function fixFile(file: string, options: { dryRun?: boolean } = {}): Promise<FixFileResult> {
  const info = await lstat(file).catch(() => undefined);
  // A link is followed for reading; replacing it would put a file in its place.
  if (info?.isSymbolicLink()) throw new UserError(t('fix.link', { file }));
  const text = await readIssueText(file);
  const result = fixIssueText(text, { markdown: formatOf(file) === 'md', read: readBack(file) });
  if (!result.fixes.length || result.refused) return { file, fixes: result.fixes, written: false, refused: result.refused };
  if (options.dryRun) return { file, fixes: result.fixes, written: false, diff: unifiedDiff(file, text, result.text) };
  await writeAtomic(file, result.text, info?.mode);
  return { file, fixes: result.fixes, written: true };
}

/** The changed lines as a unified diff (a fix never adds or removes a line). */
function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const out = [`--- ${file}`, `+++ ${file}`];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let end = i;
    while (end + 1 < a.length && a[end + 1] !== b[end + 1]) end++;
    const count = end - i + 1;
    out.push(`@@ -${i + 1},${count} +${i + 1},${count} @@`);
    for (let k = i; k <= end; k++) out.push(`-${a[k]!.replace(/\r$/, '')}`);
    for (let k = i; k <= end; k++) out.push(`+${b[k]!.replace(/\r$/, '')}`);
    i = end;
  }
  return `${out.join('\n')}\n`;
}
