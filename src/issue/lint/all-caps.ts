/**
 * all-caps-title: a title pasted in capitals. Titles are written as they read (sentence case);
 * whether they print in capitals is the theme's choice, made in its CSS (text-transform).
 */
import type { PathSegment } from '../../core/diagnostics.js';
import { t, type MessageKey } from '../../core/i18n.js';
import { realArticles, type LintContext } from './context.js';
import { letterCase } from './words.js';

/** Fewer letters than this can be an acronym ("AI", "VNPT"); a title has more. */
const MIN_LETTERS = 12;

export function isAllCaps(text: string): boolean {
  const { letters, upper, lowerWords } = letterCase(text);
  return letters >= MIN_LETTERS && upper / letters >= 0.9 && lowerWords === 0;
}

export function allCapsTitles(ctx: LintContext): void {
  const check = (path: PathSegment[], text: string, what: MessageKey) => {
    if (isAllCaps(text)) ctx.warn(path, t('lint.all-caps-title', { what: t(what) }), 'all-caps-title');
  };
  for (const part of ctx.issue.parts) {
    check([...part.path, 'title'], part.title, 'lint.all-caps-title.part');
    part.sections.forEach((s, i) => check([...part.path, 'sections', i, 'title'], s.title, 'lint.all-caps-title.section'));
  }
  for (const article of realArticles(ctx)) check([...article.path, 'title'], article.title, 'lint.all-caps-title.title');
}
