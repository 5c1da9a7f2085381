/**
 * YAML that parses but does not mean what its writer thinks, each refused with what to do:
 * tags (`!!js/function`, `!foo`: read as plain text otherwise), merge keys (`<<`, not part of
 * YAML 1.2: they would arrive as an unknown field), empty keys, and directives (`%YAML 1.1`
 * reads dates as timestamps and yes/no as booleans; `%TAG` defines tags).
 */
import { isScalar, visit, type Node } from 'yaml';
import { formatPath, type Diagnostic } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { lineText, pathAt, type IssueSource } from './source.js';

/** Tags that only say what the value is anyway (!!str keeps 2026 a text). */
const CORE_TAGS = new Set(['str', 'map', 'seq', 'int', 'float', 'bool', 'null'].map((t) => `tag:yaml.org,2002:${t}`));

export function yamlRuleDiagnostics(source: IssueSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** `fieldAt`: where the field's value is, when the problem sits just before it (a tag). */
  const at = (offset: number, message: string, code: string, fieldAt = offset) => {
    const { line, col } = source.lines.linePos(offset);
    out.push({ severity: 'error', file: source.file, line, col, path: formatPath(pathAt(source.doc, fieldAt)), message, sourceLine: lineText(source, line), code });
  };
  for (const directive of directives(source.text)) {
    if (directive.name === 'YAML' && directive.value !== '1.2') {
      at(directive.offset, t('issue.yaml.directive-version', { version: directive.value }), 'yaml-directive');
    } else if (directive.name === 'TAG') {
      at(directive.offset, t('issue.yaml.directive-tag'), 'yaml-directive');
    }
  }
  visit(source.doc, {
    Node: (_key, node) => {
      if (!node.tag || CORE_TAGS.has(node.tag) || !node.range) return;
      // The tag is written before the node's own text, perhaps on the line above (a block).
      const before = source.text.slice(Math.max(0, node.range[0] - 300), node.range[0]);
      const written = /(![^\s,[\]{}]*)\s*$/.exec(before);
      const offset = written ? node.range[0] - before.length + written.index : node.range[0];
      at(offset, t('issue.yaml.tag', { tag: written?.[1] ?? node.tag }), 'tag', node.range[0]);
    },
    Pair: (_key, pair) => {
      const key = pair.key as Node | null;
      if (!isScalar(key)) return;
      const offset = key.range?.[0] ?? 0;
      if (key.value === null || key.value === '') {
        // An empty key has no text of its own: point at its colon.
        const value = (pair.value as Node | null)?.range?.[0];
        const colon = key.value === null && value !== undefined ? source.text.lastIndexOf(':', value) : -1;
        at(colon >= 0 ? colon : offset, t('issue.yaml.empty-key'), 'key');
      } else if (key.value === '<<' && key.type === 'PLAIN') {
        at(offset, t('issue.yaml.merge-key'), 'merge-key');
      }
    },
  });
  return out;
}

interface Directive {
  name: string;
  value: string;
  offset: number;
}

/** The % lines before the first document's start (--- or the first content line). */
function directives(text: string): Directive[] {
  const found: Directive[] = [];
  const pattern = /^(?:%([A-Za-z]+)[ \t]*([^\r\n#]*)|(---|[^\s#%].*))/gm;
  for (const m of text.matchAll(pattern)) {
    if (m[3] !== undefined) break;
    found.push({ name: m[1]!, value: m[2]!.trim().split(/\s+/)[0] ?? '', offset: m.index });
  }
  return found;
}
