/**
 * The page's only source of bytes. Every request is checked: the page document, bantin's
 * own styles and fonts, the theme's own files (styles, fonts, images) and the images the issue
 * declared; anything else is refused and reported. Nothing reaches the network or reads files
 * the issue and its theme did not bring.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { maxBytesFor, readRegular } from '../core/read-file.js';
import type { AssetMap, ImageAsset } from '../issue/assets.js';
import type { ImageFilter } from './downsample.js';
import { isInside } from '../issue/assets.js';
import { FONT_PACKAGES, fontPackageDir, stylesDir, type FontPackage } from '../paths.js';
import { ASSET_PREFIX, ISSUE_PREFIX, PAGE_URL } from '../render/urls.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** No script may run in the page, whatever the content; bantin's own evaluate() is not a page script. */
const CSP = "default-src 'none'; style-src 'unsafe-inline' https://bantin.invalid; font-src https://bantin.invalid; img-src https://bantin.invalid; script-src 'none'";

/** The theme's folders (by layer, as theme-css.ts numbers them) and the fontsource packages it names. */
export interface ThemeFiles {
  roots: readonly string[];
  fontsource: ReadonlyMap<string, string>;
}

export interface PageContent {
  html: string;
  assets: AssetMap;
  themeFiles?: ThemeFiles;
  /** Applied to the issue's images before the page gets them (the screen profile shrinks them). */
  imageFilter?: ImageFilter;
}

export interface RequestLog {
  blocked: string[];
  failed: string[];
}

/** A theme's files the page may read: its stylesheets' images, its fonts. */
const THEME_FILE = /\.(css|woff2?|png|jpe?g|webp|gif|svg)$/i;

/** Maps an asset URL to a file of bantin's or of the theme's, or undefined when it is neither. */
export function bantinFile(url: string, theme?: ThemeFiles): string | undefined {
  if (!url.startsWith(ASSET_PREFIX)) return undefined;
  const rest = decodeURIComponent(url.slice(ASSET_PREFIX.length).split(/[?#]/)[0]!);
  const [kind, ...parts] = rest.split('/');
  const relative = parts.join('/');
  if (kind === 'styles') {
    const file = path.resolve(stylesDir, relative);
    return isInside(stylesDir, file) ? file : undefined;
  }
  if (kind === 'theme' && theme) {
    const [layer, ...inner] = parts;
    const root = theme.roots[Number(layer)];
    if (!root || !/^\d+$/.test(layer!)) return undefined;
    const file = path.resolve(root, inner.join('/'));
    if (!isInside(root, file) || !THEME_FILE.test(file)) return undefined;
    // A link inside the theme folder must not lead out of it.
    try {
      return isInside(root, realpathSync(file)) ? file : undefined;
    } catch {
      return undefined;
    }
  }
  if (kind === 'fontsource' && theme) {
    const [pkg, ...inner] = parts;
    const root = theme.fontsource.get(pkg!);
    if (!root) return undefined;
    const file = path.resolve(root, inner.join('/'));
    return isInside(root, file) && /\.woff2?$/.test(file) ? file : undefined;
  }
  if (kind === 'fonts') {
    const [pkg, ...inner] = parts;
    if (!FONT_PACKAGES.includes(pkg as FontPackage)) return undefined;
    const root = fontPackageDir(pkg as FontPackage);
    const file = path.resolve(root, inner.join('/'));
    return isInside(root, file) && /\.(css|woff2?)$/.test(file) ? file : undefined;
  }
  return undefined;
}

export async function servePage(page: Page, content: () => PageContent, log: RequestLog): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    void answer(request, content(), log).catch((error: unknown) => {
      log.failed.push(`${request.url()}: ${(error as Error).message}`);
      if (!request.isInterceptResolutionHandled()) void request.abort('failed').catch(() => undefined);
    });
  });
}

async function answer(request: HTTPRequest, content: PageContent, log: RequestLog): Promise<void> {
  const url = request.url();
  if (url === PAGE_URL) {
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP }, body: content.html });
  }
  const own = bantinFile(url, content.themeFiles);
  if (own) return respondFile(request, own);
  if (url.startsWith(ISSUE_PREFIX)) {
    const src = url.slice(ISSUE_PREFIX.length).split(/[?#]/)[0]!.split('/').map(decodeURIComponent).join('/');
    const asset = findAsset(content.assets, src);
    if (asset) return respondBytes(request, asset.bytes ?? (await readFile(asset.file)), asset.file, content.imageFilter);
  }
  if (url.startsWith('data:')) return request.continue();
  log.blocked.push(url);
  return request.abort('blockedbyclient');
}

/**
 * The issue's image the page asks for. The page's URL is normalised by Chromium
 * (`./x.png`, `images/../x.png` → `x.png`): the YAML's spelling is normalised the same way.
 */
export function findAsset(assets: AssetMap, src: string): ImageAsset | undefined {
  const exact = assets.get(src);
  if (exact) return exact;
  for (const asset of assets.values()) if (path.posix.normalize(asset.src.replace(/\\/g, '/')) === path.posix.normalize(src)) return asset;
  return undefined;
}

async function respondFile(request: HTTPRequest, file: string, filter?: ImageFilter): Promise<void> {
  // Through the one reader: a theme's font or image that became a FIFO or grew past its cap
  // since the theme was checked is refused, never waited on (core/read-file.ts).
  return respondBytes(request, await readRegular(file, maxBytesFor(file)), file, filter);
}

async function respondBytes(request: HTTPRequest, bytes: Uint8Array, file: string, filter?: ImageFilter): Promise<void> {
  let body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (filter) ({ bytes: body, type } = await filter(body, type));
  return request.respond({ status: 200, contentType: type, body, headers: { 'Access-Control-Allow-Origin': '*' } });
}
