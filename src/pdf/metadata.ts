/** What the document says about itself: its date, language and subject. */
import type { Issue } from '../issue/model.js';

/** The date stamped in the PDF: SOURCE_DATE_EPOCH when set, else the last day of the issue's week. */
export function documentDate(issue: Issue, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  // Up to 9999-12-31 (the CLI refuses larger values; a library caller gets the week's date).
  if (epoch && /^\d+$/.test(epoch) && Number(epoch) <= 253402300799) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(issue.week.end.year, issue.week.end.month - 1, issue.week.end.day, 0, 0, 0));
}

/** The language of the rendered page (the template's <html lang>), else Vietnamese. */
export function documentLanguage(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html.slice(0, 2000))?.[1] ?? 'vi';
}

/**
 * "Điểm tin … số 10/2025, tháng 10/2025": the period as the issue prints it (week, month or its
 * own label, worded by the theme when the issue is themed), not always a week.
 */
export function documentSubject(issue: Pick<Issue, 'title' | 'period'>): string {
  return `${issue.title}, ${lowerFirst(issue.period.heading)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}
