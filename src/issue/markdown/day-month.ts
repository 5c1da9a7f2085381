/**
 * An item's date as the bulletins print it before the title — "25/05: …", "25/5/2026: …",
 * "13–15/10: …", "30/9–2/10: …" — read into the schema's ISO form and written back in the
 * shortest form that reads back the same. A day without a year takes the year that puts it
 * in (or nearest to) the issue's period, so a week across New Year dates 30/12 and 2/1 right.
 */

/** The days the issue covers, as ISO dates (both included). */
export interface Period {
  start: string;
  end: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period of the front matter's `issue:` (week, period.week, period.month or period.start/end), if it reads. */
export function periodOf(front: unknown): Period | undefined {
  const issue = (front as { issue?: Record<string, unknown> } | null)?.issue;
  if (!issue || typeof issue !== 'object') return undefined;
  const span = (value: unknown): Period | undefined => {
    const { start, end } = (value ?? {}) as { start?: unknown; end?: unknown };
    return typeof start === 'string' && typeof end === 'string' && ISO.test(start.trim()) && ISO.test(end.trim()) ? { start: start.trim(), end: end.trim() } : undefined;
  };
  const period = (issue.period ?? {}) as Record<string, unknown>;
  const month = typeof period.month === 'string' ? /^(\d{4})-(\d{2})$/.exec(period.month.trim()) : null;
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return { start: `${month[1]}-${month[2]}-01`, end: `${month[1]}-${month[2]}-${String(last).padStart(2, '0')}` };
  }
  return span(issue.week) ?? span(period.week) ?? span(period);
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
const dayNumber = (value: string) => Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000;

/** The year of day/month nearest the period (inside it when it can be). */
function yearOf(day: number, month: number, period: Period | undefined): number | undefined {
  if (!period) return undefined;
  const from = Number(period.start.slice(0, 4));
  const to = Number(period.end.slice(0, 4));
  let best: { year: number; distance: number } | undefined;
  for (const year of [from, to, from - 1, to + 1]) {
    const at = dayNumber(iso(year, month, day));
    const distance = Math.max(0, dayNumber(period.start) - at, at - dayNumber(period.end));
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best!.year;
}

export interface HeadingDate {
  /** The schema's value: "2026-05-25" or "2025-10-13/2025-10-15" (not checked: the schema says what is wrong). */
  value: string;
  /** Length of the date as written. */
  length: number;
  /** Where the title starts, after ": ". */
  titleAt: number;
}

const DAY = String.raw`(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?`;
const DASH = String.raw`\s*[-–—]\s*`;
const FORMS: Array<{ pattern: RegExp; read: (m: RegExpExecArray, period?: Period) => string | undefined }> = [
  // 2026-05-25, 2025-10-13/2025-10-15
  { pattern: /^(\d{4}-\d{1,2}-\d{1,2})(?:\/(\d{4}-\d{1,2}-\d{1,2}))?/, read: (m) => (m[2] ? `${m[1]}/${m[2]}` : m[1]) },
  // 13–15/10, 13–15/10/2025
  {
    pattern: new RegExp(String.raw`^(\d{1,2})${DASH}(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?`),
    read: (m, period) => {
      const [d1, d2, month] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const year = m[4] ? Number(m[4]) : yearOf(d1, month, period);
      return year === undefined ? undefined : `${iso(year, month, d1)}/${iso(year, month, d2)}`;
    },
  },
  // 30/9–2/10, 30/12/2025–2/1/2026, 30/12–2/1/2026
  {
    pattern: new RegExp(`^${DAY}${DASH}${DAY}`),
    read: (m, period) => {
      const [d1, m1, d2, m2] = [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])];
      const before = m1 > m2 || (m1 === m2 && d1 > d2);
      let y2 = m[6] ? Number(m[6]) : undefined;
      let y1 = m[3] ? Number(m[3]) : y2 !== undefined ? y2 - (before ? 1 : 0) : yearOf(d1, m1, period);
      if (y1 === undefined) return undefined;
      y2 ??= y1 + (before ? 1 : 0);
      return `${iso(y1, m1, d1)}/${iso(y2, m2, d2)}`;
    },
  },
  // 25/05, 25/5/2026
  {
    pattern: new RegExp(`^${DAY}`),
    read: (m, period) => {
      const [day, month] = [Number(m[1]), Number(m[2])];
      const year = m[3] ? Number(m[3]) : yearOf(day, month, period);
      return year === undefined ? undefined : iso(year, month, day);
    },
  },
];

/**
 * The date at the start of a heading's text, when a colon follows it ("25/05: title", or
 * "25/05:" alone for an untitled item). Without a period to take the year from, the day is
 * kept as written: the schema then points at it.
 */
export function readHeadingDate(text: string, period?: Period): HeadingDate | undefined {
  for (const { pattern, read } of FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const colon = /^[ \t]*:(?:[ \t]+|$)/.exec(text.slice(match[0].length));
    if (!colon) continue;
    return { value: read(match, period) ?? match[0], length: match[0].length, titleAt: match[0].length + colon[0].length };
  }
  return undefined;
}

const dm = (value: string) => `${value.slice(8, 10)}/${value.slice(5, 7)}`;
const dmy = (value: string) => `${dm(value)}/${value.slice(0, 4)}`;

/** The shortest way to write a date value before a title that reads back the same; undefined when none does (a {start, end} block). */
export function writeHeadingDate(value: unknown, period?: Period): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [start, end, more] = value.split('/');
  if (more !== undefined || !ISO.test(start!) || (end !== undefined && !ISO.test(end))) return undefined;
  const candidates =
    end === undefined
      ? [dm(start!), dmy(start!)]
      : [`${start!.slice(8, 10)}–${dm(end)}`, `${start!.slice(8, 10)}–${dmy(end)}`, `${dm(start!)}–${dm(end)}`, `${dm(start!)}–${dmy(end)}`, `${dmy(start!)}–${dmy(end)}`];
  return candidates.find((written) => {
    const read = readHeadingDate(`${written}: x`, period);
    return read?.value === value && read.length === written.length;
  });
}
