/**
 * What a site keeps about each issue, in the issue's folder (`DIR/<slug>/.bantin-site.json`):
 * the content hash it was built from, the files bantin wrote there, and what the index, the
 * feed and the search need (titles, period, items and their anchors, the theme's colours and
 * words). The index is made from these records alone, so shards that each built some issues'
 * folders can be joined by `bantin site --index-only`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Issue } from '../issue/model.js';
import type { Labels } from '../theme/label-keys.js';
import type { Theme } from '../theme/theme.js';
import { shareText } from '../web/render.js';
import { readRegular } from '../core/read-file.js';

export const RECORD_FILE = '.bantin-site.json';
const RECORD_KIND = 'bantin-site-issue';

/** The words of the index page: the theme's labels that it uses. */
export const SITE_LABELS = ['siteIssues', 'siteSearch', 'siteSearchHint', 'siteResults', 'siteNoResults', 'siteFeed', 'webEdition', 'pdfEdition', 'skipToContent'] as const satisfies ReadonlyArray<keyof Labels>;
export type SiteLabels = Record<(typeof SITE_LABELS)[number], string>;

export interface SiteIssue {
  slug: string;
  /** "Điểm tin Khoa học Công nghệ số 20/2026" */
  title: string;
  series: string;
  number: string;
  /** As printed: "Tuần từ 25/5 – 31/5/2026". */
  period: string;
  /** ISO dates of the period: the index sorts by `end`, the feed dates entries by it. */
  start: string;
  end: string;
  publisher: string[];
  language: string;
  /** "Trong số này: …" (the web edition's description). */
  description: string;
  parts: Array<{ id: string; title: string }>;
  items: Array<{ id: string; title: string }>;
  /** File names inside the issue's folder. */
  files: { web: string; pdf: string; image: string };
  colors: Theme['colors'];
  labels: SiteLabels;
}

export interface IssueRecord {
  kind: typeof RECORD_KIND;
  hash: string;
  issue: SiteIssue;
}

export function siteIssue(issue: Issue, theme: Theme, slug: string): SiteIssue {
  return {
    slug,
    title: issue.title,
    series: issue.series.title,
    number: issue.number,
    period: issue.period.heading,
    start: issue.week.start.iso,
    end: issue.week.end.iso,
    publisher: [...issue.series.publisher],
    language: theme.language,
    description: shareText(issue, theme).description,
    parts: issue.parts.map((p) => ({ id: p.id, title: p.title })),
    items: issue.articles.map((a) => ({ id: a.id, title: a.title })),
    files: { web: `${slug}.html`, pdf: `${slug}.pdf`, image: `${slug}.png` },
    colors: theme.colors,
    labels: Object.fromEntries(SITE_LABELS.map((k) => [k, theme.labels[k]])) as SiteLabels,
  };
}

/**
 * What an issue's editions are made from: the issue file, its images, every file of its theme
 * chain and bantin's version (which stands for its own templates, styles and fonts). Each file
 * is read once per run (`digests`), so a built-in theme shared by 200 issues is hashed once.
 */
export async function contentHash(version: string, files: readonly string[], digests: Map<string, Promise<string>>): Promise<string> {
  const digestOf = (file: string) => {
    let digest = digests.get(file);
    if (!digest) {
      digest = readFile(file).then(
        (bytes) => createHash('sha256').update(bytes).digest('hex'),
        () => 'missing',
      );
      digests.set(file, digest);
    }
    return digest;
  };
  const [issue, ...rest] = await Promise.all(files.map(digestOf));
  // The issue first, the others as a set: their order in the theme chain does not matter.
  const hash = createHash('sha256').update(`bantin ${version}\nsite 1\n${issue}\n`);
  for (const digest of [...new Set(rest)].sort()) hash.update(`${digest}\n`);
  return hash.digest('hex');
}

/** The record in an issue's folder, or undefined when there is none bantin could have written. */
export async function readRecord(file: string): Promise<IssueRecord | undefined> {
  try {
    const record = JSON.parse((await readRegular(file, 5_000_000)).toString('utf8')) as IssueRecord;
    return record?.kind === RECORD_KIND && typeof record.hash === 'string' && record.issue?.files ? record : undefined;
  } catch {
    return undefined;
  }
}

export function recordJson(hash: string, issue: SiteIssue): string {
  return `${JSON.stringify({ kind: RECORD_KIND, hash, issue } satisfies IssueRecord, null, 1)}\n`;
}
