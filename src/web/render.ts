/**
 * Issue model → the web edition: one HTML file for screens (templates/web/, styles/web/web.css
 * and each theme layer's styles/web/*.css), self-contained: styles inline, fonts cut to the
 * characters used and images as data: URIs. A Content-Security-Policy lets it load nothing else
 * and run no script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMAGE_BYTES, readInside } from '../core/read-file.js';
import type { AssetMap } from '../issue/assets.js';
import type { Issue } from '../issue/model.js';
import { templatesDir } from '../paths.js';
import { issueLinks } from '../render/qr.js';
import { themeVariables } from '../render/theme-css.js';
import { compileOwn, renderCompiled } from '../render/templates.js';
import { formatLabel } from '../theme/label-keys.js';
import { CSS_URL, cssTarget, type Theme } from '../theme/theme.js';
import { webPaletteCss } from './colors.js';
import { webFontFaces } from './fonts.js';
import { qrDataUri } from './qr-png.js';

const WEB_TEMPLATES = path.join(templatesDir, 'web');

/** An image as the page gets it (after any shrinking). */
export interface WebImage {
  bytes: Uint8Array;
  type: string;
  width?: number;
  height?: number;
}

export interface WebOptions {
  issue: Issue;
  theme: Theme;
  assets: AssetMap;
  /** Images as they go into the page, by their src (shrunk by the caller); the asset's bytes otherwise. */
  images?: ReadonlyMap<string, WebImage>;
  /** The PDF edition beside the page, as a relative link, when both are built. */
  pdfHref?: string;
  /** The sharing picture (og:image) beside the page: its relative URL and size. */
  shareImage?: { url: string; width: number; height: number };
}

export interface WebPage {
  html: string;
  /** Bytes of the inlined fonts and images (the rest is text and styles). */
  fontBytes: number;
  imageBytes: number;
}

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

export function mimeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const dataUri = (bytes: Uint8Array, type: string) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

let templates: { main: string; partials: Map<string, string> } | undefined;
function webTemplates(): { main: string; partials: Map<string, string> } {
  templates ??= {
    main: readFileSync(path.join(WEB_TEMPLATES, 'issue.hbs'), 'utf8'),
    partials: new Map(
      readdirSync(path.join(WEB_TEMPLATES, 'partials'))
        .filter((f) => f.endsWith('.hbs'))
        .map((f) => [f.slice(0, -4), readFileSync(path.join(WEB_TEMPLATES, 'partials', f), 'utf8')]),
    ),
  };
  return templates;
}

/** What a link preview shows: the issue and its period, and what is in it. */
export function shareText(issue: Issue, theme: Theme): { title: string; description: string } {
  const title = `${issue.title} · ${issue.period.heading}`;
  const named = issue.cover.highlights.length ? issue.cover.highlights.map((h) => h.title) : issue.articles.map((a) => a.title);
  let description = `${theme.labels.inThisIssue}: ${named.join('; ')}`;
  if (description.length > 200) description = `${description.slice(0, 199).replace(/[\s;,.:]+\S*$/, '')}…`;
  return { title, description };
}

/** A theme's web stylesheets in cascade order; a url() to a file of its folder becomes a data: URI, any other is dropped. */
async function webStyles(theme: Theme): Promise<string> {
  const out: string[] = [];
  for (const sheet of theme.webStyles) {
    const root = theme.layers[sheet.layer]!.dir;
    const refs = new Map<string, string>();
    for (const [, , ref] of sheet.text.matchAll(CSS_URL)) {
      if (ref!.startsWith('data:') || refs.has(ref!)) continue;
      const target = cssTarget(sheet, root, ref!);
      let uri = 'data:,';
      if (target) {
        try {
          uri = dataUri(await readInside(path.join(root, target), { root, max: MAX_IMAGE_BYTES }), target.endsWith('.woff2') ? 'font/woff2' : mimeOf(target));
        } catch {
          // A file the theme names but cannot be read: nothing, rather than a request.
        }
      }
      refs.set(ref!, uri);
    }
    out.push(sheet.text.replace(CSS_URL, (whole, _q: string, ref: string) => (ref.startsWith('data:') ? whole : `url(${refs.get(ref) ?? 'data:,'})`)));
  }
  return out.join('\n');
}

