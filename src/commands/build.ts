/**
 * bantin build: issue.yaml → validated model → HTML → paginated PDF → finished file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { UserError, type Diagnostic } from '../issue/diagnostics.js';
import { hasErrors, loadIssue } from '../issue/load.js';
import type { Logger } from '../cli/logger.js';
import { FONT_PACKAGES, fontPackageDir, stylesDir } from '../paths.js';
import { withBrowser } from '../pdf/browser.js';
import { finishPdf } from '../pdf/finish.js';
import { printPaginated } from '../pdf/paginate.js';
import { ASSET_PREFIX, ISSUE_PREFIX, renderIssueHtml } from '../render/html.js';
import { defaultOutput, writeAtomic } from './output.js';

export interface BuildOptions {
  input: string;
  /** Defaults to the input's name with .pdf, beside it. */
  output?: string;
  /** Also write the HTML beside the PDF. */
  html?: boolean;
  browserPath?: string;
  timeoutMs?: number;
  logger: Logger;
}

export interface BuildResult {
  input: string;
  output: string;
  htmlOutput?: string;
  pageCount: number;
  /** id → page number, as printed. */
  pages: Map<string, number>;
  warnings: Diagnostic[];
  passes: number;
  blockedRequests: string[];
  seconds: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  return withBrowser({ browserPath: options.browserPath, log: options.logger.debug }, (browser) => buildWith(browser, options));
}

/** One issue with a browser the caller owns (batch builds share one). */
export async function buildWith(browser: Browser, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { logger } = options;
  const input = path.resolve(options.input);
  const output = path.resolve(options.output ?? defaultOutput(options.input));
  logger.progress(`checking ${options.input}`);
  const loaded = await loadIssue(input);
  if (!loaded.issue || hasErrors(loaded.diagnostics)) {
    throw new UserError(`${options.input} has errors; no PDF was written`, loaded.diagnostics);
  }
  const issue = loaded.issue;
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');

  logger.progress(`rendering ${issue.title}`);
  const rendered = await renderIssueHtml(issue);
  logger.progress('printing with Chromium');
  const printed = await printPaginated(browser, {
    html: rendered.html,
    assets: loaded.assets,
    targets: rendered.targets,
    timeoutMs: options.timeoutMs,
    log: logger.debug,
  });
  for (const url of printed.requests.blocked) logger.warn(`blocked a request the page made to ${url}`);
  const pdf = await finishPdf(printed.pdf, issue);
  await writeAtomic(output, pdf);
  let htmlOutput: string | undefined;
  if (options.html) {
    htmlOutput = defaultOutput(output, '.html');
    await writeAtomic(htmlOutput, standaloneHtml(rendered.html, path.dirname(input), printed.pages));
  }
  return {
    input,
    output,
    htmlOutput,
    pageCount: printed.pageCount,
    pages: printed.pages,
    warnings,
    passes: printed.passes,
    blockedRequests: printed.requests.blocked,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The HTML as a file a browser can open: virtual URLs → file URLs, page numbers filled in. */
function standaloneHtml(html: string, issueDir: string, pages: Map<string, number>): string {
  let out = html
    .replaceAll(`${ASSET_PREFIX}styles/`, pathToFileURL(stylesDir).href + '/')
    .replaceAll(ISSUE_PREFIX, pathToFileURL(issueDir).href + '/');
  for (const pkg of FONT_PACKAGES) out = out.replaceAll(`${ASSET_PREFIX}fonts/${pkg}/`, pathToFileURL(fontPackageDir(pkg)).href + '/');
  return out.replace(/(<span class="pageref" data-pageref="([^"]+)">)0+(<\/span>)/g, (_m, open: string, id: string, close: string) => `${open}${pages.get(id) ?? ''}${close}`);
}
