/**
 * Editorial lint: an issue that validates can still carry the mistakes hand-made issues are
 * known for (see ../shared/seeds/README.md). Each rule is a warning with its own code, in a
 * module of its own; the build goes on, `bantin check --strict` refuses. A warning silenced by
 * `# bantin-ignore: code` (ignore.ts) is kept apart, for `bantin check --json`.
 */
import type { Issue } from '../model.js';
import type { IssueSource } from '../source.js';
import { allCapsTitles } from './all-caps.js';
import { articles, parts, periodLength } from './basics.js';
import { createContext, type LintFindings, type LintOptions, type Rule } from './context.js';
import { dateOrder } from './date-order.js';
import { draftItems } from './drafts.js';
import { coverLinks } from './cover-links.js';
import { duplicates } from './duplicates.js';
import { imageAlt } from './images.js';
import { isPlaceholder, placeholders } from './placeholders.js';
import { repeatedTexts } from './repeated-text.js';
import { sourceNames } from './source-names.js';
import { strayPunctuation } from './stray-punctuation.js';
import { titleBodyMismatch } from './title-body.js';
import { urlCredentials } from './urls.js';

export type { LintFindings, LintOptions } from './context.js';
export type { DateOrder } from './date-order.js';
export { LONG_TITLE_CHARS } from './basics.js';
export { COVER_LINKS_MAX } from './cover-links.js';
export { storyKey, urlIdentity } from './duplicates.js';
export { OUTLET_ALIASES } from './outlets.js';
export { PLACEHOLDER } from './placeholders.js';
export { REPEAT_MIN_CHARS } from './repeated-text.js';

export function lintIssue(source: IssueSource, issue: Issue, options: LintOptions = {}): LintFindings {
  const { checks } = issue;
  const findings: LintFindings = { warnings: [], ignored: [] };
  const ctx = createContext(source, issue, options, new Set(issue.articles.filter(isPlaceholder)), findings);
  const rules: Rule[] = [
    placeholders,
    draftItems,
    parts,
    periodLength,
    articles,
    allCapsTitles,
    duplicates,
    (c) => sourceNames(c, checks.outlets),
    (c) => dateOrder(c, checks.dateOrder),
    repeatedTexts,
    strayPunctuation,
    titleBodyMismatch,
    imageAlt,
    urlCredentials,
    coverLinks,
  ];
  for (const rule of rules) rule(ctx);
  return findings;
}
