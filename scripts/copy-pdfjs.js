// Copies the few files of pdfjs-dist the preview's page loads into dist/pdfjs/, so that the
// published package ships them and does not depend on pdfjs-dist: installing pdfjs-dist pulls
// in its Node build, its legacy build and the native @napi-rs/canvas (~70 MB in all), none of
// which the page, running in the browser, ever uses. pdfjs-dist is a devDependency.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const from = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const to = path.resolve('dist/pdfjs');

/**
 * The library and its worker, the viewer component and its stylesheet with the images it names,
 * the WebAssembly decoders (JPEG 2000, JBIG2, colour profiles) and the standard fonts. Not the
 * CMaps: Chromium embeds every font with an Identity encoding, so a bantin PDF never names one.
 */
const FILES = ['LICENSE', 'build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'web/pdf_viewer.mjs', 'web/pdf_viewer.css', 'web/images', 'wasm', 'standard_fonts'];

rmSync(to, { recursive: true, force: true });
for (const file of FILES) {
  mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
  cpSync(path.join(from, file), path.join(to, file), { recursive: true });
}
