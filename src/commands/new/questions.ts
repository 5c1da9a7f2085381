/** A new series without a previous issue: its title, publisher, number and week, from flags or questions. */
import { UserError } from '../../core/diagnostics.js';
import { isoDate } from '../../issue/schema.js';
import { ISSUE_NUMBER, mondayOf } from './numbering.js';
import type { NewOptions } from './options.js';

export const DEFAULT_SERIES_TITLE = 'Điểm tin Khoa học Công nghệ';

export interface SeriesAnswers {
  title: string;
  publisher: string[];
  number: string;
  weekStart: string;
}

/** Flags first; then, in a terminal, questions for what is still missing. */
export async function gatherAnswers(options: NewOptions): Promise<SeriesAnswers> {
  const { ask } = options;
  const defaultStart = mondayOf(options.today ?? new Date()).iso;
  const missing = [!options.number && '--number 1/2026', !options.publisher?.length && '--publisher "Sở Khoa học và Công nghệ"'].filter(Boolean);
  if (!ask && missing.length) {
    throw new UserError(`there is no previous issue to continue: name one with --from, or start a series with ${missing.join(' ')} (no terminal to ask in, or --yes)`);
  }
  const question = async (text: string, fallback: string | undefined, valid: (v: string) => string | undefined): Promise<string> => {
    let problem: string | undefined;
    for (let tries = 0; tries < 3; tries++) {
      const answer = (await ask!(`${problem ? `(${problem}) ` : ''}${text}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
      problem = valid(answer);
      if (!problem) return answer;
    }
    throw new UserError(`${text}: ${problem}`);
  };
  const nonEmpty = (v: string) => (v ? undefined : 'an answer is needed');
  const title = options.title ?? (ask ? await question('Series title', DEFAULT_SERIES_TITLE, nonEmpty) : DEFAULT_SERIES_TITLE);
  const publisher = options.publisher?.length ? options.publisher : [await question('Publisher, first line (parent body first)', undefined, nonEmpty)];
  if (!options.publisher?.length) {
    for (let line = 2; ; line++) {
      const more = (await ask!(`Publisher, line ${line} (Enter when done): `)).trim();
      if (!more) break;
      publisher.push(more);
    }
  }
  const number = options.number ?? (await question('Issue number (number/year)', undefined, (v) => (ISSUE_NUMBER.test(v) ? undefined : 'expected number/year, e.g. 1/2026')));
  const weekStart =
    options.weekStart ??
    (ask ? await question('First day of the week (YYYY-MM-DD)', defaultStart, (v) => (isoDate.safeParse(v).success ? undefined : 'expected a real date written YYYY-MM-DD')) : defaultStart);
  return { title, publisher, number, weekStart };
}
