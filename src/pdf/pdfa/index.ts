/**
 * PDF/A-2b (ISO 19005-2, level B): what bantin adds (an sRGB output intent with its embedded
 * ICC profile; the identification goes into the XMP, see xmp.ts) and the rules it checks on
 * the finished document. No conformance validator runs here: these are the rules a Chromium
 * print could break; the rest (fonts' glyph widths, colour spaces inside the page content)
 * is Chromium's own output, which is the same for every issue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { packageRoot } from '../../paths.js';
import { t } from '../../core/i18n.js';

/** The output condition the intent names (the profile's own description is a short "sRGB"). */
export const SRGB_NAME = 'sRGB IEC61966-2.1';

/** A freely redistributable sRGB profile shipped with bantin (assets/icc/README.md says whose). */
export const SRGB_PROFILE = path.join(packageRoot, 'assets/icc/sRGB.icc');

export const PDFA = { part: 2, conformance: 'B' } as const;

export function addOutputIntent(doc: PDFDocument): void {
  const context = doc.context;
  const profile = context.register(context.flateStream(readFileSync(SRGB_PROFILE), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_NAME),
    Info: PDFString.of(SRGB_NAME),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}

/**
 * Puts right what a print may carry and PDF/A forbids (image interpolation, hidden or
 * non-printing annotations), then lists whatever is still against the rules.
 */
export function pdfaProblems(doc: PDFDocument): string[] {
  const problems = new Set<string>();
  const context = doc.context;
  if (context.trailerInfo.Encrypt) problems.add(t('pdf.pdfa.encrypted'));
  if (!context.trailerInfo.ID) problems.add(t('pdf.pdfa.no-id'));
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript'))) problems.add(t('pdf.pdfa.javascript'));
  if (names?.has(PDFName.of('EmbeddedFiles'))) problems.add(t('pdf.pdfa.embedded-files'));
  if (doc.catalog.has(PDFName.of('OpenAction')) || doc.catalog.has(PDFName.of('AA'))) problems.add(t('pdf.pdfa.open-action'));
  for (const [ref] of context.enumerateIndirectObjects()) {
    const object = context.lookup(ref);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    const type = name(dict.get(PDFName.of('Type')));
    const subtype = name(dict.get(PDFName.of('Subtype')));
    if (type === 'FontDescriptor' && !['FontFile', 'FontFile2', 'FontFile3'].some((k) => dict.has(PDFName.of(k)))) {
      problems.add(t('pdf.pdfa.font-not-embedded', { font: name(dict.get(PDFName.of('FontName'))) ?? '(unnamed)' }));
    }
    if (object instanceof PDFRawStream && subtype === 'Image' && dict.get(PDFName.of('Interpolate')) === PDFBool.True) dict.set(PDFName.of('Interpolate'), PDFBool.False);
    if (subtype === 'Image' && dict.has(PDFName.of('Alternates'))) problems.add(t('pdf.pdfa.alternates'));
    if (subtype === 'PS' || dict.has(PDFName.of('OPI'))) problems.add(t('pdf.pdfa.postscript'));
    if (type === 'ExtGState' && (dict.has(PDFName.of('TR')) || (dict.has(PDFName.of('TR2')) && name(dict.get(PDFName.of('TR2'))) !== 'Default'))) problems.add(t('pdf.pdfa.transfer'));
    if (type === 'Annot' || (dict.has(PDFName.of('Rect')) && subtype && ANNOTATIONS.has(subtype))) checkAnnotation(dict, subtype, problems);
    const action = dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    if (type === 'Action' || action) {
      if (action && FORBIDDEN_ACTIONS.has(action)) problems.add(t('pdf.pdfa.action', { action }));
    }
    if (dict.has(PDFName.of('F')) && type === 'Filespec') problems.add(t('pdf.pdfa.external-file'));
  }
  return [...problems];
}

const ANNOTATIONS = new Set(['Link', 'Text', 'Widget', 'FreeText', 'Square', 'Circle', 'Line', 'Highlight', 'Underline', 'StrikeOut', 'Stamp', 'Ink', 'FileAttachment', 'Sound', 'Movie', 'Screen', '3D']);
const FORBIDDEN_ACTIONS = new Set(['Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData', 'JavaScript', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'GoToE', 'GoToR']);
/** Annotation flags: Print (4) set; Invisible (1), Hidden (2), NoView (32), ToggleNoView (256) clear. */
const PRINT = 4;
const NOT_SHOWN = 1 | 2 | 32 | 256;

function checkAnnotation(dict: PDFDict, subtype: string | undefined, problems: Set<string>): void {
  if (subtype === 'FileAttachment' || subtype === 'Sound' || subtype === 'Movie' || subtype === '3D') problems.add(t('pdf.pdfa.annotation', { subtype }));
  const flags = dict.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
  dict.set(PDFName.of('F'), PDFNumber.of((flags | PRINT) & ~NOT_SHOWN));
  if (subtype !== 'Link' && subtype !== 'Popup' && !dict.has(PDFName.of('AP'))) problems.add(t('pdf.pdfa.no-appearance', { subtype: String(subtype) }));
}

function name(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFName ? o.decodeText() : undefined;
}
