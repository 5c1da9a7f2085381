/**
 * One resolved theme: the chain's values merged (the child wins) and its files looked up by
 * name (the first layer that has a partial or stylesheet of that name wins), as Hugo does.
 * Every file is read here, once, through the one reader (core/read-file.ts): a regular file
 * inside its layer's folder, capped. The fonts and logo the page reads later are checked here
 * too, so a missing or oversized one is an error at its line in theme.yaml, before printing.
 */
import path from 'node:path';
import type { QuoteStyle } from '../render/quotes.js';
import { UserError } from '../core/diagnostics.js';
import { isWithin, ReadProblem, readInside, MAX_THEME_TEXT_BYTES } from '../core/read-file.js';
import type { Margins, PageSize, PartStart } from '../issue/page.js';
import { templatesDir } from '../paths.js';
import { checkThemeAssets, type ThemeFont } from './assets.js';
import type { Labels } from './label-keys.js';
import { labelSet, type Language } from './labels.js';
import { filesIn, layerRoot, readChain, shownPath, type ThemeLayer, type ThemeOrigin } from './layers.js';
import type { ColorKey, ThemeInput } from './schema.js';
import { t as say } from '../core/i18n.js';

export type { ThemeFont } from './assets.js';

export interface ThemeFile {
  /** The name it is looked up by: `cover` for partials/cover.hbs, `bulletin.css` for a stylesheet. */
  name: string;
  file: string;
  /** Index of the layer it comes from (0: the chosen theme). */
  layer: number;
  /** Its text, read when the theme was resolved (watch mode resolves the theme again at every rebuild). */
  text: string;
}

export interface Theme {
  name: string;
  /** The chosen theme first, the base last. */
  layers: ThemeLayer[];
  language: Language;
  /** How quotes print (render/quotes.ts). */
  quotes: QuoteStyle;
  labels: Labels;
  colors: Record<ColorKey, string>;
  fonts: { sans: ThemeFont; serif: ThemeFont; size: number; leading: number };
  page: { size: PageSize; margins: Partial<Record<PageSize, Partial<Margins>>>; columns: number; duplex: boolean; partStart: PartStart };
  cover: { highlights: boolean; links: boolean; image: boolean; logo?: { file: string; layer: number } };
  /** `coverIndex`: the lines the cover's index holds per paper size (theme/cover-fit.ts), when the theme sets them. */
  limits: { highlights: number; tocItems: number; coverIndex: Partial<Record<PageSize, number>> };
  template: ThemeFile;
  partials: Map<string, ThemeFile>;
  /** In cascade order: the base's sheets (or their overrides), then each layer's new ones, parent first. */
  styles: ThemeFile[];
  /** The web edition's sheets (styles/web/*.css in each layer), in the same cascade order. */
  webStyles: ThemeFile[];
}

/**
 * Reads and merges the theme `spec` names (a built-in name or a folder relative to `relativeTo`).
 * `origin` says where it was named (series.theme, to point at its line and keep the chain
 * inside the issue's folder).
 */
export async function resolveTheme(spec: string, relativeTo: string, origin?: ThemeOrigin): Promise<Theme> {
  return mergeLayers(await readChain(spec, relativeTo, origin));
}

type Found = Omit<ThemeFile, 'text'>;

export async function mergeLayers(layers: ThemeLayer[]): Promise<Theme> {
  const rootFirst = [...layers].reverse();
  const at = (layer: ThemeLayer) => layers.indexOf(layer);
  const pick = <T>(get: (input: ThemeInput) => T | undefined): T | undefined => {
    for (const layer of layers) {
      const value = get(layer.input);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const pickFont = (which: 'sans' | 'serif'): ThemeFont => {
    const layer = layers.find((l) => l.input.fonts?.[which])!;
    return { ...layer.input.fonts![which]!, layer: at(layer) };
  };
  const language = pick((t) => t.language) ?? 'vi';
  const labels: Labels = { ...labelSet(language) };
  const colors = {} as Record<ColorKey, string>;
  const margins: Theme['page']['margins'] = {};
  for (const layer of rootFirst) {
    Object.assign(labels, layer.input.labels);
    Object.assign(colors, layer.input.colors);
    for (const size of ['A4', 'A5'] as const) margins[size] = { ...margins[size], ...layer.input.page?.margins?.[size] };
  }
  const logoLayer = layers.find((l) => l.input.cover?.logo);
  const files = await readFiles(layers);
  const theme: Theme = {
    name: layers[0]!.name,
    layers,
    language,
    quotes: pick((t) => t.quotes) ?? 'typographic',
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.normalize('NFC')])) as Labels,
    colors,
    fonts: { sans: pickFont('sans'), serif: pickFont('serif'), size: pick((t) => t.fonts?.size) ?? 9.8, leading: pick((t) => t.fonts?.leading) ?? 1.5 },
    page: {
      size: pick((t) => t.page?.size) ?? 'A4',
      margins,
      columns: pick((t) => t.page?.columns) ?? 1,
      duplex: pick((t) => t.page?.duplex) ?? false,
      partStart: pick((t) => t.page?.['part-start']) ?? 'any',
    },
    cover: {
      highlights: pick((t) => t.cover?.highlights) ?? true,
      links: pick((t) => t.cover?.links) ?? true,
      image: pick((t) => t.cover?.image) ?? true,
      logo: logoLayer ? { file: logoLayer.input.cover!.logo!, layer: at(logoLayer) } : undefined,
    },
    limits: {
      highlights: pick((t) => t.limits?.highlights) ?? 6,
      tocItems: pick((t) => t.limits?.tocItems) ?? 0,
      coverIndex: { A4: pick((t) => t.limits?.coverIndex?.A4), A5: pick((t) => t.limits?.coverIndex?.A5) },
    },
    ...files,
  };
  const diagnostics = await checkThemeAssets(theme);
  if (diagnostics.length > 0) throw new UserError(say('theme.has-errors', { name: theme.name }), diagnostics);
  return theme;
}

