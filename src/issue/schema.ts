/**
 * The issue format: one zod schema is the source of truth for validation, for the
 * TypeScript types (`IssueInput`) and for the JSON Schema shipped to editors
 * (`schema/issue.schema.json`, written by scripts/write-schema.js).
 */
import { z } from 'zod';
import { t, type MessageKey } from '../core/i18n.js';
import { en } from '../core/messages/en.js';
import { BIDI_CONTROL, bidiMessage } from './bidi.js';
import { cleanValue, controlCharMessage, firstControlChar } from './text.js';
import { isoForTyped } from './typed-date.js';

/**
 * The schema is built when this module loads, before the command line has chosen the language:
 * every message is a function, so that it is put into words when a problem is found.
 */
const say = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => () => t(key, params);

/** What a text field holds ("a title"), for "expected {what} (text)". */
type What = Extract<MessageKey, `issue.schema.what.${string}`>;

/**
 * Printed text: composed (NFC), without zero-width characters, trimmed, not empty, and without
 * control characters (a YAML escape such as "\a" can still put one in a value; see text.ts).
 */
const text = (what: What) =>
  z
    .string({ error: () => t('issue.schema.text', { what: t(what) }) })
    .overwrite(cleanValue)
    .trim()
    .min(1, { error: () => t('issue.schema.text-empty', { what: t(what) }) })
    .refine((value) => firstControlChar(value) === undefined, {
      error: (issue) => controlCharMessage(firstControlChar(String(issue.input))?.char ?? '\u0000'),
    })
    .refine((value) => !BIDI_CONTROL.test(value), { error: (issue) => bidiMessage(BIDI_CONTROL.exec(String(issue.input))?.[0] ?? '\u202E') });

/** Only http(s): `javascript:`, `file:` and `data:` links never reach a QR code or a PDF link. */
export const MAX_URL_LENGTH = 2000;

