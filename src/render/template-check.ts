/**
 * A theme's templates checked before any render: they parse, every partial they call exists
 * and every label they print is in the label table. Problems name the template file and line.
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import { UserError, type Diagnostic } from '../core/diagnostics.js';
import { visibleControls } from '../issue/text.js';
import { LABEL_KEYS } from '../theme/label-keys.js';
import type { ThemeFile } from '../theme/theme.js';

type Ast = hbs.AST.Program;

export interface ParsedTemplate {
  file: ThemeFile;
  ast: Ast;
  text: string;
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function problem(file: ThemeFile, text: string, line: number, col: number, message: string, code: string): Diagnostic {
  return { severity: 'error', file: shown(file.file), line, col, path: '', message, sourceLine: visibleControls(text.split('\n')[line - 1] ?? ''), code };
}

export function parseTemplate(file: ThemeFile, text: string): ParsedTemplate {
  try {
    return { file, ast: Handlebars.parse(text), text };
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 1);
    const first = e.message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '');
    const message = `this template does not parse: ${first || e.message.split('\n').slice(-1)[0]}`;
    throw new UserError(`the theme template ${shown(file.file)} has errors; no PDF was written`, [problem(file, text, line, (e.column ?? 0) + 1, message, 'template')]);
  }
}

/** Walks every node that has a `type`, depth first. */
function walk(node: unknown, visit: (node: hbs.AST.Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  const n = node as hbs.AST.Node;
  if (typeof n.type === 'string') visit(n);
  for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') walk(value, visit);
}

export function checkTemplates(templates: readonly ParsedTemplate[], partials: ReadonlySet<string>): void {
  const diagnostics: Diagnostic[] = [];
  const labels = new Set<string>(LABEL_KEYS);
  for (const { file, ast, text } of templates) {
    const at = (node: hbs.AST.Node, message: string, code: string) => diagnostics.push(problem(file, text, node.loc.start.line, node.loc.start.column + 1, message, code));
    walk(ast, (node) => {
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        const name = (node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression;
        if (name.type === 'PathExpression' && !partials.has(name.original)) {
          at(node, `no partial is called "${name.original}": expected one of ${[...partials].sort().join(', ')} (a theme adds one as partials/${name.original}.hbs)`, 'unknown-partial');
        }
      }
      if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
        const call = node as hbs.AST.MustacheStatement;
        if (call.path.type !== 'PathExpression' || (call.path as hbs.AST.PathExpression).original !== 't') return;
        const key = call.params[0];
        if (!key || key.type !== 'StringLiteral') at(node, 'the label helper takes a label name in quotes, e.g. {{t "contents"}}', 'label');
        else if (!labels.has((key as hbs.AST.StringLiteral).value)) {
          at(node, `no label is called "${(key as hbs.AST.StringLiteral).value}": expected one of ${LABEL_KEYS.join(', ')}`, 'unknown-label');
        }
      }
    });
  }
  if (diagnostics.length) throw new UserError(`the theme's templates have errors; no PDF was written`, diagnostics);
}