/** The issue template, the partials and the stylesheets the chain gives, looked up and read. */
async function readFiles(layers: ThemeLayer[]): Promise<Pick<Theme, 'template' | 'partials' | 'styles' | 'webStyles'>> {
  const [template, partials, styles, webStyles] = await Promise.all([
    findTemplate(layers),
    lookupAll(layers, (l) => path.join(l.templatesDir, 'partials'), '.hbs'),
    lookupAll(layers, (l) => l.stylesDir, '.css'),
    lookupAll(layers, (l) => path.join(l.stylesDir, 'web'), '.css'),
  ]);
  const read = (found: Found, kind: 'templates' | 'styles') => readThemeText(found, layerRoot(layers[found.layer]!, kind));
  const [main, partialTexts, styleTexts, webTexts] = await Promise.all([
    read(template, 'templates'),
    Promise.all([...partials.values()].map((p) => read(p, 'templates'))),
    Promise.all([...styles.values()].map((s) => read(s, 'styles'))),
    Promise.all([...webStyles.values()].map((s) => read(s, 'styles'))),
  ]);
  return { template: main, partials: new Map(partialTexts.map((p) => [p.name, p])), styles: styleTexts, webStyles: webTexts };
}

/** A partial's or stylesheet's text, through the reader: a regular file inside `root`, capped. */
async function readThemeText(found: Found, root: string): Promise<ThemeFile> {
  try {
    return { ...found, text: (await readInside(found.file, { root, max: MAX_THEME_TEXT_BYTES })).toString('utf8') };
  } catch (error) {
    if (!(error instanceof ReadProblem)) throw error;
    throw new UserError(say('theme.cannot-read-file', { file: shownPath(found.file), reason: error.message }));
  }
}

async function findTemplate(layers: ThemeLayer[]): Promise<Found> {
  for (const [i, layer] of layers.entries()) {
    if ((await filesIn(layer.templatesDir, '.hbs')).includes('issue.hbs')) return { name: 'issue', file: path.join(layer.templatesDir, 'issue.hbs'), layer: i };
  }
  throw new Error(say('theme.base-no-template'));
}

/** Every name any layer has, each from the first layer (nearest the chosen theme) that has it. */
async function lookupAll(layers: ThemeLayer[], dirOf: (layer: ThemeLayer) => string, ext: string): Promise<Map<string, Found>> {
  const listed = await Promise.all(layers.map((layer) => filesIn(dirOf(layer), ext)));
  const found = new Map<string, Found>();
  // Root first, so a name keeps the place where it first appeared (a base sheet stays first).
  for (let i = layers.length - 1; i >= 0; i--) {
    const dir = dirOf(layers[i]!);
    for (const file of listed[i]!) {
      const name = ext === '.hbs' ? file.slice(0, -ext.length) : file;
      // Map.set keeps an existing key where it was: an override takes its parent's place.
      found.set(name, { name, file: path.join(dir, file), layer: i });
    }
  }
  return found;
}

/** A theme file's text, as read when the theme was resolved. */
export function readThemeFile(file: ThemeFile): string {
  return file.text;
}

/** `url(…)` in a stylesheet: the quote and the reference. */
export const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** Where a stylesheet's url(ref) leads, relative to its layer's folder; undefined for a URL, a fragment or a way out. */
export function cssTarget(sheet: ThemeFile, root: string, ref: string): string | undefined {
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('#')) return undefined;
  const target = path.relative(root, path.resolve(path.dirname(sheet.file), ref));
  return target.startsWith('..') || path.isAbsolute(target) ? undefined : target;
}

/**
 * Every file of the theme chain that bantin or the page reads: each theme.yaml, the templates,
 * stylesheets and what their url()s name, fonts (files and packages), the logo, the label set.
 * An output must be none of them (commands/output-guard.ts).
 */
export function themeInputs(theme: Theme): string[] {
  const files = new Set<string>(theme.layers.map((l) => l.file));
  for (const file of [theme.template, ...theme.partials.values(), ...theme.styles, ...theme.webStyles]) files.add(file.file);
  for (const sheet of [...theme.styles, ...theme.webStyles]) {
    const root = theme.layers[sheet.layer]!.dir;
    for (const [, , ref] of sheet.text.matchAll(CSS_URL)) {
      const target = cssTarget(sheet, root, ref!);
      if (target) files.add(path.join(root, target));
    }
  }
  for (const font of [theme.fonts.sans, theme.fonts.serif]) {
    const dir = theme.layers[font.layer]!.dir;
    for (const file of font.files ?? []) files.add(path.join(dir, file.src));
    for (const sheet of font.fontsource?.sheets ?? []) {
      files.add(sheet.file);
      for (const [, rel] of sheet.text.matchAll(/url\(\.\/(files\/[^)]+)\)/g)) {
        const file = path.resolve(font.fontsource!.dir, rel!);
        if (isWithin(font.fontsource!.dir, file)) files.add(file);
      }
    }
  }
  if (theme.cover.logo) files.add(path.join(theme.layers[theme.cover.logo.layer]!.dir, theme.cover.logo.file));
  files.add(path.join(templatesDir, 'labels', `${theme.language}.yaml`));
  return [...files];
}
