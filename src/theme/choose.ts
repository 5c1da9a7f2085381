/**
 * The theme stage of a build: which theme an issue uses (`--theme`, else `series.theme`, else
 * the default), read and merged, and the issue as that theme prints it. A theme the issue
 * names must be built in or inside the issue's folder (layers.ts); --theme may name any folder.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import type { PageSize } from '../issue/page.js';
import type { IssueSource } from '../issue/source.js';
import { applyTheme } from './apply.js';
import { contrastWarnings } from './contrast.js';
import { DEFAULT_THEME, type IssueFolder } from './layers.js';
import { resolveTheme, type Theme } from './theme.js';

export interface ThemedIssue {
  theme: Theme;
  issue: Issue;
  diagnostics: Diagnostic[];
}

/**
 * `override` (the --theme flag) is relative to the working folder; series.theme to the issue file.
 * `size` (the --size flag) wins over the issue's and the theme's paper size.
 */
export async function themeIssue(issue: Issue, source: IssueSource | undefined, override?: string, size?: PageSize): Promise<ThemedIssue> {
  const written = issue.series.theme;
  const theme = override
    ? await resolveTheme(override, process.cwd())
    : written
      ? await resolveTheme(written, path.dirname(path.resolve(issue.file)), { source, path: ['series', 'theme'], confine: await issueFolder(issue.file) })
      : await resolveTheme(DEFAULT_THEME, process.cwd());
  const applied = applyTheme(issue, theme, source, size);
  return { theme, issue: applied.issue, diagnostics: [...applied.diagnostics, ...contrastWarnings(theme)] };
}

async function issueFolder(file: string): Promise<IssueFolder> {
  const dir = path.dirname(path.resolve(file));
  return { dir, real: await realpath(dir).catch(() => dir) };
}
