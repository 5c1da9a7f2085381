/** What every editorial rule is handed: the issue, where it came from, and how to warn. */
import { formatPath, type Diagnostic, type PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import type { Article, Issue } from '../model.js';
import { lineText, locate, type IssueSource } from '../source.js';
import { isMarkdownFile } from '../markdown/read.js';
import { ignoreDirectives, linesFor } from './ignore.js';

/** The order of a part's news items by date. */
export type DateOrder = 'oldest-first' | 'newest-first';

/** Settings a theme (or a caller) brings to the rules; the issue's own `checks:` adds to them. */
export interface LintOptions {
  /** More spellings of the same outlet, one group per outlet: added to the built-in table (outlets.ts). */
  outletAliases?: readonly (readonly string[])[];
  /** The direction the series dates its items in (the issue's `checks.dateOrder` wins; when both are absent: the previous issue's). */
  dateOrder?: DateOrder;
  /** The previous issue's direction, read by the loader (previous-issue.ts). */
  previousDateOrder?: DateOrder;
}

export interface LintContext {
  source: IssueSource;
  issue: Issue;
  options: LintOptions;
  /** Stories still as `bantin new` wrote them: the other rules leave them alone. */
  placeholders: Set<Article>;
  warn(path: PathSegment[], message: string, code: string, offset?: number): void;
  /** The line a field starts on, to name "the other one" in a message. */
  lineOf(path: PathSegment[]): number;
}

export type Rule = (ctx: LintContext) => void;

export interface LintFindings {
  warnings: Diagnostic[];
  /** Warnings silenced by a `# bantin-ignore: code` comment (ignore.ts). */
  ignored: Diagnostic[];
}

export function createContext(source: IssueSource, issue: Issue, options: LintOptions, placeholders: Set<Article>, out: LintFindings): LintContext {
  const directives = ignoreDirectives(source.text, isMarkdownFile(source.file));
  return {
    source,
    issue,
    options,
    placeholders,
    warn(path, message, code, offset) {
      const { line, col } = offset === undefined ? locate(source, path) : source.lines.linePos(offset);
      const warning: Diagnostic = { severity: 'warning', file: source.file, line, col, path: formatPath(path), message, sourceLine: lineText(source, line), code };
      const silenced = directives.size > 0 && linesFor(source, path, line).some((l) => directives.get(l)?.has(code));
      (silenced ? out.ignored : out.warnings).push(warning);
    },
    lineOf: (path) => locate(source, path).line,
  };
}

/** The articles the rules look at: every one but the placeholders. */
export const realArticles = (ctx: LintContext): Article[] => ctx.issue.articles.filter((a) => !ctx.placeholders.has(a));

/** "parts[1].articles[3] (line 57)": where the other half of a pair is. */
export const where = (ctx: LintContext, article: Article, field = 'title'): string => t('lint.at-line', { path: formatPath(article.path), line: ctx.lineOf([...article.path, field]) });
