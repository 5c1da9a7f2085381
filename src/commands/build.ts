/**
 * bantin build: prepare (check the issue and its theme) → render (HTML) → print (Chromium, with
 * settled page numbers) → finish (pdf/) → write (atomically, both files or neither).
 */
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { UserError, type Diagnostic } from '../core/diagnostics.js';
import type { Logger } from '../core/logger.js';
import type { AssetMap } from '../issue/assets.js';
import { hasErrors, loadIssue } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { pageGeometry, textBlock, type PageGeometry, type PageSize } from '../issue/page.js';
import { diagnosticAt, type IssueSource } from '../issue/source.js';
import { pdfStage } from '../pdf/stage.js';
import { DEFAULT_BLEED_MM, type Profile } from '../pdf/profile.js';
import { browserFailure, openBrowser } from '../print/browser.js';
import { downsampler, type ImageFilter } from '../print/downsample.js';
import { ImageDecodeError } from '../print/measure.js';
import { printPaginated, PrintSession, type PrintInput, type PrintResult } from '../print/paginate.js';
import type { Flow } from '../print/tails.js';
import { renderIssueHtml, type RenderedIssue } from '../render/html.js';
import { themeFiles } from '../render/theme-css.js';
import { themeMargins, themeSides } from '../theme/apply.js';
import { themeIssue } from '../theme/choose.js';
import type { Theme } from '../theme/theme.js';
import { defaultOutput, writeAllAtomic } from './output.js';
import { buildInputs, guardOutputs } from './output-guard.js';
import { brokenImageErrors, droppedLinkWarnings, fontWarnings, preflightWarnings } from './preflight.js';
import { standaloneHtml } from './standalone-html.js';
import { makeWebEdition, type WebFiles } from './web-edition.js';
import { t } from '../core/i18n.js';

/** What a build writes: the PDF, the web edition (one HTML file and its sharing picture), or both. */
export type Format = 'pdf' | 'web';

