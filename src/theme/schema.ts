/**
 * The theme format: one zod schema validates theme.yaml, types the code and produces
 * schema/theme.schema.json (scripts/write-schema.js). Every field is optional in a child:
 * what it leaves out comes from the theme it extends, and in the end from the built-in base.
 */
import { z } from 'zod';
import { LABEL_KEYS, type LabelKey } from './label-keys.js';

/** Theme colours; each becomes the CSS variable `--color-<name>`. */
export const COLOR_KEYS = [
  'ink', 'muted', 'faint', 'primary', 'primary-deep', 'accent', 'accent-soft', 'tint', 'rule', 'leader', 'on-primary', 'third', 'fourth', 'paper',
] as const;
export type ColorKey = (typeof COLOR_KEYS)[number];

const COLOR_HELP: Record<ColorKey, string> = {
  ink: 'body text',
  muted: 'secondary text: dates, captions, the running footer',
  faint: 'tertiary text: the web host after a source',
  primary: 'the main colour: cover band, titles, page numbers, part rules',
  'primary-deep': 'the dark end of the cover band gradient',
  accent: 'highlights: part labels, TOC numbers, links, the cover stripe',
  'accent-soft': 'light accent text on the cover band (the issue number line)',
  tint: 'light backgrounds: TOC part rows, boxes',
  rule: 'thin rules between items',
  leader: 'the dotted TOC leaders',
  'on-primary': 'text and marks on the primary and accent colours',
  third: 'a third colour beside primary and accent, for themes that colour each part (hcm-infographic)',
  fourth: 'a fourth such colour',
  paper: 'the page: behind TOC titles and page numbers, which hide the dot leader where they stand',
};

const name = z.string({ error: 'expected a name (text)' }).trim().min(1, { error: 'expected a name, got an empty text' });

/** #rgb, #rrggbb, #rrggbbaa or rgb()/hsl(): a colour the page can use as it is. */
export const cssColor = z
  .string({ error: 'expected a colour such as "#0c3460"' })
  .trim()
  .regex(/^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\))$/, {
    error: 'expected a colour written #rrggbb (e.g. "#0c3460", in quotes) or rgb(…)/hsl(…)',
  });

const fontFile = z.strictObject({
  src: z.string({ error: 'expected a .woff2 file inside the theme folder' }).regex(/^(?!\/)(?!.*\.\.)[^\\]+\.woff2$/, { error: 'expected a .woff2 file inside the theme folder, e.g. fonts/inter-400.woff2' }),
  weight: z.number({ error: 'expected a weight such as 400 or 700' }).int().min(100).max(900).default(400),
  style: z.enum(['normal', 'italic'], { error: 'expected normal or italic' }).default('normal'),
});

const fontFamily = z
  .strictObject({
    family: z
      .string({ error: 'expected a font family name' })
      .regex(/^[A-Za-z0-9 _-]+$/, { error: 'expected a font family name of letters, digits, spaces and hyphens' }),
    files: z.array(fontFile).min(1).optional().meta({ description: 'woff2 files in the theme folder, one per weight and style.' }),
    package: z
      .string({ error: 'expected a fontsource package name' })
      .regex(/^(@fontsource\/)?[a-z0-9-]+$/, { error: 'expected a fontsource package name such as @fontsource/noto-serif' })
      .optional()
      .meta({ description: 'An installed @fontsource package; its 400/500/600/700/800 weights load when present.' }),
  })
  .meta({ description: 'A font family: bundled (family alone), from woff2 files in the theme folder, or from a fontsource package.' });

const millimetres = z.number({ error: 'expected a length in millimetres, e.g. 16' }).min(5, { error: 'expected at least 5 mm' }).max(40, { error: 'expected at most 40 mm' });
const margins = z.strictObject({ top: millimetres.optional(), bottom: millimetres.optional(), inside: millimetres.optional(), outside: millimetres.optional() });

