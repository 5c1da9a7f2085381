/**
 * bantin site ISSUES... -o DIR: a static archive. Each issue's editions (PDF, web page and its
 * sharing picture) in DIR/<slug>/, then from every issue folder in DIR the index page, the Atom
 * feed and the search index. An issue whose content hash (site/record.ts) matches its folder's
 * record is reused, not rebuilt. With --shard K/N only that part's issue folders are written;
 * `--index-only` then writes the index, feed and search from what is in DIR.
 *
 * Only files bantin wrote are replaced: an issue folder's record and DIR/.bantin-site.json name
 * them. Any other file in the way is refused, nothing is removed.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, UserError } from '../core/diagnostics.js';
import type { Logger } from '../core/logger.js';
import { readRegular } from '../core/read-file.js';
import { t } from '../core/i18n.js';
import { version } from '../paths.js';
import { atomFeed } from '../site/feed.js';
import { newestFirst, renderIndexPage } from '../site/index-page.js';
import { contentHash, readRecord, RECORD_FILE, recordJson, siteIssue, type SiteIssue } from '../site/record.js';
import { searchScript, SEARCH_FILE } from '../site/search.js';
import { inShard, type Shard } from '../site/shard.js';
import { slugFor } from '../site/slug.js';
import { themeInputs } from '../theme/theme.js';
import { buildMany, type BatchItem, type BatchProgress } from './build-many.js';
import { prepare, type BuildOptions } from './build.js';
import { expandInputs } from './inputs.js';
import { makeFolder, writeAllAtomic } from './output.js';
import { buildInputs, guardOutputs } from './output-guard.js';

export interface SiteOptions extends Pick<BuildOptions, 'browserPath' | 'timeoutMs' | 'logger' | 'theme'> {
  /** Issue files and quoted glob patterns; none with indexOnly. */
  inputs: string[];
  outDir: string;
  shard?: Shard;
  /** Write only the index, feed and search, from the issue folders already in outDir. */
  indexOnly?: boolean;
  jobs?: number;
  onProgress?: (progress: BatchProgress) => void;
}

export interface SiteResult {
  /** Every issue of this run (of its shard): built, reused or failed. */
  items: Array<BatchItem & { slug?: string; reused?: boolean }>;
  /** Issues in the index written, or undefined when no index was written (--shard). */
  indexed?: number;
  seconds: number;
}

const MANIFEST = '.bantin-site.json';
const MANIFEST_KIND = 'bantin-site';
const INDEX_FILES = ['index.html', 'feed.xml', SEARCH_FILE] as const;
const SITE_FORMATS = ['pdf', 'web'] as const;

const editionFiles = (issue: Pick<SiteIssue, 'files'>) => [issue.files.pdf, issue.files.web, issue.files.image];

async function lstatOrUndefined(file: string) {
  try {
    return await lstat(file);
  } catch {
    return undefined;
  }
}

/** DIR and an issue folder: a folder or nothing yet, never a link (nothing is written through one). */
async function checkFolder(dir: string): Promise<void> {
  const info = await lstatOrUndefined(dir);
  if (!info) return;
  if (info.isSymbolicLink()) throw new UsageError(t('commands.site.folder-link', { dir }));
  if (!info.isDirectory()) throw new UserError(t('commands.write.folder-is-file', { dir, at: dir }));
}

/** Files of `names` in `dir` that exist but are not among `ours` (what bantin wrote there before). */
async function foreignFiles(dir: string, names: readonly string[], ours: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) if (!ours.includes(name) && (await lstatOrUndefined(path.join(dir, name)))) found.push(path.join(dir, name));
  return found;
}

interface Planned {
  item: SiteResult['items'][number];
  file: string;
  folder: string;
  hash: string;
  issue: SiteIssue;
  /** Whether the folder has a record already (an earlier build, whose editions stay if this one fails). */
  recorded: boolean;
}

/** Checks each issue, hashes what it is made from, and tells the reused from those to build. */
async function plan(files: readonly string[], options: SiteOptions, items: SiteResult['items']): Promise<Planned[]> {
  const digests = new Map<string, Promise<string>>();
  const slugs = new Map<string, string>();
  const quiet = { ...options.logger, progress: options.logger.debug };
  const toBuild: Planned[] = [];
  for (const file of files) {
    const slug = slugFor(file);
    const item: SiteResult['items'][number] = { input: file, slug };
    items.push(item);
    try {
      const other = slugs.get(slug);
      if (other) throw new UserError(t('commands.site.same-slug', { file, other, slug }));
      slugs.set(slug, file);
      const folder = path.join(options.outDir, slug);
      await checkFolder(folder);
      const prepared = await prepare({ input: file, output: path.join(folder, `${slug}.pdf`), formats: SITE_FORMATS, logger: quiet, theme: options.theme });
      const hash = await contentHash(version, [prepared.input, ...[...prepared.assets.values()].map((a) => a.file), ...themeInputs(prepared.theme)], digests);
      const issue = siteIssue(prepared.issue, prepared.theme, slug);
      const record = await readRecord(path.join(folder, RECORD_FILE));
      const present = record && (await Promise.all(editionFiles(record.issue).map((f) => lstatOrUndefined(path.join(folder, f))))).every((s) => s?.isFile());
      if (record && record.hash === hash && present) {
        item.reused = true;
        continue;
      }
      const foreign = await foreignFiles(folder, [...editionFiles(issue), RECORD_FILE], record ? [...editionFiles(record.issue), RECORD_FILE] : []);
      if (foreign.length) throw new UsageError(t('commands.site.not-ours', { file: foreign[0]!, dir: folder }));
      await guardOutputs([path.join(folder, RECORD_FILE)], buildInputs(prepared.input, prepared.assets, prepared.theme));
      toBuild.push({ item, file, folder, hash, issue, recorded: Boolean(record) });
    } catch (error) {
      item.error = error;
    }
  }
  return toBuild;
}

