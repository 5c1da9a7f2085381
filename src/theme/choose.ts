/**
 * The theme stage of a build: which theme an issue uses (`--theme`, else `series.theme`, else
 * the default), read and merged, and the issue as that theme prints it.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import type { IssueSource } from '../issue/source.js';
import { applyTheme } from './apply.js';
import { DEFAULT_THEME } from './layers.js';
import { resolveTheme, type Theme } from './theme.js';

export interface ThemedIssue {
  theme: Theme;
  issue: Issue;
  diagnostics: Diagnostic[];
}

/** `override` (the --theme flag) is relative to the working folder; series.theme to the issue file. */
export async function themeIssue(issue: Issue, source: IssueSource | undefined, override?: string): Promise<ThemedIssue> {
  const written = issue.series.theme;
  const theme = override
    ? await resolveTheme(override, process.cwd())
    : written
      ? await resolveTheme(written, path.dirname(path.resolve(issue.file)), source ? { source, path: ['series', 'theme'] } : undefined)
      : await resolveTheme(DEFAULT_THEME, process.cwd());
  return { theme, ...applyTheme(issue, theme, source) };
}
