/**
 * yaml nodes made by hand whose ranges are offsets into the Markdown file: the document they
 * form is read by the same validation, lint and locate() as a YAML file's, and so every
 * problem points at the .md line and column.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

export const scalarAt = (value: unknown, start: number, end = start): Scalar => {
  const node = new Scalar(value);
  node.range = [start, end, end];
  return node;
};

export function mapAt(start: number, end = start): YAMLMap {
  const node = new YAMLMap();
  node.range = [start, end, end];
  return node;
}

export function seqAt(start: number, end = start): YAMLSeq {
  const node = new YAMLSeq();
  node.range = [start, end, end];
  return node;
}

/**
 * A field. The key's range is where the field is named (a label such as "Chi tiết"), or, for
 * a field named by its place (the title in a heading), an empty range at the value: a problem
 * with the key points there, and no offset is taken to be inside it.
 */
export function setField(map: YAMLMap, key: string, value: Node, keyRange?: [number, number]): void {
  const [start, end] = keyRange ?? [value.range?.[0] ?? 0, value.range?.[0] ?? 0];
  map.items.push(new Pair(scalarAt(key, start, end), value));
}

export const hasField = (map: YAMLMap, key: string) => map.items.some((pair) => (pair.key as Scalar).value === key);

/** Stretches a node's range to cover `end` (a part grows with each item). */
export function extendTo(node: Node, end: number): void {
  if (!node.range) return;
  node.range = [node.range[0], Math.max(node.range[1], end), Math.max(node.range[2], end)];
}