export async function site(options: SiteOptions): Promise<SiteResult> {
  const started = performance.now();
  const { logger } = options;
  await checkFolder(options.outDir);
  // --index-only makes nothing it has no issue for: a missing folder is an empty archive.
  if (options.indexOnly && !(await lstatOrUndefined(options.outDir))) throw new UserError(t('commands.site.empty', { dir: options.outDir }));
  await makeFolder(options.outDir);
  const items: SiteResult['items'] = [];
  if (!options.indexOnly) {
    const { files, unmatched } = await expandInputs(options.inputs);
    for (const pattern of unmatched) items.push({ input: pattern, error: new UserError(t('commands.no-match', { pattern })) });
    const toBuild = await plan(inShard(files, options.shard), options, items);
    for (const planned of toBuild) {
      await makeFolder(planned.folder);
      // A new folder is claimed before building: its files are bantin's even if the run stops
      // halfway (a record without a hash: built again next time, left out of the index).
      if (!planned.recorded) await writeAllAtomic([{ file: path.join(planned.folder, RECORD_FILE), data: recordJson('', planned.issue) }]);
    }
    const byInput = new Map(toBuild.map((p) => [p.file, p]));
    if (toBuild.length) {
      const batch = await buildMany({
        inputs: toBuild.map((p) => p.file),
        formats: SITE_FORMATS,
        outputFor: (file) => path.join(byInput.get(file)!.folder, byInput.get(file)!.issue.files.pdf),
        browserPath: options.browserPath,
        timeoutMs: options.timeoutMs,
        logger,
        theme: options.theme,
        jobs: options.jobs,
        onProgress: options.onProgress,
      });
      for (const done of batch.items) {
        const planned = byInput.get(done.input)!;
        Object.assign(planned.item, { result: done.result, error: done.error });
        if (done.result) await writeAllAtomic([{ file: path.join(planned.folder, RECORD_FILE), data: recordJson(planned.hash, planned.issue) }]);
      }
    }
  }
  const seconds = () => (performance.now() - started) / 1000;
  if (options.shard) return { items, seconds: seconds() };
  const issues = newestFirst(await issuesIn(options.outDir, logger));
  if (issues.length === 0) {
    // Issues that failed say why themselves; "nothing to index" would hide it.
    if (items.some((i) => i.error)) return { items, seconds: seconds() };
    throw new UserError(t('commands.site.empty', { dir: options.outDir }));
  }
  await writeIndex(options.outDir, issues);
  logger.debug(t('commands.site.indexed', { count: issues.length, dir: options.outDir }));
  return { items, indexed: issues.length, seconds: seconds() };
}

/** A record's colours go into the page's CSS: only colour values are taken. */
const COLOR_VALUE = /^[#a-z0-9(),.%\s-]{1,60}$/i;

/** Every issue folder of DIR whose record bantin wrote and whose editions are there. */
export async function issuesIn(dir: string, logger: Logger): Promise<SiteIssue[]> {
  const issues: SiteIssue[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    const record = await readRecord(path.join(folder, RECORD_FILE));
    if (!record?.hash) continue;
    const issue = record.issue;
    const complete = issue.slug === entry.name && (await Promise.all(editionFiles(issue).map((f) => lstatOrUndefined(path.join(folder, path.basename(f)))))).every((s) => s?.isFile());
    if (!complete || !Object.values(issue.colors ?? {}).every((c) => COLOR_VALUE.test(String(c)))) {
      logger.warn(t('commands.site.incomplete', { dir: folder }));
      continue;
    }
    issues.push(issue);
  }
  return issues;
}

/** The names bantin wrote at the top of DIR before (its manifest); undefined when the manifest is not bantin's. */
async function manifestFiles(dir: string): Promise<string[] | undefined> {
  const file = path.join(dir, MANIFEST);
  if (!(await lstatOrUndefined(file))) return [];
  try {
    const manifest = JSON.parse((await readRegular(file, 1_000_000)).toString('utf8')) as { kind?: string; files?: unknown };
    return manifest.kind === MANIFEST_KIND && Array.isArray(manifest.files) ? manifest.files.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/** index.html, feed.xml and search-index.js of `issues` (newest first), written together. */
async function writeIndex(dir: string, issues: readonly SiteIssue[]): Promise<void> {
  const ours = await manifestFiles(dir);
  if (!ours) throw new UsageError(t('commands.site.not-ours', { file: path.join(dir, MANIFEST), dir }));
  const foreign = await foreignFiles(dir, INDEX_FILES, ours);
  if (foreign.length) throw new UsageError(t('commands.site.not-ours', { file: foreign[0]!, dir }));
  const files = [...INDEX_FILES, MANIFEST].map((name) => path.join(dir, name));
  await guardOutputs(files, []);
  const newest = issues[0]!;
  const look = { colors: newest.colors, labels: newest.labels, language: newest.language, series: newest.series, publisher: newest.publisher };
  const manifest = `${JSON.stringify({ kind: MANIFEST_KIND, files: INDEX_FILES }, null, 1)}\n`;
  await writeAllAtomic([
    { file: files[0]!, data: renderIndexPage(issues, look) },
    { file: files[1]!, data: atomFeed(issues) },
    { file: files[2]!, data: searchScript(issues) },
    { file: files[3]!, data: manifest },
  ]);
}