export interface BuildOptions {
  input: string;
  /** Defaults to the input's name with .pdf (.html for the web edition alone), beside it. */
  output?: string;
  /** Default ['pdf']. With both, the web edition is the PDF's name with .html. */
  formats?: readonly Format[];
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
  /** Two-sided printing (--duplex); overrides the issue's and the theme's page.duplex. */
  duplex?: boolean;
  /** --impose booklet: the pages on sheets for a saddle-stitched booklet, in printing order. */
  impose?: 'booklet';
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface BuildResult {
  input: string;
  /** The PDF, or the web edition when it is built alone. */
  output: string;
  htmlOutput?: string;
  /** The web edition: its file, its sharing picture and sizes in bytes. */
  web?: { output: string; image: string; bytes: number; fontBytes: number; imageBytes: number };
  /** Pages of the PDF (0 when only the web edition was built). */
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
  /** Whether the PDF is built (`output` is then the PDF). */
  pdf: boolean;
  /** With --format web: the web edition and its sharing picture. */
  web?: { output: string; image: string };
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
 * Builds one issue with a browser of its own. Chromium starts in its own processes while this
 * one checks the issue and renders the HTML. An issue with errors closes the browser unused and
 * reports the issue's errors, never the browser's.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // An output that would replace the issue itself, a link, a device or a file of bantin is a
  // usage error found in a few stat calls: refused before a browser is started for nothing.
  await guardOutputs(preparedOutputs(outputPaths(options)), [path.resolve(options.input)]);
  const opening = openBrowser({ browserPath: options.browserPath, timeoutMs: options.timeoutMs, log: options.logger.debug });
  opening.catch(() => undefined);
  let prepared: Prepared;
  let rendered: RenderedIssue;
  try {
    prepared = await prepare(options);
    rendered = await render(prepared, options.logger);
  } catch (error) {
    await opening.then((owned) => owned.close(), () => undefined);
    throw error;
  }
  const owned = await opening;
  options.logger.debug(`browser ready: ${owned.info.executablePath} (${owned.info.origin})`);
  let printed: PrintResult | undefined;
  let web: WebFiles | undefined;
  try {
    // The tab Chromium opens at start-up is the page.
    const page = (await owned.browser.pages())[0] ?? (await owned.browser.newPage());
    if (prepared.web) web = await makeWebEdition(owned.browser, prepared, options.logger);
    if (prepared.pdf) printed = await print(page, prepared, rendered, options);
  } catch (error) {
    // Told apart while the browser is still there: once closed, any failure looks like a crash.
    const failure = browserFailure(error, owned.browser, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) ?? error;
    await owned.close();
    throw failure;
  }
  // The browser has nothing left to do: it is ended at once (a polite close would keep a core
  // busy while this process finishes the PDF).
  const closing = owned.kill();
  try {
    return printed ? await finishAndWrite(printed, prepared, rendered, options, web) : await writeWebOnly(prepared, web!, options);
  } finally {
    await closing;
  }
}

/** One issue with a browser the caller owns (batch builds share one). */
export async function buildWith(browser: Browser, options: BuildOptions): Promise<BuildResult> {
  const prepared = await prepare(options);
  const rendered = await render(prepared, options.logger);
  return printAndWrite(browser, prepared, rendered, options);
}

export async function printAndWrite(browser: Browser | Page, prepared: Prepared, rendered: RenderedIssue, options: BuildOptions): Promise<BuildResult> {
  const web = prepared.web ? await makeWebEdition(browser, prepared, options.logger) : undefined;
  if (!prepared.pdf) return writeWebOnly(prepared, web!, options);
  return finishAndWrite(await print(browser, prepared, rendered, options), prepared, rendered, options, web);
}

/** The web edition's files, to be written with the others. */
function webWrites(prepared: Prepared, web: WebFiles | undefined): Array<{ file: string; data: Uint8Array | string }> {
  if (!prepared.web || !web) return [];
  return [
    { file: prepared.web.output, data: web.html },
    { file: prepared.web.image, data: web.image },
  ];
}

function webResult(prepared: Prepared, web: WebFiles | undefined): BuildResult['web'] {
  if (!prepared.web || !web) return undefined;
  return { ...prepared.web, bytes: web.bytes, fontBytes: web.fontBytes, imageBytes: web.imageBytes };
}

/** --format web alone: no print, the page and its picture written together. */
async function writeWebOnly(prepared: Prepared, web: WebFiles, options: BuildOptions): Promise<BuildResult> {
  await writeAllAtomic(webWrites(prepared, web));
  options.logger.debug(`wrote ${prepared.web!.output}`);
  return {
    input: prepared.input,
    output: prepared.output,
    web: webResult(prepared, web),
    pageCount: 0,
    pages: new Map(),
    warnings: prepared.warnings,
    passes: 0,
    nearlyEmpty: [],
    blockedRequests: [],
    seconds: (performance.now() - prepared.started) / 1000,
  };
}

/** Checks the issue and its theme: errors stop the build before anything is printed. */
export async function prepare(options: BuildOptions): Promise<Prepared> {
  const started = performance.now();
  const input = path.resolve(options.input);
  const { output, htmlOutput, pdf, web } = outputPaths(options);
  options.logger.progress(t('commands.build.checking', { file: options.input }));
  const loaded = await loadIssue(input);
  if (!loaded.issue || hasErrors(loaded.diagnostics)) {
    throw new UserError(t('commands.build.has-errors', { file: options.input }), loaded.diagnostics);
  }
  const themed = await themeIssue(loaded.issue, loaded.source, options.theme, options.size);
  if (hasErrors(themed.diagnostics)) throw new UserError(t('commands.build.has-errors', { file: options.input }), themed.diagnostics);
  const warnings = [...loaded.diagnostics, ...themed.diagnostics].filter((d) => d.severity === 'warning');
  const { issue, theme } = themed;
  await guardOutputs(preparedOutputs({ output, htmlOutput, pdf, web }), buildInputs(input, loaded.assets, theme));
  const profile = options.profile ?? 'print';
  const size = options.size ?? issue.page.size;
  // A booklet's pages are two-sided.
  const duplex = options.impose === 'booklet' ? true : options.duplex;
  const geometry = pageGeometry(size, themeMargins(theme, size, issue.page.margins), profile === 'press' ? (options.bleedMm ?? DEFAULT_BLEED_MM) : 0, themeSides(theme, issue.page, duplex));
  return { input, output, htmlOutput, pdf, web, issue, profile, geometry, source: loaded.source!, assets: loaded.assets, theme, warnings, started };
}

export async function render(prepared: Prepared, logger: Logger): Promise<RenderedIssue> {
  logger.progress(t('commands.build.rendering', { title: prepared.issue.title }));
  return renderIssueHtml(prepared.issue, { theme: prepared.theme, geometry: prepared.geometry });
}

/** Prints with settled page numbers (print/paginate.ts); a broken image becomes an error at its line. */
export async function print(target: Browser | Page | PrintSession, prepared: Prepared, rendered: RenderedIssue, options: BuildOptions): Promise<PrintResult> {
  options.logger.progress(t('commands.build.printing'));
  const browser = target instanceof PrintSession ? undefined : 'newPage' in target ? target : target.browser();
  const shrink = prepared.profile === 'screen' && prepared.assets.size > 0 && browser ? downsampler(browser) : undefined;
  const input = printInput(prepared, rendered, options, shrink?.filter);
  try {
    return target instanceof PrintSession ? await target.print(input) : await printPaginated(target, input);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw new UserError(t('commands.build.has-errors', { file: options.input }), brokenImageErrors(error.sources, prepared.issue, prepared.source));
    throw error;
  } finally {
    await shrink?.close();
  }
}

function printInput(prepared: Prepared, rendered: RenderedIssue, options: BuildOptions, imageFilter?: ImageFilter): PrintInput {
  return {
    html: rendered.html,
    assets: prepared.assets,
    themeFiles: themeFiles(prepared.theme),
    targets: rendered.targets,
    rightStarts: prepared.geometry.partStart === 'right' ? prepared.issue.parts.map((p) => p.id) : undefined,
    pageBox: textBlock(prepared.geometry),
    flow: articleFlow(prepared),
    imageFilter,
    tagged: options.tagged ?? true,
    timeoutMs: options.timeoutMs,
    log: options.logger.debug,
  };
}

/** The print finished (pdf/) with the warnings only the print can tell. */
export async function finishPrint(printed: PrintResult, prepared: Prepared, rendered: RenderedIssue, options: BuildOptions): Promise<{ pdf: Uint8Array; html: string; warnings: Diagnostic[] }> {
  const { logger } = options;
  const { issue, source } = prepared;
  const { finish, machineFonts } = await pdfStage();
  const warnings = [...preflightWarnings(printed.measurement, issue, source), ...fontWarnings(machineFonts(printed.doc, themeFamilies(prepared.theme)), source)];
  for (const url of printed.requests.blocked) logger.warn(t('commands.build.blocked', { url }));
  logger.debug('finishing');
  const { html } = rendered;
  const cmyk = options.cmyk ? { timeoutMs: options.timeoutMs, logger, images: [...prepared.assets.values()] } : undefined;
  const finished = await finish(printed.doc, issue, { source: html, profile: prepared.profile, geometry: prepared.geometry, pdfa: options.pdfa, labels: prepared.theme.labels, quotes: prepared.theme.quotes, cmyk });
  warnings.push(...droppedLinkWarnings(finished.droppedLinks, source));
  if (finished.lostTags) warnings.push(CMYK_DROPS_TAGS(source));
  logger.debug('finished');
  return { pdf: finished.pdf, html, warnings };
}

async function finishAndWrite(printed: PrintResult, prepared: Prepared, rendered: RenderedIssue, options: BuildOptions, web?: WebFiles): Promise<BuildResult> {
  const { input, output, htmlOutput } = prepared;
  const finished = await finishPrint(printed, prepared, rendered, options);
  const { html, warnings } = finished;
  let pdf = finished.pdf;
  if (options.impose === 'booklet') {
    const { imposeBooklet } = await pdfStage();
    const imposed = await imposeBooklet(pdf, { geometry: prepared.geometry, profile: prepared.profile });
    pdf = imposed.pdf;
    if (imposed.padded > 0) {
      const message = t('commands.build.booklet-padded', { pages: printed.pageCount, blank: imposed.padded, sides: imposed.sides });
      // About the whole file, not a line of it.
      warnings.push({ severity: 'warning', file: input, line: 0, col: 0, path: '', message, code: 'booklet-padded' });
    }
    options.logger.debug(`imposed as a booklet: ${imposed.sides} sheet sides`);
  }
  // All files or none: the PDF is not in place before the HTML is written too.
  const files: Array<{ file: string; data: Uint8Array | string }> = [{ file: output, data: pdf }];
  if (htmlOutput) files.push({ file: htmlOutput, data: standaloneHtml(html, path.dirname(input), printed.pages, prepared.theme) });
  files.push(...webWrites(prepared, web));
  await writeAllAtomic(files);
  options.logger.debug(`wrote ${output}`);
  return {
    input,
    output,
    htmlOutput,
    web: webResult(prepared, web),
    pageCount: printed.pageCount,
    pages: printed.pages,
    warnings: [...prepared.warnings, ...warnings],
    passes: printed.passes,
    nearlyEmpty: printed.nearlyEmpty,
    blockedRequests: printed.requests.blocked,
    seconds: (performance.now() - prepared.started) / 1000,
  };
}

/** Where a build writes: the PDF (or the web edition alone) beside the input unless -o says, the print HTML with --html, the web edition and its picture. */
export function outputPaths(options: Pick<BuildOptions, 'input' | 'output' | 'formats' | 'html'>): Pick<Prepared, 'output' | 'htmlOutput' | 'pdf' | 'web'> {
  const formats = options.formats ?? ['pdf'];
  const pdf = formats.includes('pdf');
  const output = path.resolve(options.output ?? defaultOutput(options.input, pdf ? '.pdf' : '.html'));
  const webOutput = formats.includes('web') ? (pdf ? defaultOutput(output, '.html') : output) : undefined;
  const web = webOutput ? { output: webOutput, image: defaultOutput(webOutput, '.png') } : undefined;
  const htmlOutput = options.html && pdf ? defaultOutput(output, '.html') : undefined;
  return { output, htmlOutput, pdf, web };
}

/** Every file a build writes: the PDF (or the web edition alone), the print HTML, the web edition and its picture. */
export function preparedOutputs(p: Pick<Prepared, 'output' | 'htmlOutput' | 'pdf' | 'web'>): string[] {
  return [...(p.pdf ? [p.output] : []), ...(p.htmlOutput ? [p.htmlOutput] : []), ...(p.web ? [p.web.output, p.web.image] : [])];
}

/** A safeguard: the CMYK conversion edits colours in place and keeps the tree; say so if it ever did not. */
const CMYK_DROPS_TAGS = (source: IssueSource): Diagnostic =>
  diagnosticAt(source, [], t('commands.build.cmyk-untagged'), { code: 'cmyk-untagged', severity: 'warning' });

/** News items in reading order, per part, and the stories a forced break ends (for pulling back short tails). */
export function articleFlow(prepared: Prepared): Flow {
  const { parts } = prepared.issue;
  const ends: NonNullable<Flow['ends']> = [{ measure: 'muc-luc', tighten: 'muc-luc', numbered: true }];
  for (const part of parts) {
    if (part.kind === 'spotlight') ends.push(...part.articles.map((a) => ({ measure: a.id, tighten: a.id })));
    else ends.push({ measure: part.id, tighten: part.id });
  }
  return { sequences: parts.filter((p) => p.kind === 'news').map((p) => p.articles.map((a) => a.id)), ends };
}

/** The font families a theme brings itself: fonts of its own, not the machine's. */
function themeFamilies(theme: Theme): string[] {
  return [theme.fonts.sans, theme.fonts.serif].filter((f) => f.files || f.package).map((f) => f.family);
}