export const httpUrl = z
  .string({ error: say('issue.schema.url') })
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: say('issue.schema.url-example') },
  )
  // A space or control character inside an address would go into the QR code as it is.
  .refine((value) => !/[\s\u0000-\u001F\u007F-\u009F]/.test(value), { error: say('issue.schema.url-spaces') })
  // A QR code holds about 2,300 characters of a URL at the error correction bantin prints.
  .refine((value) => value.length <= MAX_URL_LENGTH, { error: say('issue.schema.url-long', { max: MAX_URL_LENGTH }) })
  .meta({ format: 'uri', maxLength: MAX_URL_LENGTH, description: 'An http(s) address; printed as a link and a QR code.' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date written the ISO way; printed the Vietnamese way (25/5). */
export const isoDate = z
  .string({ error: say('issue.schema.date') })
  .trim()
  .refine(
    (value) => {
      const match = ISO_DATE.exec(value);
      if (!match) return false;
      const [, y, m, d] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: (issue) => typedDateMessage(issue.input) ?? t('issue.schema.date-real') },
  )
  .meta({ format: 'date' });

/** "write 2026-04-20" for a date typed 20/4/2026, which the file must hold the ISO way. */
function typedDateMessage(input: unknown): string | undefined {
  const iso = typeof input === 'string' ? isoForTyped(input) : undefined;
  return iso ? t('issue.schema.date-typed', { written: String(input).trim(), iso }) : undefined;
}

const ISO_RANGE = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** An item's date: one day, or a span written "2025-10-13/2025-10-15" or {start, end}; printed 13–15/10. */
export const dateValue = z
  .union(
    [
      z.string().trim().refine(
        (value) => {
          const range = ISO_RANGE.exec(value);
          return (range ? [range[1]!, range[2]!] : [value]).every((day) => isoDate.safeParse(day).success);
        },
        // A single date keeps the single date's message; a slash between two ISO dates means a range.
        { error: (issue) => typedDateMessage(issue.input) ?? t(/^\d{4}-\d+-\d+\//.test(String(issue.input)) ? 'issue.schema.date-or-range' : 'issue.schema.date-real') },
      ),
      z.strictObject({ start: isoDate, end: isoDate }),
    ],
    { error: say('issue.schema.date-or-range') },
  )
  .meta({ description: 'A date YYYY-MM-DD, or a span: YYYY-MM-DD/YYYY-MM-DD or {start, end} (printed 13–15/10).' });

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** What the issue covers: a week, a month (2025-10) or any span of days with its own label. */
export const periodSchema = z
  .strictObject({
    week: z.strictObject({ start: isoDate, end: isoDate }).optional().meta({ description: 'A week: printed "Tuần từ 25/5 – 31/5/2026".' }),
    month: z
      .string({ error: say('issue.schema.month') })
      .trim()
      .regex(MONTH, { error: say('issue.schema.month') })
      .optional()
      .meta({ description: 'A month: printed "Tháng 10/2025"; `bantin new` moves it by one month.' }),
    start: isoDate.optional().meta({ description: 'First day of a span of days (with end).' }),
    end: isoDate.optional().meta({ description: 'Last day of a span of days (with start).' }),
    label: text('issue.schema.what.period-label').optional().meta({ description: 'How the period is printed (default: the dates, or the month).' }),
  })
  .superRefine((period, ctx) => {
    const kinds = [period.week, period.month, period.start ?? period.end].filter((v) => v !== undefined).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: t('issue.schema.period-kind') });
    else if ((period.start === undefined) !== (period.end === undefined)) {
      ctx.addIssue({ code: 'custom', path: [period.start === undefined ? 'start' : 'end'], message: t('issue.schema.period-both') });
    }
  })
  .meta({ description: 'What the issue covers: week: {start, end}, month: YYYY-MM, or start/end dates with an optional label.' });

const millimetres = z
  .number({ error: say('issue.schema.mm') })
  .min(5, { error: say('issue.schema.mm-min', { min: 5 }) })
  .max(40, { error: say('issue.schema.mm-max', { max: 40 }) });

export const articleId = z
  .string({ error: say('issue.schema.id') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: say('issue.schema.id-form') });

/** The JSON Schema's description stays English (editors' tooling): the English words, capitalised. */
const markdown = (what: What) =>
  text(what).meta({ description: `${en[what].charAt(0).toUpperCase()}${en[what].slice(1)}, in Markdown (raw HTML is not allowed).` });

export const imageSchema = z
  .strictObject({
    src: text('issue.schema.what.image-src').meta({
      description: 'Path of a PNG, JPEG, WebP, GIF or SVG file, relative to the issue file and inside its folder.',
    }),
    caption: text('issue.schema.what.caption').optional(),
    credit: text('issue.schema.what.credit').optional(),
    alt: text('issue.schema.what.alt')
      .optional()
      .meta({ description: 'What the image shows, for screen readers (the PDF\'s alternative text); without it the caption is used.' }),
  })
  .meta({ description: 'An image with an optional caption, credit and alternative text.' });

const sourceSchema = z
  .strictObject({
    name: text('issue.schema.what.source-name'),
    url: httpUrl.optional(),
  })
  .meta({ description: 'Where the item comes from: "Chi tiết: <name>" with a QR code to the URL, or "Nguồn: <name>" when there is no URL.' });

/** "Nguồn: SGGP" under a block: where its words or figures come from. */
const blockSource = sourceSchema.optional().meta({ description: 'The source line printed under the block ("Nguồn: <name>", a link when it has a URL).' });

const quoteBlock = z
  .strictObject({
    type: z.literal('quote'),
    text: text('issue.schema.what.quote'),
    speaker: text('issue.schema.what.speaker'),
    role: text('issue.schema.what.role').optional(),
    image: imageSchema.optional().meta({ description: "The speaker's portrait, printed small beside the quote." }),
    source: blockSource,
  })
  .meta({ description: 'A quote with its speaker, role and optional portrait.' });

export const MAX_FIGURES = 4;

const figuresBlock = z
  .strictObject({
    type: z.literal('figures'),
    title: text('issue.schema.what.title').optional(),
    items: z
      .array(z.strictObject({ value: text('issue.schema.what.figure'), label: text('issue.schema.what.figure-label') }))
      .min(1, { error: say('issue.schema.figures-min') })
      .max(MAX_FIGURES, { error: say('issue.schema.figures-max', { max: MAX_FIGURES }) }),
    source: blockSource,
  })
  .meta({ description: `Key figures: a big value over its label, 1–${MAX_FIGURES} in a row.` });

const boxBlock = z.strictObject({
  type: z.literal('box'),
  title: text('issue.schema.what.box-title'),
  subtitle: text('issue.schema.what.subtitle').optional(),
  body: markdown('issue.schema.what.box-text'),
  url: httpUrl.optional(),
  urlLabel: text('issue.schema.what.qr-label').optional(),
  source: blockSource,
});

const relatedItem = z
  .strictObject({
    date: dateValue,
    title: text('issue.schema.what.activity'),
    body: markdown('issue.schema.what.activity-text').optional(),
    source: sourceSchema.optional(),
  })
  .meta({ description: 'One dated activity: date, title, optional text and source.' });

const relatedBlock = z
  .strictObject({
    type: z.literal('related'),
    title: text('issue.schema.what.box-title').optional().meta({ description: 'Default: the theme\'s label ("Hoạt động liên quan").' }),
    items: z.array(relatedItem).min(1, { error: say('issue.schema.related-min') }),
    source: blockSource,
  })
  .meta({ description: 'A "Hoạt động liên quan" box: a list of dated activities.' });

export const MAX_FLOW_STEPS = 6;

const flowBlock = z
  .strictObject({
    type: z.literal('flow'),
    title: text('issue.schema.what.title').optional(),
    steps: z
      .array(text('issue.schema.what.step'))
      .min(2, { error: say('issue.schema.flow-min') })
      .max(MAX_FLOW_STEPS, { error: say('issue.schema.flow-max', { max: MAX_FLOW_STEPS }) }),
    source: blockSource,
  })
  .meta({ description: `A process: 2–${MAX_FLOW_STEPS} steps in order, drawn as boxes joined by arrows (a numbered list in the PDF's tags).` });

const timelinePhase = z
  .strictObject({
    period: text('issue.schema.what.phase-period').meta({ description: 'When: a date, a span or a period as printed, e.g. 2025–2026 or Quý I/2026.' }),
    title: text('issue.schema.what.title').optional(),
    text: markdown('issue.schema.what.phase-text').optional(),
  })
  .meta({ description: 'One phase: its period, an optional title and text.' });

const timelineBlock = z
  .strictObject({
    type: z.literal('timeline'),
    title: text('issue.schema.what.title').optional(),
    phases: z.array(timelinePhase).min(2, { error: say('issue.schema.timeline-min') }),
    source: blockSource,
  })
  .meta({ description: 'Phases in time order on a line, each with its period (a list in the PDF\'s tags).' });

export const MAX_PANELS = 3;

const panel = z
  .strictObject({
    title: text('issue.schema.what.panel-title'),
    items: z.array(markdown('issue.schema.what.panel-item')).min(1, { error: say('issue.schema.panel-items-min') }),
  })
  .meta({ description: 'A box with a title over a list (each item one line of Markdown).' });

const panelsBlock = z
  .strictObject({
    type: z.literal('panels'),
    title: text('issue.schema.what.title').optional(),
    panels: z
      .array(panel)
      .min(2, { error: say('issue.schema.panels-count', { max: MAX_PANELS }) })
      .max(MAX_PANELS, { error: say('issue.schema.panels-count', { max: MAX_PANELS }) }),
    source: blockSource,
  })
  .meta({ description: `2–${MAX_PANELS} boxes side by side, each a title over a list (stacked on a narrow column or a phone).` });

export const MAX_BREAKDOWN_GROUPS = 8;

const breakdownGroup = z
  .strictObject({
    label: text('issue.schema.what.group-label'),
    value: z
      .number({ error: say('issue.schema.breakdown-value') })
      .positive({ error: say('issue.schema.breakdown-value') })
      .meta({ description: 'How many of the total the group holds (the width of its part of the bar).' }),
    items: z.array(markdown('issue.schema.what.panel-item')).optional().meta({ description: 'What the group holds, printed as a list under its label.' }),
  })
  .meta({ description: 'One group of a breakdown: its label, its value and an optional list.' });

const breakdownBlock = z
  .strictObject({
    type: z.literal('breakdown'),
    title: text('issue.schema.what.title').optional(),
    total: z
      .number({ error: say('issue.schema.breakdown-value') })
      .positive({ error: say('issue.schema.breakdown-value') })
      .optional()
      .meta({ description: 'The whole, printed large; the groups must add up to it (default: their sum).' }),
    unit: text('issue.schema.what.unit').optional().meta({ description: 'What is counted, printed after every value, e.g. tiêu chí.' }),
    groups: z
      .array(breakdownGroup)
      .min(2, { error: say('issue.schema.breakdown-min') })
      .max(MAX_BREAKDOWN_GROUPS, { error: say('issue.schema.breakdown-max', { max: MAX_BREAKDOWN_GROUPS }) }),
    source: blockSource,
  })
  .superRefine((block, ctx) => {
    // A group's own error says what is wrong with it: no sum of values that are not all numbers.
    if (!block.groups.every((g) => typeof g.value === 'number' && g.value > 0)) return;
    const sum = block.groups.reduce((n, g) => n + g.value, 0);
    // Binary fractions: 0.1 + 0.2 is not 0.3.
    if (block.total !== undefined && Math.abs(sum - block.total) > 1e-9 * Math.max(1, block.total)) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: t('issue.schema.breakdown-total', { sum: Number(sum.toFixed(6)), total: block.total }) });
    }
  })
  .meta({ description: 'A total split into groups: a horizontal bar (a Figure with its alternative text in the PDF) over the groups with their values and lists.' });

