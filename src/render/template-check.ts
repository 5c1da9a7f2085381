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
import { t as say } from '../core/i18n.js';

type Ast = hbs.AST.Program;

export interface ParsedTemplate {
  file: ThemeFile;
  ast: Ast;
  text: string;
}

export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function problem(file: ThemeFile, text: string, line: number, col: number, message: string, code: string): Diagnostic {
  return { severity: 'error', file: shownPath(file.file), line, col, path: '', message, sourceLine: visibleControls(text.split('\n')[line - 1] ?? ''), code };
}

export function parseTemplate(file: ThemeFile, text: string): ParsedTemplate {
  try {
    return { file, ast: Handlebars.parse(text), text };
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 1);
    const first = e.message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '');
    const message = say('render.template.parse', { detail: String(first || e.message.split('\n').slice(-1)[0]) });
    throw new UserError(say('render.template.has-errors', { file: shownPath(file.file) }), [problem(file, text, line, (e.column ?? 0) + 1, message, 'template')]);
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

/** The helpers bantin registers (templates.ts), and Handlebars' own that a theme may call. */
export const BANTIN_HELPERS = ['md', 'mdInline', 'qr', 'pageref', 'pagerange', 'image', 't', 'eq', 'gt', 'inc', 'cssString', 'shortUrl', 'breakUrl', 'keepLastTwo'] as const;
const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
const HELPERS = new Set<string>([...BANTIN_HELPERS, ...BLOCK_HELPERS, 'lookup']);
/** Handlebars' hooks and its log helper (which writes to bantin's own output): never called from a template. */
const HOOKS = new Set(['helperMissing', 'blockHelperMissing', 'log']);

type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
type PartialCall = hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;

/** The name of a partial call: a path or a literal (`{{> "x"}}`), or undefined for an expression (`{{> (lookup …)}}`). */
function partialName(node: PartialCall): string | undefined {
  const name = node.name as hbs.AST.PathExpression | hbs.AST.SubExpression | hbs.AST.StringLiteral | hbs.AST.NumberLiteral;
  if (name.type === 'SubExpression') return undefined;
  return name.type === 'PathExpression' ? name.original : String(name.value);
}

/** `{{#*inline "name"}}`: partials a template defines for itself. */
function inlineNames(ast: Ast): string[] {
  const names: string[] = [];
  walk(ast, (node) => {
    if (node.type !== 'DecoratorBlock') return;
    const block = node as unknown as hbs.AST.BlockStatement;
    const first = block.params[0];
    if ((block.path as hbs.AST.PathExpression).original === 'inline' && first?.type === 'StringLiteral') names.push((first as hbs.AST.StringLiteral).value);
  });
  return names;
}

/** The partials each template calls by name, in order, with the node of each call. */
export function partialCalls(ast: Ast): Array<{ name: string; node: PartialCall }> {
  const calls: Array<{ name: string; node: PartialCall }> = [];
  walk(ast, (node) => {
    if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
    const name = partialName(node as PartialCall);
    if (name !== undefined) calls.push({ name, node: node as PartialCall });
  });
  return calls;
}

export interface TemplateSet {
  /** The templates to check: the theme's own (and, from sources without the precompiled file, all). */
  templates: readonly ParsedTemplate[];
  /** The names of the theme's partials. */
  partials: ReadonlySet<string>;
  /** The issue template (never called as a partial). */
  main: ThemeFile;
  /** Partials not checked here (precompiled, name → AST): read only to follow calls through them. */
  others?: ReadonlyMap<string, Ast>;
  /** Whether a template is the theme's own (a circle is reported where the theme closes it); default: all. */
  own?: (file: ThemeFile) => boolean;
}

