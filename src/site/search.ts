/**
 * The search across issues, without a server: the site's titles, summaries, parts and items with
 * their anchors, as one script (`search-index.js`) that sets a global. A script loaded by
 * <script src> works from file:// too, where fetch() of a JSON file is refused.
 */
import type { SiteIssue } from './record.js';

export const SEARCH_FILE = 'search-index.js';

export interface SearchEntry {
  /** The issue: its title and period, its web edition (relative to the index). */
  t: string;
  p: string;
  u: string;
  /** Its description ("Trong số này: …"). */
  s: string;
  /** Parts and items: [title, anchor]. */
  i: Array<[string, string]>;
}

export function searchEntries(issues: readonly SiteIssue[]): SearchEntry[] {
  return issues.map((issue) => ({
    t: issue.title,
    p: issue.period,
    u: `${encodeURIComponent(issue.slug)}/${encodeURIComponent(issue.files.web)}`,
    s: issue.description,
    i: [...issue.parts, ...issue.items].map((x) => [x.title, x.id]),
  }));
}

/** The script: JSON is valid JavaScript; < is escaped so no text can close a script element. */
export function searchScript(issues: readonly SiteIssue[]): string {
  const json = JSON.stringify(searchEntries(issues)).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.bantinSearch = ${json};\n`;
}