const rankingItem = z
  .strictObject({
    label: text('issue.schema.what.rank-label'),
    value: text('issue.schema.what.rank-value').optional().meta({ description: 'The value as printed, e.g. 31% or 1,52 tỷ USD; when every item starts with a number, bars show them to scale.' }),
    note: text('issue.schema.what.rank-note').optional(),
  })
  .meta({ description: 'One ranked item: what, its value, an optional note.' });

const rankingBlock = z
  .strictObject({
    type: z.literal('ranking'),
    title: text('issue.schema.what.title').optional(),
    items: z.array(rankingItem).min(2, { error: say('issue.schema.ranking-min') }),
    source: blockSource,
  })
  .meta({ description: 'Items in order, first the highest, numbered, with their values.' });

export const MAX_SPEAKERS = 4;

const speaker = z
  .strictObject({
    name: text('issue.schema.what.speaker'),
    role: text('issue.schema.what.role').optional(),
    image: imageSchema.optional().meta({ description: "The speaker's portrait, printed small and round (optional)." }),
    quote: text('issue.schema.what.quote').optional().meta({ description: 'Their own words, printed in quotation marks.' }),
    text: markdown('issue.schema.what.speaker-text').optional().meta({ description: 'What they said, in reported words (no quotation marks): paragraphs or a list.' }),
  })
  .meta({ description: 'One speaker: name, role, optional portrait, quote and reported words.' });

