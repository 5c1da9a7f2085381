/** Calendar dates as the bulletins print them: 25/5, 25/5/2026, "25/5 – 31/5/2026". */
export interface DateInfo {
  iso: string;
  year: number;
  month: number;
  day: number;
  /** 25/5 */
  short: string;
  /** 25/5/2026 */
  long: string;
}

export function parseIsoDate(iso: string): DateInfo {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { iso, year, month, day, short: `${day}/${month}`, long: `${day}/${month}/${year}` };
}

export function addDays(date: DateInfo, days: number): DateInfo {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return parseIsoDate(next.toISOString().slice(0, 10));
}

/** Days from a to b (negative when b comes first). */
export const daysBetween = (a: DateInfo, b: DateInfo) => Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);

export function compareDates(a: DateInfo, b: DateInfo): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

/** "25/5 – 31/5/2026", or "29/12/2025 – 4/1/2026" across a year. */
export function formatWeek(start: DateInfo, end: DateInfo): string {
  return start.year === end.year ? `${start.short} – ${end.long}` : `${start.long} – ${end.long}`;
}

/** An item's date: one day, or a span printed "13–15/10" (the en dash closed up, as the seeds set it). */
export interface DateSpan extends DateInfo {
  start: DateInfo;
  end: DateInfo;
  /** The end's ISO date when it differs from the start. */
  endIso?: string;
}

/** "13–15/10", "30/9–2/10", "30/12/2025–2/1/2026"; `long` adds the year. */
export function dateSpan(start: DateInfo, end: DateInfo = start): DateSpan {
  if (end.iso === start.iso) return { ...start, start, end };
  const sameYear = start.year === end.year;
  const head = sameYear && start.month === end.month ? `${start.day}` : sameYear ? start.short : start.long;
  return { ...start, start, end, endIso: end.iso, short: sameYear ? `${head}–${end.short}` : `${head}–${end.long}`, long: `${head}–${end.long}` };
}

/** A date as the issue writes it: "2025-10-13", "2025-10-13/2025-10-15" or {start, end}. */
export function parseDateValue(value: string | { start: string; end: string }): DateSpan {
  if (typeof value !== 'string') return dateSpan(parseIsoDate(value.start), parseIsoDate(value.end));
  const [start, end] = value.split('/');
  return dateSpan(parseIsoDate(start!), parseIsoDate(end ?? start!));
}

export type PeriodKind = 'week' | 'month' | 'range';

/** First and last day of a month written YYYY-MM. */
export function monthSpan(month: string): { start: DateInfo; end: DateInfo } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = parseIsoDate(`${month}-01`);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { start, end: parseIsoDate(`${month}-${String(last).padStart(2, '0')}`) };
}

/** "10/2025" */
export const formatMonth = (date: DateInfo) => `${date.month}/${date.year}`;
