/** Writing fields as a ```bantin block: YAML with Markdown texts as literal blocks (`|`), nothing folded. */
import { Document, isScalar, Scalar, visit } from 'yaml';

/** Multi-line texts as `|` blocks, ending in one line break as the examples write them. */
export function literalBlocks(doc: Document, keys: ReadonlySet<string> = new Set()): void {
  visit(doc, {
    Pair: (_key, pair) => {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'string') return;
      const multiline = value.value.includes('\n');
      if (!multiline && !(isScalar(pair.key) && keys.has(String(pair.key.value)))) return;
      value.type = Scalar.BLOCK_LITERAL;
      if (!value.value.endsWith('\n')) value.value = `${value.value}\n`;
    },
  });
}

/** Fields printed as Markdown: written as `|` blocks even on one line, as the examples do (and so never quoted). */
export const MARKDOWN_FIELDS: ReadonlySet<string> = new Set(['body', 'lead', 'intro', 'closing']);

export const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

export function yamlOf(value: unknown): string {
  const doc = new Document(value);
  literalBlocks(doc, MARKDOWN_FIELDS);
  return doc.toString(YAML_OUTPUT);
}

/** The lines of a ```bantin block holding `value` (or YAML text); the fence outruns any run of backticks inside. */
export function fenceLines(value: unknown): string[] {
  const yaml = (typeof value === 'string' ? value : yamlOf(value)).replace(/\n$/, '');
  const longest = Math.max(2, ...[...yaml.matchAll(/^\s*(`+)/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}bantin`, ...yaml.split('\n'), fence];
}
