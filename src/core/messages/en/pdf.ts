/**
 * Messages of src/pdf: --cmyk (Ghostscript and the conversion's rare limits), --pdfa and the
 * reasons a file cannot be PDF/A, and what a link left out of the PDF pointed at.
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
  // The CMYK conversion's rare limits (cmyk/*.ts, streams.ts), said through pdf.cmyk.failed.
  'pdf.cmyk.mesh': '--cmyk cannot convert a mesh shading (type {type}) yet',
  'pdf.cmyk.per-component': '--cmyk cannot convert a shading with one function per colour component',
  'pdf.cmyk.function-type': '--cmyk cannot convert a function of type {type} here',
  'pdf.cmyk.gs-image': "Ghostscript's CMYK image is not a DeviceCMYK image of the same size",
  'pdf.cmyk.indexed': '--cmyk cannot read an indexed colour space',
  'pdf.cmyk.rgb-left': '--cmyk left RGB colour spaces in objects {objects}',
  'pdf.cmyk.predictor': '--cmyk cannot read a stream with a predictor yet',
  // What a link removed from the PDF points at (links.ts), said through commands.preflight.link-dropped.
  'pdf.link.viewer-action': 'an action run by the viewer (/AA)',
  'pdf.link.nothing': 'nothing (a link without a target)',
  'pdf.link.chain': 'a chain of actions (/Next)',
  'pdf.link.action': 'a {kind} action',
  'pdf.link.nameless-action': 'a nameless action',
  'pdf.link.no-address': 'an action without an address',
} as const;
