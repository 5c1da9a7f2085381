/**
 * Messages of src/print: finding and starting the browser, and the ways it fails while printing
 * (memory watch, --timeout, a crash, a full TMPDIR). The --verbose detail of printing (timings,
 * page numbers settling: logger.debug) stays English, for the developer reading it.
 */
export const print = {
  'print.start-failed': 'could not start the browser: {reason}',
  'print.start-failed-at': 'could not start the browser {file}: {reason}',
  'print.no-temp-folder': 'cannot create a folder in the temporary folder {dir} ({code})',
  'print.tmp-full': 'the temporary folder {dir} is full ({mb} MB free), and the browser keeps its files there: free some space, or set TMPDIR to a folder on a disk with room',
  'print.memory': 'the browser needed more than {limit} of memory (one of its processes held {held}), so bantin ended it; nothing was written. A picture or font of the issue or its theme asks for too much: look for a very large image or SVG, or a very large font file',
  'print.timeout': 'the browser did not finish within {seconds} s (--timeout); nothing was written. A very long issue may need a larger --timeout',
  'print.stopped-full': 'the browser stopped while printing: {reason}; nothing was written',
  'print.stopped': 'the browser stopped while printing (it crashed or was killed); nothing was written. Try again; if it keeps happening, run with --verbose and report it',
  'print.browser-missing': 'the browser {file} does not exist (from {from})',
  'print.not-found': 'no Chromium browser found: bantin prints PDFs with headless Chromium (or Google Chrome, or Microsoft Edge).',
  'print.not-found.install': 'Install one of:',
  'print.not-found.debian': '  • Debian/Ubuntu:  sudo apt-get install chromium-headless-shell   (or: chromium)',
  'print.not-found.mac-windows': '  • macOS, Windows: Google Chrome, Chromium or Microsoft Edge, in the standard place',
  'print.not-found.internet': '  • any system with internet:  npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer',
  'print.not-found.point': 'or point bantin at a browser:  bantin build --browser /path/to/chrome   (or set BANTIN_BROWSER)',
  'print.cannot-decode': 'the browser cannot decode {files}',
  'print.no-destination': 'no PDF destination for {ids}: a link target is not printed',
  'print.page-numbers-unsettled': 'page numbers did not settle after {n} prints',
} as const;
