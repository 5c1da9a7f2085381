/**
 * The theme format: one zod schema validates theme.yaml, types the code and produces
 * schema/theme.schema.json (scripts/write-schema.js). Every field is optional in a child:
 * what it leaves out comes from the theme it extends, and in the end from the built-in base.
 */
import { z } from 'zod';
import { t, type MessageKey } from '../core/i18n.js';
import { en } from '../core/messages/en.js';
import { LABEL_KEYS, type LabelKey } from './label-keys.js';

/**
 * The schema is built when this module loads, before the command line has chosen the language:
 * every message is a function, put into words when a problem is found (as in issue/schema.ts).
 */
const say = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => () => t(key, params);

/** Theme colours; each becomes the CSS variable `--color-<name>`. */
export const COLOR_KEYS = [
  'ink', 'muted', 'faint', 'primary', 'primary-deep', 'accent', 'accent-soft', 'tint', 'rule', 'leader', 'on-primary', 'third', 'fourth', 'paper',
] as const;
export type ColorKey = (typeof COLOR_KEYS)[number];

/** What each colour paints, for the JSON Schema's description (English, as the schema's other words). */
const colourHelp = (key: ColorKey) => en[`theme.colour.${key}`];

const name = z.string({ error: say('theme.schema.name') }).trim().min(1, { error: say('theme.schema.name-empty') });

/** #rgb, #rrggbb, #rrggbbaa or rgb()/hsl(): a colour the page can use as it is. */
export const cssColor = z
  .string({ error: say('theme.schema.colour') })
  .trim()
  .regex(/^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\))$/, {
    error: say('theme.schema.colour-form'),
  });

const fontFile = z.strictObject({
  src: z.string({ error: say('theme.schema.font-file') }).regex(/^(?!\/)(?!.*\.\.)[^\\]+\.woff2$/, { error: say('theme.schema.font-file-form') }),
  weight: z.number({ error: say('theme.schema.weight') }).int().min(100).max(900).default(400),
  style: z.enum(['normal', 'italic'], { error: say('theme.schema.style') }).default('normal'),
});

const fontFamily = z
  .strictObject({
    family: z
      .string({ error: say('theme.schema.family') })
      .regex(/^[A-Za-z0-9 _-]+$/, { error: say('theme.schema.family-form') }),
    files: z.array(fontFile).min(1).optional().meta({ description: 'woff2 files in the theme folder, one per weight and style.' }),
    package: z
      .string({ error: say('theme.schema.package') })
      .regex(/^(@fontsource\/)?[a-z0-9-]+$/, { error: say('theme.schema.package-form') })
      .optional()
      .meta({ description: 'An installed @fontsource package; its 400/500/600/700/800 weights load when present.' }),
  })
  .meta({ description: 'A font family: bundled (family alone), from woff2 files in the theme folder, or from a fontsource package.' });

const millimetres = z.number({ error: say('issue.schema.mm') }).min(5, { error: say('theme.schema.mm-min', { min: 5 }) }).max(40, { error: say('issue.schema.mm-max', { max: 40 }) });
const margins = z.strictObject({ top: millimetres.optional(), bottom: millimetres.optional(), inside: millimetres.optional(), outside: millimetres.optional() });

const relativeFile = (what: Extract<MessageKey, `theme.schema.what.${string}`>) =>
  z
    .string({ error: () => t('theme.schema.inside', { what: t(what) }) })
    .regex(/^(?!\/)(?!.*\.\.)[^\\]+$/, { error: () => t('theme.schema.inside-form', { what: t(what) }) });

