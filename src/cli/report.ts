/** How problems look in a terminal: file:line:col, severity, field, message, the line and a caret. */
import type { ChalkInstance } from 'chalk';
import path from 'node:path';
import type { Diagnostic } from '../issue/diagnostics.js';

export function formatDiagnostic(d: Diagnostic, color: ChalkInstance, cwd = process.cwd()): string {
  const relative = path.isAbsolute(d.file) ? path.relative(cwd, d.file) : d.file;
  const file = relative && !relative.startsWith('..') ? relative : d.file;
  const where = color.bold(`${file}:${d.line}:${d.col}`);
  const severity = d.severity === 'error' ? color.red('error') : color.yellow('warning');
  const field = d.path ? ` ${color.cyan(d.path)}:` : '';
  const lines = [`${where} ${severity}${field} ${d.message}`];
  if (d.sourceLine !== undefined) {
    const gutter = String(d.line).padStart(5);
    const text = d.sourceLine.replace(/\t/g, ' ');
    lines.push(color.dim(`${gutter} | `) + text);
    lines.push(color.dim(`${' '.repeat(gutter.length)} | `) + ' '.repeat(Math.max(0, d.col - 1)) + color.red('^'));
  }
  return lines.join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors ? part(errors, 'error') : '', warnings ? part(warnings, 'warning') : ''].filter(Boolean).join(', ');
}
