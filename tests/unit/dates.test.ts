/** Dates as the bulletins print them. */
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, formatWeek, parseIsoDate } from '../../src/issue/dates.js';

describe('parseIsoDate', () => {
  it('prints short and long Vietnamese dates without leading zeros', () => {
    expect(parseIsoDate('2026-05-25')).toEqual({ iso: '2026-05-25', year: 2026, month: 5, day: 25, short: '25/5', long: '25/5/2026' });
    expect(parseIsoDate('2026-01-04')).toMatchObject({ short: '4/1', long: '4/1/2026' });
    expect(parseIsoDate('2025-12-29')).toMatchObject({ short: '29/12', long: '29/12/2025' });
  });
});

describe('formatWeek', () => {
  it('writes the year once within a year', () => {
    expect(formatWeek(parseIsoDate('2026-05-25'), parseIsoDate('2026-05-31'))).toBe('25/5 – 31/5/2026');
    expect(formatWeek(parseIsoDate('2026-04-27'), parseIsoDate('2026-05-03'))).toBe('27/4 – 3/5/2026');
  });

  it('writes both years across a year boundary', () => {
    expect(formatWeek(parseIsoDate('2025-12-29'), parseIsoDate('2026-01-04'))).toBe('29/12/2025 – 4/1/2026');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-05-25', 6, '2026-05-31'],
    ['2026-05-31', 1, '2026-06-01'],
    ['2025-12-29', 6, '2026-01-04'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-05-25', 0, '2026-05-25'],
  ])('%s + %i days = %s', (from, days, to) => {
    const next = addDays(parseIsoDate(from), days);
    expect(next.iso).toBe(to);
    expect(next).toEqual(parseIsoDate(to));
  });
});

describe('compareDates', () => {
  it('orders dates by calendar, not by printed text', () => {
    const a = parseIsoDate('2026-05-09');
    const b = parseIsoDate('2026-05-10');
    expect(a.short > b.short).toBe(true); // "9/5" sorts after "10/5" as text
    expect(compareDates(a, b)).toBe(-1);
    expect(compareDates(b, a)).toBe(1);
    expect(compareDates(a, parseIsoDate('2026-05-09'))).toBe(0);
    expect(compareDates(parseIsoDate('2025-12-31'), parseIsoDate('2026-01-01'))).toBe(-1);
  });
});
