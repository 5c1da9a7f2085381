/** How problems look in a terminal: file:line:col, severity, field, message, the line and a caret. */
import type { ChalkInstance } from 'chalk';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { plural, t } from './i18n.js';

export function formatDiagnostic(d: Diagnostic, color: ChalkInstance, cwd = process.cwd()): string {
  const relative = path.isAbsolute(d.file) ? path.relative(cwd, d.file) : d.file;
  const file = relative && !relative.startsWith('..') ? relative : d.file;
  const where = color.bold(`${file}:${d.line}:${d.col}`);
  const severity = d.severity === 'error' ? color.red(t('report.error')) : color.yellow(t('report.warning'));
  const field = d.path ? ` ${color.cyan(d.path)}:` : '';
  const lines = [`${where} ${severity}${field} ${d.message}`];
  if (d.sourceLine !== undefined) {
    const gutter = String(d.line).padStart(5);
    const { text, caret } = excerptLine(d.sourceLine.replace(/\t/g, ' '), d.col);
    lines.push(color.dim(`${gutter} | `) + text);
    lines.push(color.dim(`${' '.repeat(gutter.length)} | `) + ' '.repeat(caret) + color.red('^'));
  }
  return lines.join('\n');
}

/** Longer lines are shown as this many characters around the column, cut with "…" (a 5 MB line stays out of the terminal). */
export const EXCERPT_CHARS = 200;

/** The part of `line` shown under a message, and the caret's offset in it (column `col`, 1-based). */
export function excerptLine(line: string, col: number): { text: string; caret: number } {
  const at = Math.max(0, col - 1);
  if (line.length <= EXCERPT_CHARS) return { text: line, caret: at };
  let end = Math.min(line.length, Math.max(at, 0) + EXCERPT_CHARS / 2);
  let start = Math.max(0, end - EXCERPT_CHARS);
  end = Math.min(line.length, start + EXCERPT_CHARS);
  // Never half of a surrogate pair at either cut.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(line[start]!)) start++;
  if (end < line.length && /[\uD800-\uDBFF]/.test(line[end - 1]!)) end--;
  const before = start > 0 ? '…' : '';
  return { text: `${before}${line.slice(start, end)}${end < line.length ? '…' : ''}`, caret: at - start + before.length };
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [errors ? plural(errors, 'report.errors.one', 'report.errors.many') : '', warnings ? plural(warnings, 'report.warnings.one', 'report.warnings.many') : ''];
  return counts.filter(Boolean).join(', ');
}
