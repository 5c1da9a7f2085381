/** bantin as a library: the same functions the command line calls. */
export { build, buildWith, type BuildOptions, type BuildResult } from './commands/build.js';
export { check, toReport, type CheckReport, type CheckResult } from './commands/check.js';
export { addLinks, type AddOptions, type AddResult, type LinkOutcome } from './commands/add/index.js';
export { newIssue, type NewOptions, type NewResult } from './commands/new/index.js';
export { importDraft, type ImportOptions, type ImportReport, type ImportResult } from './commands/import.js';
export { loadIssue, loadIssueText, type LoadResult } from './issue/load.js';
export { issueSchema, type IssueInput } from './issue/schema.js';
export type { Issue, Article, Part } from './issue/model.js';
export { UserError, type Diagnostic } from './core/diagnostics.js';
export { renderIssueHtml } from './render/html.js';
export { findBrowser, withBrowser } from './print/browser.js';
export { readDestinations, type Destination, type DestinationMap } from './pdf/destinations.js';
export { createLogger, memoryLogger, type Logger } from './cli/logger.js';
export { formatDiagnostic } from './core/report.js';
export { listThemes, newTheme, type NewThemeOptions, type ThemeSummary } from './commands/theme.js';
export { resolveTheme, type Theme } from './theme/theme.js';
export { themeIssue } from './theme/choose.js';
export { themeSchema, type ThemeInput } from './theme/schema.js';
