/**
 * bantin build: issue.yaml → validated model → HTML → paginated PDF → finished file.
 */
import type { Flow } from '../pdf/tails.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { Logger } from '../cli/logger.js';
import type { AssetMap } from '../issue/assets.js';
import { UserError, type Diagnostic } from '../issue/diagnostics.js';
import { hasErrors, loadIssue } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { FONT_PACKAGES, fontPackageDir, stylesDir } from '../paths.js';
import { DEFAULT_BLEED_MM, type Profile } from '../pdf/profile.js';
import { pageGeometry, textBlock, type PageGeometry, type PageSize } from '../issue/page.js';
import { diagnosticAt, type IssueSource } from '../issue/source.js';
import { themeIssue } from '../theme/choose.js';
import { themeMargins } from '../theme/apply.js';
import type { Theme } from '../theme/theme.js';
import { brokenImageErrors, fontWarnings, preflightWarnings } from './preflight.js';
import type { PrintResult } from '../pdf/paginate.js';
import type { RenderedIssue } from '../render/html.js';
import { ASSET_PREFIX, ISSUE_PREFIX } from '../render/urls.js';
import { defaultOutput, writeAllAtomic } from './output.js';
import { guardOutputs } from './output-guard.js';
import type { TaggedPrint } from '../pdf/page-artifacts.js';
import type { Tagger } from '../pdf/tagger.js';