/** Throws a UserError naming the template file and line of every problem. */
export function checkTemplates({ templates, partials, main, others = new Map(), own = () => true }: TemplateSet): void {
  const diagnostics: Diagnostic[] = [];
  const labels = new Set<string>(LABEL_KEYS);
  const inline = new Set(templates.flatMap((t) => inlineNames(t.ast)));
  for (const { file, ast, text } of templates) {
    const at = (node: hbs.AST.Node, message: string, code: string) => diagnostics.push(problem(file, text, node.loc.start.line, node.loc.start.column + 1, message, code));
    walk(ast, (node) => {
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        const name = partialName(node as PartialCall);
        if (name === undefined) at(node, 'a partial named by an expression ({{> (lookup …)}}) cannot be checked before printing: name the partial, e.g. {{> figure}}', 'dynamic-partial');
        else if (!partials.has(name) && !inline.has(name) && name !== '@partial-block') {
          const how = /[/\\]/.test(name) ? say('render.template.partial-by-path') : say('render.template.partial-add', { name });
          at(node, say('render.template.unknown-partial', { name, known: [...partials].sort().join(', '), how }), 'unknown-partial');
        }
      }
      if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') checkCall(node as Call, at, labels);
    });
  }
  diagnostics.push(...partialCircles(templates.filter((t) => t.file !== main), others, own));
  if (diagnostics.length) throw new UserError(say('render.templates.have-errors'), diagnostics);
}

function checkCall(call: Call, at: (node: hbs.AST.Node, message: string, code: string) => void, labels: ReadonlySet<string>): void {
  if (call.path.type !== 'PathExpression') return;
  const path = call.path as hbs.AST.PathExpression;
  // `{{name}}` alone may be a value of the data; a name with arguments must be a helper.
  const simple = path.parts.length === 1 && !path.data && path.depth === 0 && !/^this\b/.test(path.original);
  if (!simple) return;
  const name = path.original;
  const hasArguments = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
  if (HOOKS.has(name)) return at(call, say(name === 'log' ? 'render.template.log-hook' : 'render.template.hook', { call: name }), 'unknown-helper');
  if (hasArguments && !HELPERS.has(name)) {
    return at(call, say('render.template.unknown-helper', { name, known: [...HELPERS].sort().join(', ') }), 'unknown-helper');
  }
  if ((BLOCK_HELPERS as readonly string[]).includes(name) && (call.type === 'BlockStatement' || hasArguments) && call.params.length !== 1) {
    return at(call, `{{#${name}}} takes exactly one value, e.g. {{#${name} issue.parts}}`, 'helper-arguments');
  }
  if (name === 'lookup' && call.params.length !== 2) return at(call, say('render.template.lookup'), 'helper-arguments');
  if (name !== 't') return;
  const key = call.params[0];
  if (!key || key.type !== 'StringLiteral') at(call, 'the label helper takes a label name in quotes, e.g. {{t "contents"}}', 'label');
  else if (!labels.has((key as hbs.AST.StringLiteral).value)) {
    at(call, say('render.template.unknown-label', { name: (key as hbs.AST.StringLiteral).value, known: LABEL_KEYS.join(', ') }), 'unknown-label');
  }
}

/**
 * Partials that call themselves, directly or through others: Handlebars would recurse until the
 * stack runs out. Reported at a call in the theme's own template that closes the circle.
 */
function partialCircles(templates: readonly ParsedTemplate[], others: ReadonlyMap<string, Ast>, isOwn: (file: ThemeFile) => boolean): Diagnostic[] {
  const calls = new Map<string, string[]>();
  for (const [name, ast] of others) calls.set(name, partialCalls(ast).map((c) => c.name));
  for (const t of templates) calls.set(t.file.name, partialCalls(t.ast).map((c) => c.name));
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const t of templates.filter((t) => isOwn(t.file))) {
    const name = t.file.name;
    for (const { name: callee, node } of partialCalls(t.ast)) {
      const route = pathBetween(calls, callee, name);
      if (!route) continue;
      const circle = [name, ...route];
      // One circle, wherever it is entered.
      const key = circle.slice(1).sort().join(' ');
      if (reported.has(key)) continue;
      reported.add(key);
      const message = circle.length === 2 ? say('render.template.self', { name }) : say('render.template.circle', { name, route: route.slice(0, -1).map((n) => `"${n}"`).join(' → '), circle: circle.join(' → ') });
      diagnostics.push(problem(t.file, t.text, node.loc.start.line, node.loc.start.column + 1, message, 'partial-circle'));
    }
  }
  return diagnostics;
}

/** The shortest chain of calls from `from` to `to` (both included), if there is one. */
function pathBetween(calls: ReadonlyMap<string, string[]>, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const route = [at];
      for (let p = previous.get(at); p !== undefined; p = previous.get(p)) route.unshift(p);
      return route;
    }
    for (const next of calls.get(at) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  return undefined;
}