export const themeSchema = z
  .strictObject({
    name: name.meta({ description: 'The theme name, shown by `bantin theme list`.' }),
    description: name.optional().meta({ description: 'One line saying what the theme looks like.' }),
    extends: name.optional().meta({ description: 'A built-in theme (haiphong) or a folder relative to this file (./parent); default: the built-in base.' }),
    language: z.enum(['vi', 'en'], { error: say('theme.schema.language') }).optional().meta({ description: 'The label set (fixed words) the theme starts from; `labels` overrides single ones.' }),
    labels: z
      .partialRecord(z.enum(LABEL_KEYS as unknown as [LabelKey, ...LabelKey[]], { error: say('theme.schema.label-name', { known: LABEL_KEYS.join(', ') }) }), z.string({ error: say('theme.schema.words') }))
      .optional()
      .meta({ description: 'Fixed words printed by the templates; {name} is replaced by a value (see docs/themes.md).' }),
    colors: z
      .partialRecord(z.enum(COLOR_KEYS, { error: say('theme.schema.colour-name', { known: COLOR_KEYS.join(', ') }) }), cssColor)
      .optional()
      .meta({ description: `Colours, each the CSS variable --color-<name>: ${COLOR_KEYS.map((k) => `${k} (${colourHelp(k)})`).join('; ')}.` }),
    quotes: z
      .enum(['typographic', 'straight'], { error: say('theme.schema.quote-style') })
      .optional()
      .meta({ description: 'How quotes print, whatever was typed or pasted: typographic (“ ” ‘ ’, the default) or straight (" \').' }),
    fonts: z
      .strictObject({
        sans: fontFamily.optional().meta({ description: 'Headings, cover, TOC, labels.' }),
        serif: fontFamily.optional().meta({ description: 'Body text.' }),
        size: z.number({ error: say('theme.schema.size') }).min(6).max(16).optional(),
        leading: z.number({ error: say('theme.schema.leading') }).min(1).max(2.5).optional(),
      })
      .optional(),
    page: z
      .strictObject({
        size: z.enum(['A4', 'A5'], { error: say('theme.schema.page-size') }).optional(),
        margins: z.strictObject({ A4: margins.optional(), A5: margins.optional() }).optional().meta({ description: 'Default margins per paper size, in mm; an issue\'s page.margins win.' }),
        columns: z.number({ error: say('theme.schema.columns') }).int().min(1).max(2).optional().meta({ description: 'Columns of the news lists on A4. A5 pages are set in one: two columns there leave about 55 mm each, half of it taken by the QR codes.' }),
        duplex: z.boolean({ error: say('theme.schema.duplex') }).optional().meta({ description: "Two-sided printing by default (an issue's page.duplex and --duplex win)." }),
        'part-start': z.enum(['any', 'right'], { error: say('theme.schema.part-start') }).optional().meta({ description: 'With two-sided printing, `right` starts every part on a right-hand page.' }),
      })
      .optional(),
    cover: z
      .strictObject({
        highlights: z.boolean().optional().meta({ description: 'Show the "in this issue" list.' }),
        links: z.boolean().optional().meta({ description: 'Show the website and social QR codes.' }),
        image: z.boolean().optional().meta({ description: "Show the issue's cover image." }),
        logo: relativeFile('theme.schema.what.image').optional().meta({ description: "A logo from the theme folder, used when the issue's series.logo is absent." }),
      })
      .optional(),
    limits: z
      .strictObject({
        highlights: z.number().int().min(0).max(60).optional().meta({ description: 'At most this many cover highlights; with coverIndex, this many at full size and more as the compact index.' }),
        coverIndex: z
          .strictObject({ A4: z.number().int().min(1).max(80).optional(), A5: z.number().int().min(1).max(80).optional() })
          .optional()
          .meta({
            description: "The lines the cover's index holds on each paper size, a highlight or a group label a line. Set for a size, it replaces `highlights` there: more is an error (cover-overflow) on the theme's own size, and on the other size the rest are left out with a warning.",
          }),
        tocItems: z.number().int().min(0).optional().meta({ description: 'A table of contents only when the issue has more items than this (default 0: always).' }),
      })
      .optional(),
  })
  .meta({ title: 'bantin theme', description: 'A bantin theme: colours, fonts, labels and layout choices; partials and CSS files beside it override the parent’s by name.' });

export type ThemeInput = z.output<typeof themeSchema>;
export type FontFamilyInput = z.output<typeof fontFamily>;
export type MarginsInput = z.output<typeof margins>;
