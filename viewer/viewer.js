// The preview page: pdf.js (pdfjs-dist, served by bantin itself) showing the latest PDF, kept at
// the same page, zoom and scroll position when a rebuild replaces it. Server-Sent Events say
// when to reload; errors show over the page until fixed.
import * as pdfjsLib from '/pdfjs/build/pdf.min.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
// pdf_viewer.mjs reads the library from this global.
globalThis.pdfjsLib = pdfjsLib;
const { EventBus, PDFLinkService, PDFViewer } = await import('/pdfjs/web/pdf_viewer.mjs');

const $ = (id) => document.getElementById(id);
const container = $('viewerContainer');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container, viewer: $('viewer'), eventBus, linkService, removePageBorders: false });
linkService.setViewer(viewer);

const PLACE_KEY = `bantin-preview:${location.host}`;
/** Where the reader is: restored after every rebuild, and after a reload of the page. */
let place = JSON.parse(sessionStorage.getItem(PLACE_KEY) ?? 'null');
let documentShown;
let latest = 0;
/** While a new document replaces the old one, the scroll position is the viewer's, not the reader's. */
let switching = false;

function remember() {
  if (!documentShown || switching) return;
  place = { page: viewer.currentPageNumber, scale: viewer.currentScaleValue, top: container.scrollTop, left: container.scrollLeft };
  sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
}

async function show(version) {
  latest = version;
  const response = await fetch(`/issue.pdf?v=${version}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (version !== latest) return; // a newer build arrived meanwhile
  remember();
  switching = true;
  // pdf.js 5.4 keeps the page count in one global (PagesMapper) that setDocument() zeroes when it
  // replaces a document: let go of the old one first, then open the new one.
  viewer.setDocument(null);
  linkService.setDocument(null);
  documentShown?.destroy();
  documentShown = undefined;
  const pdf = await pdfjsLib.getDocument({ data, wasmUrl: '/pdfjs/wasm/', standardFontDataUrl: '/pdfjs/standard_fonts/', cMapUrl: '/pdfjs/cmaps/', cMapPacked: true }).promise;
  if (version !== latest) return void pdf.destroy();
  const restore = place;
  eventBus.on(
    'pagesinit',
    () => {
      viewer.currentScaleValue = restore?.scale ?? 'page-width';
      if (restore) {
        container.scrollTop = restore.top;
        container.scrollLeft = restore.left;
      }
      documentShown = pdf;
      switching = false;
      window.bantinPreview.version = version;
    },
    { once: true },
  );
  viewer.setDocument(pdf);
  linkService.setDocument(pdf);
  $('count').textContent = String(pdf.numPages);
  $('page').max = String(pdf.numPages);
}

eventBus.on('pagechanging', ({ pageNumber }) => {
  $('page').value = String(pageNumber);
});
container.addEventListener('scroll', () => requestAnimationFrame(remember), { passive: true });
$('page').addEventListener('change', () => {
  viewer.currentPageNumber = Math.min(Math.max(1, Number($('page').value) || 1), viewer.pagesCount);
});
$('prev').addEventListener('click', () => viewer.previousPage());
$('next').addEventListener('click', () => viewer.nextPage());
$('zoom-in').addEventListener('click', () => viewer.increaseScale());
$('zoom-out').addEventListener('click', () => viewer.decreaseScale());
$('fit').addEventListener('click', () => (viewer.currentScaleValue = 'page-width'));
window.addEventListener('resize', () => {
  if (['page-width', 'page-fit', 'auto'].includes(viewer.currentScaleValue)) viewer.currentScaleValue = viewer.currentScaleValue;
});

/** For people and tests: what is shown. */
window.bantinPreview = { viewer, version: 0 };

const info = await (await fetch('/viewer/info.json')).json();
document.title = `${info.title} — bantin preview`;
$('file').textContent = info.title;

const status = $('status');
const error = $('error');
const events = new EventSource('/events');
events.onmessage = (message) => {
  const state = JSON.parse(message.data);
  if (state.kind === 'building') {
    status.textContent = 'rebuilding…';
    return;
  }
  if (state.kind === 'error') {
    error.textContent = state.message;
    error.hidden = false;
    status.textContent = 'error — fix the YAML file; the preview updates by itself';
    return;
  }
  error.hidden = true;
  status.textContent = state.summary;
  show(state.version).catch((e) => {
    error.textContent = `the PDF could not be shown: ${e.message}`;
    error.hidden = false;
  });
};
