/**
 * The infographic blocks as printed: what the templates cannot work out themselves. A
 * breakdown's groups get their share of the bar; a ranking whose values all start with a number
 * gets bars to scale (its longest is the first place's, or the largest).
 */
import type { BlockInput } from './schema.js';
import type { Block } from './types.js';

type Printable = Exclude<BlockInput, { type: 'related' }>;

/** A percentage for a CSS custom property: at most three decimals, never "1e-7". */
const percent = (part: number, whole: number) => String(Math.round((part / whole) * 100_000) / 1000);

/**
 * The number a printed value starts with: "31%" → 31, "1,52 tỷ USD" → 1.52, "5.000 bộ" → 5000,
 * "≥60%" → 60; undefined for "Top 5" or "hạng nhất". A dot before three digits groups thousands
 * (Vietnamese), a comma marks the decimals.
 */
export function leadingNumber(value: string): number | undefined {
  const match = /^\s*[≥≤<>~≈+]?\s*(\d+(?:[.,]\d+)*)/u.exec(value);
  if (!match) return undefined;
  const digits = match[1]!.replace(/\.(?=\d{3}(?!\d))/g, '').replace(',', '.');
  const n = Number(digits);
  return Number.isFinite(n) ? n : undefined;
}

export function printedBlock(block: Printable): Block {
  if (block.type === 'breakdown') {
    const sum = block.groups.reduce((n, g) => n + g.value, 0);
    const total = block.total ?? sum;
    return { ...block, total, groups: block.groups.map((g) => ({ ...g, share: percent(g.value, sum) })) };
  }
  if (block.type === 'ranking') {
    const numbers = block.items.map((item) => (item.value === undefined ? undefined : leadingNumber(item.value)));
    const scaled = numbers.every((n): n is number => n !== undefined && n >= 0) && Math.max(...(numbers as number[])) > 0;
    if (!scaled) return { ...block, scaled: false };
    const top = Math.max(...(numbers as number[]));
    return { ...block, scaled: true, items: block.items.map((item, i) => ({ ...item, share: percent(numbers[i]!, top) })) };
  }
  return block;
}

/** A text of a block, and where it is inside the block (`['panels', 0, 'items', 2]`). */
export interface BlockText {
  at: Array<string | number>;
  text: string;
  /** False for a label (a title, a name, a value): words, not a paragraph. */
  prose: boolean;
}

/** Every text an infographic block prints, in reading order (quote, box and related blocks: their callers know them). */
export function blockTexts(block: Block): BlockText[] {
  const out: BlockText[] = [];
  const add = (at: Array<string | number>, text: string | undefined, prose = true) => text && out.push({ at, text, prose });
  if ('title' in block && block.type !== 'box') add(['title'], block.title, false);
  switch (block.type) {
    case 'flow':
      block.steps.forEach((step, i) => add(['steps', i], step, false));
      break;
    case 'timeline':
      block.phases.forEach((phase, i) => {
        add(['phases', i, 'period'], phase.period, false);
        add(['phases', i, 'title'], phase.title, false);
        add(['phases', i, 'text'], phase.text);
      });
      break;
    case 'panels':
      block.panels.forEach((panel, i) => {
        add(['panels', i, 'title'], panel.title, false);
        panel.items.forEach((item, k) => add(['panels', i, 'items', k], item));
      });
      break;
    case 'breakdown':
      block.groups.forEach((group, i) => {
        add(['groups', i, 'label'], group.label, false);
        group.items?.forEach((item, k) => add(['groups', i, 'items', k], item));
      });
      break;
    case 'ranking':
      block.items.forEach((item, i) => add(['items', i, 'label'], item.label, false));
      break;
    case 'speakers':
      block.items.forEach((s, i) => {
        add(['items', i, 'quote'], s.quote);
        add(['items', i, 'text'], s.text);
      });
      break;
    case 'callout':
      add(['label'], block.label, false);
      add(['body'], block.body);
      break;
    default:
      break;
  }
  return out;
}
