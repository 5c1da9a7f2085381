/**
 * Finishing: Chromium's print becomes the file bantin writes. The print is opened once with
 * pdf-lib (print/ reads its page numbers from it), changed here through pdf-lib's public API and
 * saved once: links other than http(s), mailto and internal ones removed (links.ts), metadata
 * (Info and XMP), the outline, the structure tree completed (tags/), page
 * boxes, the PDF/A output intent (pdfa/) and, with --cmyk, every colour to DeviceCMYK (cmyk/).
 * Same source, fonts and bantin version → same bytes: no clock, no machine, no randomness.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, type PDFDict, type PDFDocument } from 'pdf-lib';
import { UserError } from '../core/diagnostics.js';
import type { Logger } from '../core/logger.js';
import type { Issue } from '../issue/model.js';
import type { PageGeometry } from '../issue/page.js';
import { version } from '../paths.js';
import type { Labels } from '../theme/label-keys.js';
import { applyPageBoxes } from './boxes.js';
import { documentDate, documentLanguage, documentSubject } from './metadata.js';
import { dropForeignLinks } from './links.js';
import { addOutline, issueOutline, linkTitles } from './outline.js';
import type { QuoteStyle } from '../render/quotes.js';
import { addOutputIntent, PDFA, pdfaProblems } from './pdfa/index.js';
import type { Profile } from './profile.js';
import { completeTags, isTagged } from './tags/complete.js';
import { setXmp } from './xmp.js';
import { t } from '../core/i18n.js';

export { machineFonts } from './fonts-used.js';
export { imposeBooklet } from './impose.js';
export { destinationsOf, openPrint, readDestinations, type Destination, type DestinationMap } from './destinations.js';

export interface FinishOptions {
  profile: Profile;
  geometry: PageGeometry;
  /** What the document is made from (the rendered HTML): its hash is the PDF's document ID; its <html lang> the PDF's language. */
  source: string;
  /** The theme's labels (default: Vietnamese). */
  labels?: Labels;
  /** The theme's quote style: bookmarks print quotes as the pages do. */
  quotes?: QuoteStyle;
  /** PDF/A-2b: output intent, identification, and the rules checked (pdfa/). */
  pdfa?: boolean;
  /** Colours to DeviceCMYK, converted by Ghostscript's ICC profiles (cmyk/); `images`: the issue's, whose CMYK JPEGs stay JPEG. */
  cmyk?: { timeoutMs?: number; logger: Logger; images?: ReadonlyArray<{ type: string; width?: number; height?: number; bytes?: Uint8Array }> };
}

export interface Finished {
  pdf: Uint8Array;
  /** A tagged print whose structure tree did not survive (a safeguard: nothing here drops it). */
  lostTags: boolean;
  /** Targets of the links left out: anything but http(s), mailto and the document's own places (links.ts). */
  droppedLinks: string[];
}

/** `doc`: the print as pdf-lib opened it; it is changed in place. */
export async function finish(doc: PDFDocument, issue: Issue, options: FinishOptions): Promise<Finished> {
  const tagged = isTagged(doc);
  // First: what is tagged and checked for PDF/A below is what stays.
  const droppedLinks = dropForeignLinks(doc);
  setMetadata(doc, issue, options);
  const outline = issueOutline(issue, options.labels, options.quotes);
  addOutline(doc, outline);
  // Before the page boxes: only what Chromium drew is marked.
  if (tagged) await completeTags(doc, linkTitles(outline));
  applyPageBoxes(doc, options.profile, options.geometry, { pdfa: options.pdfa });
  if (options.pdfa) {
    addOutputIntent(doc);
    const problems = pdfaProblems(doc);
    if (problems.length > 0) throw new UserError(t('pdf.pdfa.failed', { problems: problems.join('; ') }));
  }
  // A press file's black overprints; a print-profile --cmyk file is for proofs on a desk printer.
  if (options.cmyk) await (await import('./cmyk/index.js')).toCmyk(doc, { issue, ...options.cmyk, overprint: options.profile === 'press' });
  const pdf = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { pdf, lostTags: tagged && !isTagged(doc), droppedLinks };
}

function setMetadata(doc: PDFDocument, issue: Issue, options: FinishOptions): void {
  const date = documentDate(issue);
  const info = {
    title: issue.title,
    author: issue.series.publisher.join(' – '),
    subject: documentSubject(issue),
    keywords: ['khoa học', 'công nghệ', 'đổi mới sáng tạo', 'chuyển đổi số', `số ${issue.number}`, ...issue.parts.map((p) => p.title)].join('; '),
    creatorTool: `bantin ${version}`,
    producer: `bantin ${version} (Chromium, pdf-lib)`,
    language: documentLanguage(options.source),
    date,
    // The document ID comes from the content (Chromium's own bytes carry its print date).
    id: createHash('sha256').update(`bantin ${version}\n`).update(options.pdfa ? 'PDF/A-2b\n' : '').update(options.source).digest('hex').slice(0, 32),
    pdfa: options.pdfa ? PDFA : undefined,
  };
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces, which runs the multi-word ones together.
  (doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict).set(PDFName.of('Keywords'), PDFHexString.fromText(info.keywords));
  doc.setLanguage(info.language);
  doc.setCreator(info.creatorTool);
  doc.setProducer(info.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(info.id), PDFHexString.of(info.id)]);
  setXmp(doc, info);
}
