/**
 * Messages of src/pdf: --cmyk (Ghostscript) and --pdfa. The reasons a file cannot be PDF/A
 * (pdfa/index.ts) and the CMYK conversion's rare limits (cmyk/functions.ts…) are still to move:
 * see tests/unit/cli-language.test.ts.
 */
export const pdf = {
  'pdf.cmyk.converting': 'converting colours to CMYK',
  'pdf.cmyk.no-ghostscript': '--cmyk needs Ghostscript, which is not installed: apt-get install ghostscript (macOS: brew install ghostscript; Windows: Ghostscript from ghostscript.com, its bin folder on PATH) (or build without --cmyk and let the print shop convert)',
  'pdf.cmyk.stopped': 'it was stopped ({signal})',
  'pdf.cmyk.stopped-timeout': 'it was stopped ({signal}, past --timeout)',
  'pdf.cmyk.failed': 'Ghostscript could not convert the colours to CMYK: {reason}',
  'pdf.pdfa.failed': 'cannot make a PDF/A-2b file: {problems}; no PDF was written',
  // Why a file cannot be PDF/A (pdfa/index.ts), listed after pdf.pdfa.failed.
  'pdf.pdfa.encrypted': 'the file is encrypted',
  'pdf.pdfa.no-id': 'the file has no document ID',
  'pdf.pdfa.javascript': 'the file carries JavaScript',
  'pdf.pdfa.embedded-files': 'the file carries embedded files',
  'pdf.pdfa.open-action': 'the file runs an action when opened',
  'pdf.pdfa.font-not-embedded': 'the font {font} is not embedded',
  'pdf.pdfa.alternates': 'an image has alternates',
  'pdf.pdfa.postscript': 'the file has PostScript or OPI content',
  'pdf.pdfa.transfer': 'a graphics state has a transfer function',
  'pdf.pdfa.action': 'a link runs a {action} action',
  'pdf.pdfa.external-file': 'the file refers to an external file',
  'pdf.pdfa.annotation': 'the file has a {subtype} annotation',
  'pdf.pdfa.no-appearance': 'a {subtype} annotation has no appearance',
} as const;
