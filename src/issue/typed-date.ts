/**
 * A date as people type it in Vietnam — 20/4/2026, 20/04/2026, 20-4-2026, 20.4.2026 — or the
 * ISO form, read into the ISO form the issue file keeps (day first, always: that is how the
 * bulletins print dates). Used by `new`'s questions and flags, by the schema's message for a date
 * written the other way, and by `check --fix`. No zod here: the command line loads this early.
 */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date the text means, if it is a real calendar date written one of those ways. */
export function readTypedDate(text: string): string | undefined {
  const value = text.trim();
  const iso = ISO.exec(value);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(value);
  if (!iso && !dayFirst) return undefined;
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(dayFirst![4]), Number(dayFirst![3]), Number(dayFirst![1])];
  return calendarDate(y, m, d);
}

/** YYYY-MM-DD for a day that exists (not 31/4, not 29/2/2025), else undefined. */
export function calendarDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC reads the years 0–99 as 1900–1999: the year is compared too.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** A day-first date (20/4/2026), not already ISO: what the file should hold instead. */
export function isoForTyped(text: string): string | undefined {
  return DAY_FIRST.test(text.trim()) ? readTypedDate(text) : undefined;
}
