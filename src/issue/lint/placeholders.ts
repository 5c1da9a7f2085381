/** What `bantin new` writes where the editor's content goes; lint flags it until replaced. */
import { t } from '../../core/i18n.js';
import type { Article } from '../model.js';
import type { LintContext } from './context.js';

export const PLACEHOLDER = {
  title: 'Tiêu đề bài viết',
  sourceName: 'Tên nguồn',
  url: 'https://example.com/bai-viet',
  body: 'Nội dung bài viết.',
  sectionBody: 'Nội dung phần này.',
} as const;

/** The series title `bantin new` and `bantin import` give a series that names none (a real title: not flagged). */
export const DEFAULT_SERIES_TITLE = 'Điểm tin Khoa học Công nghệ';

export function isPlaceholder(article: Article): boolean {
  return article.title === PLACEHOLDER.title || article.source?.url === PLACEHOLDER.url;
}

function message(what: 'lint.placeholder.section' | 'lint.placeholder.article'): string {
  return t('lint.placeholder', { what: t(what) });
}

export function placeholders(ctx: LintContext): void {
  for (const part of ctx.issue.parts) {
    part.sections.forEach((section, i) => {
      if (section.body === PLACEHOLDER.sectionBody) ctx.warn([...part.path, 'sections', i, 'body'], message('lint.placeholder.section'), 'placeholder');
    });
  }
  for (const article of ctx.placeholders) ctx.warn([...article.path, 'title'], message('lint.placeholder.article'), 'placeholder');
}
