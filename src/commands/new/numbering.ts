/** Issue numbers (number/year) and weeks: what comes after the previous issue. */
import { addDays, parseIsoDate, type DateInfo } from '../../issue/dates.js';
import { t } from '../../core/i18n.js';
import { ISSUE_NUMBER } from '../../issue/issue-number.js';

export { ISSUE_NUMBER, nextIssueNumber } from '../../issue/issue-number.js';

/** The week seven days later, as long as the previous one. */
export function nextWeek(start: DateInfo, end: DateInfo): { start: DateInfo; end: DateInfo } {
  return { start: addDays(start, 7), end: addDays(end, 7) };
}

/** The month after the one `date` falls in, YYYY-MM (December rolls over to January). */
export function nextMonth(date: DateInfo): string {
  const year = date.month === 12 ? date.year + 1 : date.year;
  return `${year}-${String((date.month % 12) + 1).padStart(2, '0')}`;
}

/** Monday of the week `today` falls in: a weekly bulletin covers the week being lived. */
export function mondayOf(today: Date): DateInfo {
  const iso = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())).toISOString().slice(0, 10);
  return addDays(parseIsoDate(iso), -((today.getDay() + 6) % 7));
}

export function defaultFileName(number: string, format: 'yaml' | 'md' = 'yaml'): string {
  const [, n, year] = ISSUE_NUMBER.exec(number)!;
  return `so-${n}-${year}.${format}`;
}

/**
 * What an issue file cannot hold, from the values worked out for the next issue: a week past the
 * last day a date can be written (9999-12-31), a number of four digits. Says which flag to give.
 */
export function planProblem(plan: { number: string; week: { start: DateInfo; end: DateInfo } }, given: { weekStart?: string }): string | undefined {
  const written = (d: DateInfo) => /^\d{4}-\d{2}-\d{2}$/.test(d.iso);
  if (!written(plan.week.start) || !written(plan.week.end)) {
    return t('new.week-too-late', { fix: t(given.weekStart ? 'new.week-too-late.earlier' : 'new.week-too-late.give') });
  }
  if (!ISSUE_NUMBER.test(plan.number)) return t('new.number-too-big', { number: plan.number });
  return undefined;
}
