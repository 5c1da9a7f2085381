/** A new series without a previous issue: its title, publisher, number and week, from flags or questions. */
import { UserError } from '../../core/diagnostics.js';
import { DEFAULT_SERIES_TITLE } from '../../issue/lint/placeholders.js';
import { readTypedDate } from '../../issue/typed-date.js';
import { ISSUE_NUMBER, mondayOf } from './numbering.js';
import type { NewOptions } from './options.js';
import { t } from '../../core/i18n.js';

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
    throw new UserError(t('new.no-previous', { flags: missing.join(' ') }));
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
  const nonEmpty = (v: string) => (v ? undefined : t('new.ask.answer-needed'));
  const title = options.title ?? (ask ? await question(t('new.ask.title'), DEFAULT_SERIES_TITLE, nonEmpty) : DEFAULT_SERIES_TITLE);
  const publisher = options.publisher?.length ? options.publisher : [await question(t('new.ask.publisher-first'), undefined, nonEmpty)];
  if (!options.publisher?.length) {
    for (let line = 2; ; line++) {
      const more = (await ask!(t('new.ask.publisher-more', { line }))).trim();
      if (!more) break;
      publisher.push(more);
    }
  }
  const number = options.number ?? (await question(t('new.ask.number'), undefined, (v) => (ISSUE_NUMBER.test(v) ? undefined : t('new.ask.number-invalid'))));
  const weekStart =
    options.weekStart ??
    (ask ? readTypedDate(await question(t('new.ask.week-start'), defaultStart, (v) => (readTypedDate(v) ? undefined : t('new.ask.week-start-invalid'))))! : defaultStart);
  return { title, publisher, number, weekStart };
}
