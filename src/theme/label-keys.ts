/**
 * The fixed words templates print, by name. Each label set (templates/labels/*.yaml) gives
 * every one; a theme overrides single ones. `{name}` in a label is filled in by the template.
 */
export const LABEL_KEYS = [
  'issueTitle', 'issueNumber', 'weekOf', 'inThisIssue', 'pageShort', 'website', 'followOn', 'contents', 'part', 'partNumber',
  'source', 'photo', 'podcast', 'qrCode', 'summaryHeading', 'summaryPageHeading', 'footer',
  // issue 14: other periods, sources without a link, authors, page ranges, infographic boxes
  'monthOf', 'periodOf', 'sourceName', 'byAuthor', 'pageRange', 'relatedActivities',
  // issue 29: the web edition
  'listen', 'pdfEdition', 'skipToContent', 'backToContents',
  // issue 29: the archive's index page (bantin site)
  'webEdition', 'siteIssues', 'siteSearch', 'siteSearchHint', 'siteResults', 'siteNoResults', 'siteFeed',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string>;

/** Fills `{name}` slots; an unknown slot stays visible so the mistake shows. */
export function formatLabel(label: string, values: Record<string, unknown>): string {
  return label.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