const speakersBlock = z
  .strictObject({
    type: z.literal('speakers'),
    title: text('issue.schema.what.title').optional(),
    items: z
      .array(speaker)
      .min(1, { error: say('issue.schema.speakers-min') })
      .max(MAX_SPEAKERS, { error: say('issue.schema.speakers-max', { max: MAX_SPEAKERS }) }),
    source: blockSource,
  })
  .meta({ description: `Speaker cards, 1–${MAX_SPEAKERS}: portrait (optional), name, role, quote.` });

const calloutBlock = z
  .strictObject({
    type: z.literal('callout'),
    label: text('issue.schema.what.callout-label').meta({ description: 'The box\'s label, e.g. Nhận định or Yêu cầu.' }),
    body: markdown('issue.schema.what.callout-text'),
    source: blockSource,
  })
  .meta({ description: 'A labelled box: a remark, a requirement, a conclusion set apart from the text.' });

export const BLOCK_TYPES = ['quote', 'figures', 'box', 'related', 'flow', 'timeline', 'panels', 'breakdown', 'ranking', 'speakers', 'callout'] as const;

export const blockSchema = z
  .discriminatedUnion(
    'type',
    [quoteBlock, figuresBlock, boxBlock, relatedBlock, flowBlock, timelineBlock, panelsBlock, breakdownBlock, rankingBlock, speakersBlock, calloutBlock],
    { error: say('issue.schema.block-type', { types: BLOCK_TYPES.join(', ') }) },
  )
  .meta({ description: 'An extra block printed after the article body.' });

