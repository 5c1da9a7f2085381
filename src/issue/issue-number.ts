/** Issue numbers, number/year ("20/2026"): the count restarts at 1 each year. */
import type { DateInfo } from './dates.js';

export const ISSUE_NUMBER = /^([1-9]\d{0,2})\/(\d{4})$/;

/**
 * The number after `previous` for the week starting `nextStart`: one more, unless that week
 * starts in a later year than the previous number's, which restarts the count at 1.
 */
export function nextIssueNumber(previous: string, nextStart: DateInfo): string {
  const [, n, year] = ISSUE_NUMBER.exec(previous)!.map(Number) as [number, number, number];
  return nextStart.year > year ? `1/${nextStart.year}` : `${n + 1}/${year}`;
}
