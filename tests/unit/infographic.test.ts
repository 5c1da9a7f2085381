/**
 * Issue 14, items 6–8: infographic blocks (figures, quotes with a portrait, related activities,
 * a source line per block), the cover's visual index (groups, short labels, part ranges, the
 * theme's limit), and the PDF subject that follows the period.
 */
import { describe, expect, it } from 'vitest';
import { documentSubject } from '../../src/pdf/finish.js';
import { themeIssue } from '../../src/theme/choose.js';
import { edit, load, MINIMAL_ISSUE, seen } from './helpers.js';

const WEEK = '  week:\n    start: 2026-05-25\n    end: 2026-05-31\n';
const monthly = edit(MINIMAL_ISSUE, WEEK, '  period:\n    month: 2026-05\n');

describe('the PDF subject', () => {
  it('names the month of a monthly issue, the week of a weekly one, and a span by its label', async () => {
    const subject = async (text: string) => {
      const loaded = await load(text);
      expect(loaded.diagnostics.map(seen)).toEqual([]);
      return documentSubject((await themeIssue(loaded.issue!, loaded.source)).issue);
    };
    expect(await subject(monthly)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, tháng 5/2026');
    expect(await subject(MINIMAL_ISSUE)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, tuần từ 25/5 – 31/5/2026');
    const span = edit(MINIMAL_ISSUE, WEEK, '  period:\n    start: 2026-05-01\n    end: 2026-06-30\n    label: Quý II/2026\n');
    expect(await subject(span)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, quý II/2026');
  });
});