const podcastSchema = z
  .strictObject({ url: httpUrl, label: text('issue.schema.what.label').optional() })
  .meta({ description: 'A podcast episode: printed as a QR box ("Quét QR để nghe podcast").' });

const articleFields = {
  id: articleId.optional().meta({ description: 'Stable id for links and page references; derived from the title when absent.' }),
  title: text('issue.schema.what.title'),
  author: text('issue.schema.what.author').optional().meta({ description: 'Printed as "bởi <name>" (the word from the theme).' }),
  source: sourceSchema.optional(),
  lead: markdown('issue.schema.what.lead').optional(),
  body: markdown('issue.schema.what.article-text'),
  image: imageSchema.optional(),
  podcast: podcastSchema.optional(),
  blocks: z.array(blockSchema).optional(),
  draft: z
    .boolean({ error: say('issue.schema.draft') })
    .optional()
    .meta({ description: 'Written by `bantin add`: the item was drafted from its page and still needs reading; `bantin check` warns (draft-item) until it is removed.' }),
};

export const newsArticleSchema = z
  .strictObject({ date: dateValue, ...articleFields })
  .meta({ description: 'A dated news item.' });

export const spotlightArticleSchema = z
  .strictObject({ date: dateValue.optional(), ...articleFields })
  .meta({ description: 'A spotlight story, printed on a page of its own.' });

export const digestItemSchema = z
  .strictObject({ date: dateValue.optional(), ...articleFields, title: text('issue.schema.what.title').optional().meta({ description: 'Optional: without one, the first sentence of the body leads in bold and names the item in the TOC.' }) })
  .meta({ description: 'A short item of a digest: date and title optional.' });

const sectionSchema = z.strictObject({
  title: text('issue.schema.what.section-title'),
  body: markdown('issue.schema.what.section-text'),
});

const partBase = {
  id: articleId.optional().meta({ description: 'Stable id of the part; derived from the title when absent.' }),
  title: text('issue.schema.what.part-title'),
};

const summaryPart = z
  .strictObject({
    kind: z.literal('summary'),
    ...partBase,
    heading: text('issue.schema.what.summary-heading').optional().meta({
      description: 'Headline of the summary page and its TOC entry; defaults to the part title and the week.',
    }),
    intro: markdown('issue.schema.what.intro').optional(),
    sections: z.array(sectionSchema).min(1, { error: say('issue.schema.sections-min') }),
    closing: markdown('issue.schema.what.closing').optional(),
  })
  .meta({ description: 'The trend summary: one TOC entry, sections with headings.' });

const newsPart = z
  .strictObject({ kind: z.literal('news'), ...partBase, articles: z.array(newsArticleSchema) })
  .meta({ description: 'A list of dated news items.' });

const spotlightPart = z
  .strictObject({ kind: z.literal('spotlight'), ...partBase, articles: z.array(spotlightArticleSchema) })
  .meta({ description: 'Spotlight stories, each starting on a new page.' });

const digestPart = z
  .strictObject({ kind: z.literal('digest'), ...partBase, articles: z.array(digestItemSchema) })
  .meta({ description: 'Short items flowing one after another; each may lack a date or a title.' });

export const partSchema = z.discriminatedUnion('kind', [summaryPart, newsPart, spotlightPart, digestPart], { error: say('issue.schema.part-kind') });

/** A cover highlight: an article (its page) or a part (its page range), by id, with an optional short label. */
const highlightRef = z
  .union([articleId, z.strictObject({ ref: articleId, label: text('issue.schema.what.cover-label').optional() })], { error: say('issue.schema.highlight-ref') })
  .meta({ description: 'An article id (printed with its page) or a part id (printed with its page range, "Trang 5–12"); {ref, label} prints the short label instead of the title.' });

const highlightGroup = z
  .strictObject({
    group: text('issue.schema.what.group'),
    items: z.array(highlightRef).min(1, { error: say('issue.schema.group-min') }),
  })
  .meta({ description: 'Highlights under a label of their own.' });

const highlightEntry = z.union([highlightRef, highlightGroup], { error: say('issue.schema.highlight') });

