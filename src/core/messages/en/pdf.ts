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
} as const;
