/**
 * A page's publication date → the item's date (YYYY-MM-DD). An ISO date keeps the day it was
 * written with (an article of 00:30 on 15/3 in Hà Nội, "2026-03-15T00:30:00+07:00", is dated 15/3,
 * not 14/3 as in UTC); "15/03/2026 08:00", as Vietnamese sites print it, is day/month/year; any
 * other form Date reads is taken in Vietnam's time (UTC+7).
 */
import { calendarDate } from '../../issue/typed-date.js';

const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const VN_DAY = /(?:^|\D)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The day, when it exists and is not before 1900 (a page's zero date). */
const real = (y: number, m: number, d: number): string | undefined => (y < 1900 ? undefined : calendarDate(y, m, d));

export function articleDate(value: string): string | undefined {
  const iso = ISO_DAY.exec(value);
  if (iso) return real(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = VN_DAY.exec(value);
  if (vn) return real(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return real(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}
