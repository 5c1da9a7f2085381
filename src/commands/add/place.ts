/**
 * Where a draft goes in its part: at its date's place when the issue runs its items in date
 * order (checks.dateOrder, else the order its parts follow, as date-order.ts reads it), so that
 * date-order has nothing to say; at the end otherwise, and for an item without a date.
 */
import { dateOrderOf, type DateOrder } from '../../issue/lint/date-order.js';
import type { IssueInput } from '../../issue/schema.js';

/** The first day of an item's date (a day, "a/b" or {start, end}), as written. */
export function firstDay(date: unknown): string | undefined {
  if (typeof date === 'string') return date.trim().slice(0, 10);
  if (date && typeof date === 'object' && typeof (date as { start?: unknown }).start === 'string') return (date as { start: string }).start.trim();
  return undefined;
}

export function issueDateOrder(input: IssueInput): DateOrder | undefined {
  if (input.checks?.dateOrder) return input.checks.dateOrder;
  const parts = input.parts.map((p) => (p.kind === 'summary' ? [] : (p.articles as Array<{ date?: unknown }>).map((a) => firstDay(a.date)).filter((d): d is string => !!d)));
  return dateOrderOf(parts);
}

/** The index to insert at: after the last item that comes before it or on the same day, in the part's order. */
export function placeIndex(dates: ReadonlyArray<string | undefined>, date: string | undefined, order: DateOrder | undefined): number {
  if (!date || !order) return dates.length;
  let at = 0;
  dates.forEach((d, i) => {
    if (d && (order === 'oldest-first' ? d <= date : d >= date)) at = i + 1;
  });
  return at;
}