export interface BuildOptions {
  input: string;
  /** Defaults to the input's name with .pdf, beside it. */
  output?: string;
  /** Also write the HTML beside the PDF. */
  html?: boolean;
  browserPath?: string;
  timeoutMs?: number;
  logger: Logger;
  /** screen (RGB, small), print (default) or press (bleed, crop marks, page boxes). */
  profile?: Profile;
  /** Bleed of the press profile in mm (default 3). */
  bleedMm?: number;
  /** Overrides the issue's page size. */
  size?: PageSize;
  /** Colours to DeviceCMYK after printing (src/pdf/cmyk.ts). */
  cmyk?: boolean;
  /** A built-in theme name or a theme folder (relative to the working folder); overrides series.theme. */
  theme?: string;
  /** A tagged (accessible) PDF: structure tree, artifacts, link texts. Default true; --no-tags. */
  tagged?: boolean;
  /** PDF/A-2b: sRGB output intent, identification in the XMP, the rules of pdfa.ts checked. */
  pdfa?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface BuildResult {
  input: string;
  output: string;
  htmlOutput?: string;
  pageCount: number;
  /** id → page number, as printed. */
  pages: Map<string, number>;
  warnings: Diagnostic[];
  passes: number;
  /** Pages under a quarter full that no forced break explains (reported with --verbose). */
  nearlyEmpty: Array<{ page: number; fill: number }>;
  blockedRequests: string[];
  seconds: number;
}

export interface Prepared {
  input: string;
  output: string;
  /** With --html: the HTML beside the PDF. */
  htmlOutput?: string;
  issue: Issue;
  profile: Profile;
  geometry: PageGeometry;
  source: IssueSource;
  assets: AssetMap;
  theme: Theme;
  warnings: Diagnostic[];
  started: number;
  /** How long checking the issue took (a batch adds it to the issue's own time). */
  prepareMs?: number;
}

/**
 * Builds one issue with a browser of its own. Chromium starts (and opens its page) in its own
 * processes while this one checks the issue and renders the HTML: the launch is most of a
 * build's start-up, and checking no longer waits for it. An issue with errors closes the
 * browser unused and reports the issue's errors, never the browser's.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // The tagging worker starts now, long before the print comes back to it (tagger.ts).
  const tagger = (options.tagged ?? true) ? (await import('../pdf/tagger.js')).startTagger() : undefined;
  try {
    return await buildAlone(options, tagger);
  } finally {
    tagger?.close();
  }
}

async function buildAlone(options: BuildOptions, tagger: Tagger | undefined): Promise<BuildResult> {
  const launching = import('../pdf/browser.js');
  const opening = launching.then(({ openBrowser }) => openBrowser({ browserPath: options.browserPath, timeoutMs: options.timeoutMs, log: options.logger.debug }));
  opening.catch(() => undefined);
  // The tab Chromium opens at start-up is the page: no second one to create.
  const paging = opening.then(async (owned) => (await owned.browser.pages())[0] ?? owned.browser.newPage());
  paging.catch(() => undefined);
  let prepared: Prepared;
  try {
    prepared = await prepare(options);
  } catch (error) {
    await opening.then((owned) => owned.close(), () => undefined);
    throw error;
  }
  const { browserFailure } = await launching;
  let rendered: RenderedIssue;
  try {
    rendered = await render(prepared, options.logger);
  } catch (error) {
    await opening.then((owned) => owned.close(), () => undefined);
    throw error;
  }
  const owned = await opening;
  options.logger.debug(`browser ready: ${owned.info.executablePath} (${owned.info.origin})`);
  let printed = false;
  try {
    // Once the print is in, the browser has nothing left to do: it is ended at once (a polite
    // close would keep a core busy for ~0.1 s) while this process finishes the PDF.
    const afterPrint = () => {
      printed = true;
      void owned.kill().then(() => options.logger.debug('browser closed'));
    };
    return await printAndWrite(await paging, prepared, rendered, options, afterPrint, tagger);
  } catch (error) {
    // After the print, the browser is gone on purpose: a failure then is not the browser's.
    throw (printed ? undefined : browserFailure(error, owned.browser, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)) ?? error;
  } finally {
    await owned.close();
  }
}

/** One issue with a browser the caller owns (batch builds share one). */
export async function buildWith(browser: Browser, options: BuildOptions): Promise<BuildResult> {
  const prepared = await prepare(options);
  const rendered = await render(prepared, options.logger);
  return printAndWrite(browser, prepared, rendered, options);
}

export async function prepare(options: BuildOptions): Promise<Prepared> {
  const started = performance.now();
  const input = path.resolve(options.input);
  const output = path.resolve(options.output ?? defaultOutput(options.input));
  options.logger.progress(`checking ${options.input}`);
  const loaded = await loadIssue(input);
  if (!loaded.issue || hasErrors(loaded.diagnostics)) {
    throw new UserError(`${options.input} has errors; no PDF was written`, loaded.diagnostics);
  }
  const themed = await themeIssue(loaded.issue, loaded.source, options.theme);
  if (hasErrors(themed.diagnostics)) throw new UserError(`${options.input} has errors; no PDF was written`, themed.diagnostics);
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  const { issue, theme } = themed;
  const htmlOutput = options.html ? defaultOutput(output, '.html') : undefined;
  await guardOutputs(htmlOutput ? [output, htmlOutput] : [output], [input, ...[...loaded.assets.values()].map((a) => a.file)]);
  const profile = options.profile ?? 'print';
  const size = options.size ?? issue.page.size;
  const geometry = pageGeometry(size, themeMargins(theme, size, issue.page.margins), profile === 'press' ? (options.bleedMm ?? DEFAULT_BLEED_MM) : 0);
  return { input, output, htmlOutput, issue, profile, geometry, source: loaded.source!, assets: loaded.assets, theme, warnings, started };
}

export async function render(prepared: Prepared, logger: Logger): Promise<RenderedIssue> {
  logger.progress(`rendering ${prepared.issue.title}`);
  const { renderIssueHtml } = await import('../render/html.js');
  // QR codes are made while Chromium loads the page: they do not move anything.
  return renderIssueHtml(prepared.issue, { theme: prepared.theme, geometry: prepared.geometry, deferQr: true });
}

/** `tagger`: who makes a tagged print ready (tagger.ts); this thread when not given. */
export async function printAndWrite(browser: Browser | Page, prepared: Prepared, rendered: RenderedIssue, options: BuildOptions, afterPrint?: () => void, tagger?: Tagger): Promise<BuildResult> {
  const { logger } = options;
  const tagged = options.tagged ?? true;
  const { issue, input, output } = prepared;
  logger.progress('printing with Chromium');
  const [{ printPaginated }, { downsampler }, { themeFiles }] = await Promise.all([import('../pdf/paginate.js'), import('../pdf/downsample.js'), import('../render/theme-css.js')]);
  const shrink = prepared.profile === 'screen' && prepared.assets.size > 0 ? downsampler('newPage' in browser ? browser : browser.browser()) : undefined;
  let printed: PrintResult;
  // What finishing needs loads while Chromium prints (a cold import takes 20–40 ms).
  let finishing: ReturnType<typeof loadFinishing> | undefined;
  let tagging: Promise<typeof import('../pdf/page-artifacts.js')> | undefined;
  const whilePrinting = () => {
    finishing = loadFinishing();
    finishing.catch(() => undefined);
    if (tagged && !tagger) tagging = import('../pdf/page-artifacts.js');
    tagging?.catch(() => undefined);
  };
  // A tagged print is made ready the moment it comes back (a second pass, rare, once more).
  const prepare = (pdf: Uint8Array) => {
    logger.debug(`tagged print made ready by ${tagger?.where ?? 'this thread'}`);
    return tagger?.prepare(pdf) ?? (tagging ??= import('../pdf/page-artifacts.js')).then(({ prepareTagged }) => prepareTagged(pdf));
  };
  let preparing: { pdf: Uint8Array; print: Promise<TaggedPrint> } | undefined;
  const onPrinted = tagged
    ? (pdf: Uint8Array) => {
        preparing = { pdf, print: prepare(pdf) };
        preparing.print.catch(() => undefined);
      }
    : undefined;
  try {
    printed = await printPaginated(browser, {
      whilePrinting,
      onPrinted,
      imageFilter: shrink?.filter,
      html: rendered.html,
      qrContents: rendered.pendingQr?.contents,
      assets: prepared.assets,
      themeFiles: themeFiles(prepared.theme),
      targets: rendered.targets,
      pageBox: textBlock(prepared.geometry),
      flow: articleFlow(prepared),
      tagged,
      timeoutMs: options.timeoutMs,
      log: logger.debug,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ImageDecodeError') {
      const sources = (error as Error & { sources: string[] }).sources;
      throw new UserError(`${options.input} has errors; no PDF was written`, brokenImageErrors(sources, issue, prepared.source));
    }
    throw error;
  } finally {
    await shrink?.close();
  }
  afterPrint?.();
  // Made ready since the print came back (by the tagging worker, or here with zlib on libuv's threads).
  const ready = tagged ? (preparing?.pdf === printed.pdf ? preparing.print : prepare(printed.pdf)) : undefined;
  ready?.catch(() => undefined);
  // Loaded while Chromium printed (whilePrinting), as pdf-lib was (a third of start-up otherwise).
  const { finishPdf, machineFonts } = await (finishing ?? loadFinishing());
  const warnings = [...prepared.warnings, ...preflightWarnings(printed.measurement, issue, prepared.source), ...fontWarnings(machineFonts(printed.doc, themeFamilies(prepared.theme)), prepared.source)];
  for (const url of printed.requests.blocked) logger.warn(`blocked a request the page made to ${url}`);
  logger.debug('finishing');
  const html = await completeHtml(rendered);
  let pdf = await finishPdf(printed.pdf, issue, { parsed: printed.doc, source: html, profile: prepared.profile, geometry: prepared.geometry, pdfa: options.pdfa, labels: prepared.theme.labels, prepared: ready });
  if (options.cmyk) {
    pdf = await (await import('../pdf/cmyk.js')).toCmyk(pdf, { issue, timeoutMs: options.timeoutMs, logger });
    if (tagged && !(await (await import('../pdf/tagged.js')).hasStructure(pdf))) warnings.push(CMYK_DROPS_TAGS(prepared.source));
  }
  logger.debug('finished');
  const { htmlOutput } = prepared;
  // Both files or neither: the PDF is not in place before the HTML is written too.
  await writeAllAtomic(htmlOutput ? [{ file: output, data: pdf }, { file: htmlOutput, data: standaloneHtml(html, path.dirname(input), printed.pages, prepared.theme, themeFiles) }] : [{ file: output, data: pdf }]);
  logger.debug(`wrote ${output}`);
  return {
    input,
    output,
    htmlOutput,
    pageCount: printed.pageCount,
    pages: printed.pages,
    warnings,
    passes: printed.passes,
    nearlyEmpty: printed.nearlyEmpty,
    blockedRequests: printed.requests.blocked,
    seconds: (performance.now() - prepared.started) / 1000,
  };
}

/** A safeguard: the CMYK conversion edits colours in place and keeps the tree; say so if it ever did not. */
const CMYK_DROPS_TAGS = (source: IssueSource): Diagnostic =>
  diagnosticAt(source, [], '--cmyk: the CMYK conversion lost the structure tree, so this PDF is not tagged (screen readers get no headings or reading order); publish the RGB build for reading on screen', { code: 'cmyk-untagged', severity: 'warning' });

/** The rendered HTML with its QR codes in. */
export function completeHtml(rendered: RenderedIssue): Promise<string> {
  return rendered.pendingQr?.html ?? Promise.resolve(rendered.html);
}

/** The modules that need pdf-lib, loaded on demand (see printAndWrite). */
export async function loadFinishing() {
  const [{ finishPdf }, { machineFonts }] = await Promise.all([import('../pdf/finish.js'), import('../pdf/fonts-used.js')]);
  return { finishPdf, machineFonts };
}

/** News items in reading order, per part, and the stories a forced break ends (for pulling back short tails). */
export function articleFlow(prepared: Prepared): Flow {
  const { parts } = prepared.issue;
  const ends: NonNullable<Flow['ends']> = [{ measure: 'muc-luc', tighten: 'muc-luc' }];
  for (const part of parts) {
    if (part.kind === 'spotlight') ends.push(...part.articles.map((a) => ({ measure: a.id, tighten: a.id })));
    else ends.push({ measure: part.id, tighten: part.id });
  }
  return { sequences: parts.filter((p) => p.kind === 'news').map((p) => p.articles.map((a) => a.id)), ends };
}

/** The font families a theme brings itself: fonts of its own, not the machine's. */
export function themeFamilies(theme: Theme): string[] {
  return [theme.fonts.sans, theme.fonts.serif].filter((f) => f.files || f.package).map((f) => f.family);
}

/** The HTML as a file a browser can open: virtual URLs → file URLs, page numbers filled in. */
function standaloneHtml(html: string, issueDir: string, pages: Map<string, number>, theme: Theme, themeFiles: (theme: Theme) => { roots: string[]; fontsource: Map<string, string> }): string {
  let out = html
    .replaceAll(`${ASSET_PREFIX}styles/`, pathToFileURL(stylesDir).href + '/')
    .replaceAll(ISSUE_PREFIX, pathToFileURL(issueDir).href + '/');
  const files = themeFiles(theme);
  files.roots.forEach((dir, i) => (out = out.replaceAll(`${ASSET_PREFIX}theme/${i}/`, pathToFileURL(dir).href + '/')));
  for (const [name, dir] of files.fontsource) out = out.replaceAll(`${ASSET_PREFIX}fontsource/${name}/`, pathToFileURL(dir).href + '/');
  for (const pkg of FONT_PACKAGES) out = out.replaceAll(`${ASSET_PREFIX}fonts/${pkg}/`, pathToFileURL(fontPackageDir(pkg)).href + '/');
  return filledPageNumbers(out, pages);
}

/** The page numbers written into their slots, as the print has them; a range on one page reads "Trang 5", not "Trang 5–5" (as fillPageNumbers marks it in the page). */
export function filledPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html
    .replace(/<span class="pagerange">(?=[^<]*<span class="pageref" data-pageref="([^"]+)">[^<]*<\/span><span class="pagerange-to">[^<]*<span class="pageref" data-pageref="([^"]+)">)/g, (open, from: string, to: string) =>
      pages.get(from) !== undefined && pages.get(from) === pages.get(to) ? '<span class="pagerange is-one-page">' : open,
    )
    .replace(/(<span class="pageref" data-pageref="([^"]+)">)0+(<\/span>)/g, (_m, open: string, id: string, close: string) => `${open}${pages.get(id) ?? ''}${close}`);
}
