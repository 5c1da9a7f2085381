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

export function compareDates(a: DateInfo, b: DateInfo): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

/** "25/5 – 31/5/2026", or "29/12/2025 – 4/1/2026" across a year. */
export function formatWeek(start: DateInfo, end: DateInfo): string {
  return start.year === end.year ? `${start.short} – ${end.long}` : `${start.long} – ${end.long}`;
}