export const issueSchema = z
  .strictObject({
    series: z.strictObject({
      title: text('issue.schema.what.series-title'),
      publisher: z
        .array(text('issue.schema.what.publisher'))
        .min(1, { error: say('issue.schema.publisher-min') })
        .meta({ description: 'Publisher lines, parent body first.' }),
      website: httpUrl.optional(),
      social: z.array(z.strictObject({ label: text('issue.schema.what.social-label'), url: httpUrl })).optional(),
      masthead: z
        .array(text('issue.schema.what.masthead'))
        .min(1)
        .max(3, { error: say('issue.schema.masthead-max', { max: 3 }) })
        .optional()
        .meta({ description: 'The title as set on the cover, line by line (default: the title on one block).' }),
      logo: text('issue.schema.what.logo').optional(),
      theme: text('issue.schema.what.theme')
        .optional()
        .meta({ description: 'The look: a built-in theme (`bantin theme list`) or a theme folder relative to the issue file; `--theme` overrides it.' }),
    }),
    issue: z.strictObject({
      number: z
        .string({ error: say('issue.schema.number') })
        .regex(/^[1-9]\d{0,2}\/\d{4}$/, { error: say('issue.schema.number') }),
      week: z.strictObject({ start: isoDate, end: isoDate }).optional().meta({ description: 'The week covered (the same as period: {week: …}).' }),
      period: periodSchema.optional(),
    }).superRefine((issue, ctx) => {
      if ((issue.week === undefined) === (issue.period === undefined)) {
        ctx.addIssue({ code: 'custom', message: t(issue.week ? 'issue.schema.week-and-period' : 'issue.schema.period-missing') });
      }
    }),
    page: z
      .strictObject({
        size: z.enum(['A4', 'A5'], { error: say('issue.schema.page-size') }).optional(),
        margins: z
          .strictObject({
            top: millimetres.optional(),
            bottom: millimetres.optional(),
            inside: millimetres.optional(),
            outside: millimetres.optional(),
          })
          .optional()
          .meta({ description: 'Page margins in millimetres (defaults depend on the size).' }),
        duplex: z.boolean({ error: say('issue.schema.duplex') }).optional().meta({ description: 'Two-sided printing: page numbers and the running footer on the outside edge, the inside margin at the binding (as `bantin build --duplex`).' }),
        'part-start': z.enum(['any', 'right'], { error: say('issue.schema.part-start') }).optional().meta({ description: 'Two-sided printing: `right` starts every part on a right-hand (odd) page, after a blank left-hand page when needed.' }),
      })
      .optional()
      .meta({ description: 'Paper size and margins; `bantin build --size` overrides the size.' }),
    cover: z
      .strictObject({
        highlights: z
          .array(highlightEntry)
          .optional()
          .meta({ description: "What the cover features, each with its page: article ids, parts (printed as a page range), {ref, label} with a short label, or {group, items} under a group's own label. The theme sets how many (limits.highlights)." }),
        image: imageSchema.optional(),
      })
      .optional(),
    parts: z.array(partSchema).min(1, { error: say('issue.schema.parts-min') }),
    checks: z
      .strictObject({
        outlets: z
          .array(z.array(text('issue.schema.what.outlet')).min(2, { error: say('issue.schema.outlet-min') }))
          .optional()
          .meta({ description: 'More spellings of one outlet each, e.g. [[Báo Hải Phòng, Báo điện tử Hải Phòng]]: source-name-variant warns when one issue mixes them.' }),
        dateOrder: z
          .enum(['oldest-first', 'newest-first'], { error: say('issue.schema.date-order') })
          .optional()
          .meta({ description: 'The order of the items in a part (date-order); default: as in the previous issue.' }),
      })
      .optional()
      .meta({ description: 'Settings of `bantin check`’s editorial warnings for this issue.' }),
  })
  .meta({ title: 'bantin issue', description: 'One issue of a news bulletin, built into a PDF by bantin.' });

export type IssueInput = z.output<typeof issueSchema>;
export type PartInput = z.output<typeof partSchema>;
export type NewsArticleInput = z.output<typeof newsArticleSchema>;
export type DigestItemInput = z.output<typeof digestItemSchema>;
export type SpotlightArticleInput = z.output<typeof spotlightArticleSchema>;
export type BlockInput = z.output<typeof blockSchema>;
export type HighlightInput = z.output<typeof highlightEntry>;
export type ImageInput = z.output<typeof imageSchema>;