const relativeFile = (what: string) =>
  z.string({ error: `expected ${what} inside the theme folder` }).regex(/^(?!\/)(?!.*\.\.)[^\\]+$/, { error: `expected ${what} inside the theme folder (no "..", no absolute path)` });

export const themeSchema = z
  .strictObject({
    name: name.meta({ description: 'The theme name, shown by `bantin theme list`.' }),
    description: name.optional().meta({ description: 'One line saying what the theme looks like.' }),
    extends: name.optional().meta({ description: 'A built-in theme (haiphong) or a folder relative to this file (./parent); default: the built-in base.' }),
    language: z.enum(['vi', 'en'], { error: 'expected a label set: vi or en' }).optional().meta({ description: 'The label set (fixed words) the theme starts from; `labels` overrides single ones.' }),
    labels: z
      .partialRecord(z.enum(LABEL_KEYS as unknown as [LabelKey, ...LabelKey[]], { error: `expected a label name: ${LABEL_KEYS.join(', ')}` }), z.string({ error: 'expected the words (text)' }))
      .optional()
      .meta({ description: 'Fixed words printed by the templates; {name} is replaced by a value (see docs/themes.md).' }),
    colors: z
      .partialRecord(z.enum(COLOR_KEYS, { error: `expected a colour name: ${COLOR_KEYS.join(', ')}` }), cssColor)
      .optional()
      .meta({ description: `Colours, each the CSS variable --color-<name>: ${COLOR_KEYS.map((k) => `${k} (${COLOR_HELP[k]})`).join('; ')}.` }),
    fonts: z
      .strictObject({
        sans: fontFamily.optional().meta({ description: 'Headings, cover, TOC, labels.' }),
        serif: fontFamily.optional().meta({ description: 'Body text.' }),
        size: z.number({ error: 'expected the body size in points, e.g. 9.8' }).min(6).max(16).optional(),
        leading: z.number({ error: 'expected the line height as a ratio, e.g. 1.5' }).min(1).max(2.5).optional(),
      })
      .optional(),
    page: z
      .strictObject({
        size: z.enum(['A4', 'A5'], { error: 'expected a page size: A4 or A5' }).optional(),
        margins: z.strictObject({ A4: margins.optional(), A5: margins.optional() }).optional().meta({ description: 'Default margins per paper size, in mm; an issue\'s page.margins win.' }),
        columns: z.number({ error: 'expected 1 or 2 columns' }).int().min(1).max(2).optional().meta({ description: 'Columns of the news lists.' }),
        duplex: z.boolean({ error: 'expected true or false' }).optional().meta({ description: "Two-sided printing by default (an issue's page.duplex and --duplex win)." }),
        'part-start': z.enum(['any', 'right'], { error: 'expected any or right' }).optional().meta({ description: 'With two-sided printing, `right` starts every part on a right-hand page.' }),
      })
      .optional(),
    cover: z
      .strictObject({
        highlights: z.boolean().optional().meta({ description: 'Show the "in this issue" list.' }),
        links: z.boolean().optional().meta({ description: 'Show the website and social QR codes.' }),
        image: z.boolean().optional().meta({ description: "Show the issue's cover image." }),
        logo: relativeFile('an image').optional().meta({ description: "A logo from the theme folder, used when the issue's series.logo is absent." }),
      })
      .optional(),
    limits: z
      .strictObject({
        highlights: z.number().int().min(0).max(60).optional().meta({ description: 'At most this many cover highlights.' }),
        tocItems: z.number().int().min(0).optional().meta({ description: 'A table of contents only when the issue has more items than this (default 0: always).' }),
      })
      .optional(),
  })
  .meta({ title: 'bantin theme', description: 'A bantin theme: colours, fonts, labels and layout choices; partials and CSS files beside it override the parent’s by name.' });

export type ThemeInput = z.output<typeof themeSchema>;
export type FontFamilyInput = z.output<typeof fontFamily>;
export type MarginsInput = z.output<typeof margins>;