/** The text a reader sees in the body: what the fonts must cover. */
export function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const CSS_MARK = '/*bantin:web-css*/';

export async function renderWebHtml(options: WebOptions): Promise<WebPage> {
  const { issue, theme, assets } = options;
  const { main, partials } = webTemplates();
  const template = compileOwn('web', main, partials);
  let imageBytes = 0;
  const imageUri = new Map<string, string>();
  const imageOf = (src: string): WebImage | undefined => {
    const given = options.images?.get(src);
    if (given) return given;
    const asset = assets.get(src);
    return asset?.bytes ? { bytes: asset.bytes, type: mimeOf(asset.file), width: asset.width, height: asset.height } : undefined;
  };
  const imageUrl = (src: string): string => {
    let uri = imageUri.get(src);
    if (!uri) {
      const image = imageOf(src);
      uri = image ? dataUri(image.bytes, image.type) : 'data:,';
      imageBytes += image?.bytes.length ?? 0;
      imageUri.set(src, uri);
    }
    return uri;
  };
  let logo: string | undefined;
  if (issue.series.logo) logo = imageUrl(issue.series.logo);
  else if (theme.cover.logo) {
    const dir = theme.layers[theme.cover.logo.layer]!.dir;
    const bytes = await readInside(path.join(dir, theme.cover.logo.file), { root: dir, max: MAX_IMAGE_BYTES });
    imageBytes += bytes.length;
    logo = dataUri(bytes, mimeOf(theme.cover.logo.file));
  }
  const cover = theme.cover.image ? issue.cover.image : undefined;
  const coverImage = cover && { url: imageUrl(cover.src), alt: cover.alt ?? cover.caption ?? '', caption: cover.caption, width: imageOf(cover.src)?.width, height: imageOf(cover.src)?.height };
  const { title, description } = shareText(issue, theme);
  const links = [
    ...(issue.series.website ? [{ url: issue.series.website, label: `${theme.labels.website}: ${shortUrl(issue.series.website)}` }] : []),
    ...(issue.series.social ?? []).map((s) => ({ url: s.url, label: formatLabel(theme.labels.followOn, { network: s.label }) })),
  ];
  // The qr helper names each code (aria-label) where it finds role="img".
  const qr = new Map(issueLinks(issue).map((url) => [url, `<img class="qr-code" role="img" src="${qrDataUri(url)}">`]));
  const html = renderCompiled(
    template,
    {
      issue,
      theme: { language: theme.language },
      css: CSS_MARK,
      logo,
      coverImage,
      highlights: theme.cover.highlights ? issue.cover.groups : [],
      pdfHref: options.pdfHref,
      links,
      share: { title, description, locale: theme.language === 'vi' ? 'vi_VN' : 'en_US', image: options.shareImage },
    },
    { targets: issue.targets, qr, imageUrl, placeholder: '', labels: theme.labels },
  );
  // The fonts are cut to what the page shows, so they are made once its text is known.
  const fonts = await webFontFaces(theme, `${visibleText(html)} ·–—…“”‘’0123456789`);
  // The base's styles/web/web.css is the chain's first web sheet.
  const css = [fonts.css, themeVariables(theme), webPaletteCss(theme.colors), await webStyles(theme)]
    .filter(Boolean)
    .join('\n');
  const at = html.indexOf(CSS_MARK);
  return { html: html.slice(0, at) + css + html.slice(at + CSS_MARK.length), fontBytes: fonts.bytes, imageBytes };
}

function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return (u.hostname.replace(/^www\./, '') + u.pathname).replace(/\/$/, '');
  } catch {
    return url;
  }
}
