/**
 * One resolved theme: the chain's values merged (the child wins) and its files looked up by
 * name (the first layer that has a partial or stylesheet of that name wins), as Hugo does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Margins, PageSize } from '../issue/page.js';
import type { Labels } from './label-keys.js';
import { labelSet, type Language } from './labels.js';
import { filesIn, readChain, type ThemeLayer, type ThemeOrigin } from './layers.js';
import type { ColorKey, FontFamilyInput, ThemeInput } from './schema.js';

export interface ThemeFile {
  /** The name it is looked up by: `cover` for partials/cover.hbs, `bulletin.css` for a stylesheet. */
  name: string;
  file: string;
  /** Index of the layer it comes from (0: the chosen theme). */
  layer: number;
}

export interface Theme {
  name: string;
  /** The chosen theme first, the base last. */
  layers: ThemeLayer[];
  language: Language;
  labels: Labels;
  colors: Record<ColorKey, string>;
  fonts: { sans: FontFamilyInput & { layer: number }; serif: FontFamilyInput & { layer: number }; size: number; leading: number };
  page: { size: PageSize; margins: Partial<Record<PageSize, Partial<Margins>>>; columns: number };
  cover: { highlights: boolean; links: boolean; image: boolean; logo?: { file: string; layer: number } };
  limits: { highlights: number; tocItems: number };
  template: ThemeFile;
  partials: Map<string, ThemeFile>;
  /** In cascade order: the base's sheets (or their overrides), then each layer's new ones, parent first. */
  styles: ThemeFile[];
}

/** Reads and merges the theme `spec` names (a built-in name or a folder relative to `relativeTo`). */
export async function resolveTheme(spec: string, relativeTo: string, origin?: ThemeOrigin): Promise<Theme> {
  return mergeLayers(await readChain(spec, relativeTo, origin));
}

export function mergeLayers(layers: ThemeLayer[]): Theme {
  const rootFirst = [...layers].reverse();
  const at = (layer: ThemeLayer) => layers.indexOf(layer);
  const pick = <T>(get: (input: ThemeInput) => T | undefined): T | undefined => {
    for (const layer of layers) {
      const value = get(layer.input);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const pickFont = (which: 'sans' | 'serif') => {
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
  return {
    name: layers[0]!.name,
    layers,
    language,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.normalize('NFC')])) as Labels,
    colors,
    fonts: { sans: pickFont('sans'), serif: pickFont('serif'), size: pick((t) => t.fonts?.size) ?? 9.8, leading: pick((t) => t.fonts?.leading) ?? 1.5 },
    page: { size: pick((t) => t.page?.size) ?? 'A4', margins, columns: pick((t) => t.page?.columns) ?? 1 },
    cover: {
      highlights: pick((t) => t.cover?.highlights) ?? true,
      links: pick((t) => t.cover?.links) ?? true,
      image: pick((t) => t.cover?.image) ?? true,
      logo: logoLayer ? { file: logoLayer.input.cover!.logo!, layer: at(logoLayer) } : undefined,
    },
    limits: { highlights: pick((t) => t.limits?.highlights) ?? 6, tocItems: pick((t) => t.limits?.tocItems) ?? 0 },
    template: lookup(layers, (l) => (filesIn(l.templatesDir, '.hbs').includes('issue.hbs') ? path.join(l.templatesDir, 'issue.hbs') : undefined), 'issue'),
    partials: lookupAll(layers, (l) => path.join(l.templatesDir, 'partials'), '.hbs'),
    styles: [...lookupAll(layers, (l) => l.stylesDir, '.css').values()],
  };
}

function lookup(layers: ThemeLayer[], find: (layer: ThemeLayer) => string | undefined, name: string): ThemeFile {
  for (const [i, layer] of layers.entries()) {
    const file = find(layer);
    if (file) return { name, file, layer: i };
  }
  throw new Error(`the built-in base theme has no ${name} template`);
}

/** Every name any layer has, each from the first layer (nearest the chosen theme) that has it. */
function lookupAll(layers: ThemeLayer[], dirOf: (layer: ThemeLayer) => string, ext: string): Map<string, ThemeFile> {
  const found = new Map<string, ThemeFile>();
  // Root first, so a name keeps the place where it first appeared (a base sheet stays first).
  for (let i = layers.length - 1; i >= 0; i--) {
    const dir = dirOf(layers[i]!);
    for (const file of filesIn(dir, ext)) {
      const name = ext === '.hbs' ? file.slice(0, -ext.length) : file;
      // Map.set keeps an existing key where it was: an override takes its parent's place.
      found.set(name, { name, file: path.join(dir, file), layer: i });
    }
  }
  return found;
}

/** A theme file's text; read at every render so watch mode sees edits. */
export function readThemeFile(file: ThemeFile): string {
  return readFileSync(file.file, 'utf8');
}
