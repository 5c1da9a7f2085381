/** --html: the rendered page as a file a browser can open beside the PDF. */
import { pathToFileURL } from 'node:url';
import { FONT_PACKAGES, fontPackageDir, stylesDir } from '../paths.js';
import { themeFiles } from '../render/theme-css.js';
import { ASSET_PREFIX, ISSUE_PREFIX } from '../render/urls.js';
import type { Theme } from '../theme/theme.js';

/** The HTML as a file a browser can open: virtual URLs → file URLs, page numbers filled in. */
export function standaloneHtml(html: string, issueDir: string, pages: ReadonlyMap<string, number>, theme: Theme): string {
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
