// The preview page: pdf.js (served by bantin itself) showing the latest PDF. After a rebuild it
// returns to the story the reader was on, by the story's named destination (not the page
// number: a story added above moves it). A click on a story's title, or on the "edit" link
// beside it in the list of the current page's stories, opens the issue file at its line; the
// build's errors and warnings are listed beside the pages too. Server-Sent Events say when to reload; an error shows over the last good PDF.
import * as pdfjsLib from '/pdfjs/build/pdf.min.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
// pdf_viewer.mjs reads the library from this global.
globalThis.pdfjsLib = pdfjsLib;
const { EventBus, PDFLinkService, PDFViewer } = await import('/pdfjs/web/pdf_viewer.mjs');

const $ = (id) => document.getElementById(id);

// The page's words, in the interface language.
const info = await (await fetch('/viewer/info.json')).json();
const say = (name, params = {}) => info.messages[name].replace(/\{(\w+)\}/g, (whole, key) => (key in params ? String(params[key]) : whole));
document.documentElement.lang = info.lang;
for (const el of document.querySelectorAll('[data-say]')) el.textContent = say(el.dataset.say);
for (const el of document.querySelectorAll('[data-say-title]')) el.title = say(el.dataset.sayTitle);
document.title = say('title', { file: info.title });
$('file').textContent = info.title;

const container = $('viewerContainer');
const status = $('status');
status.textContent = say('starting');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container, viewer: $('viewer'), eventBus, linkService, removePageBorders: false });
linkService.setViewer(viewer);

const PLACE_KEY = `bantin-preview:${location.host}`;
/**
 * Where the reader is: the story at the top of the view and how far into it (`id`, `delta`),
 * with the page and scroll position for a document without stories. Restored after every
 * rebuild, and after a reload of the page.
 */
let place = JSON.parse(sessionStorage.getItem(PLACE_KEY) ?? 'null');
let documentShown;
let latest = 0;
/** While a new document replaces the old one, the scroll position is the viewer's, not the reader's. */
let switching = false;
/** The shown document's stories and parts (from the build), and where each one's destination is. */
let items = [];
let targets = new Map();

/** Where each named destination is: its page (0-based) and its point in PDF space. */
async function readTargets(pdf) {
  const found = new Map();
  const dests = (await pdf.getDestinations()) ?? {};
  for (const [name, dest] of Object.entries(dests)) {
    if (!Array.isArray(dest) || typeof dest[0] !== 'object' || dest[0] === null) continue;
    try {
      found.set(name, { pageIndex: await pdf.getPageIndex(dest[0]), x: dest[2] ?? 0, y: dest[3] });
    } catch {
      // a destination to no page: nothing to go back to
    }
  }
  return found;
}

/** The distance of a story's destination from the top of the scrolled pages, in CSS pixels. */
function itemTop(id) {
  const target = targets.get(id);
  const view = target && viewer.getPageView(target.pageIndex);
  if (!view?.viewport) return undefined;
  const y = typeof target.y === 'number' ? view.viewport.convertToViewportPoint(target.x ?? 0, target.y)[1] : 0;
  return view.div.offsetTop + view.div.clientTop + y;
}

/** The story the reader is in: the last one that starts at or above the top of the view. */
function storyAtTop() {
  const top = container.scrollTop;
  let best;
  for (const item of items) {
    const y = itemTop(item.id);
    if (y !== undefined && y <= top + 2 && (!best || y >= best.y)) best = { id: item.id, y };
  }
  return best;
}

function remember() {
  if (!documentShown || switching) return;
  const story = storyAtTop();
  place = {
    id: story?.id,
    delta: story ? container.scrollTop - story.y : 0,
    page: viewer.currentPageNumber,
    scale: viewer.currentScaleValue,
    top: container.scrollTop,
    left: container.scrollLeft,
  };
  sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
}

async function show(version, nextItems) {
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
  const pdf = await pdfjsLib.getDocument({ data, wasmUrl: '/pdfjs/wasm/', standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
  const nextTargets = await readTargets(pdf);
  if (version !== latest) return void pdf.destroy();
  items = nextItems;
  targets = nextTargets;
  const restore = place;
  eventBus.on(
    'pagesinit',
    () => {
      viewer.currentScaleValue = restore?.scale ?? 'page-width';
      const storyTop = restore?.id ? itemTop(restore.id) : undefined;
      if (storyTop !== undefined) container.scrollTop = storyTop + restore.delta;
      else if (restore) container.scrollTop = restore.top;
      if (restore) container.scrollLeft = restore.left;
      documentShown = pdf;
      switching = false;
      showItems(viewer.currentPageNumber);
      window.bantinPreview.version = version;
    },
    { once: true },
  );
  viewer.setDocument(pdf);
  linkService.setDocument(pdf);
  $('count').textContent = String(pdf.numPages);
  $('page').max = String(pdf.numPages);
}

/** Asks the server to open the issue file at a story's line (`{ id }`) or an error's (`{ line }`). */
async function openInEditor(what) {
  const response = await fetch('/open', { method: 'POST', headers: { 'content-type': 'application/json', 'x-bantin-token': info.token }, body: JSON.stringify(what) });
  const { message } = await response.json();
  status.textContent = message;
  window.bantinPreview.opened = message;
}

function link(text, title, onClick, className) {
  const a = document.createElement('a');
  a.textContent = text;
  a.title = title;
  a.href = '#';
  if (className) a.className = className;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return a;
}

/** The stories and parts that start on the page: the title goes to the story, "edit" to its line. */
function showItems(pageNumber) {
  const list = $('items');
  list.replaceChildren();
  const here = items.filter((item) => targets.get(item.id)?.pageIndex === pageNumber - 1);
  for (const item of here) {
    const li = document.createElement('li');
    li.dataset.id = item.id;
    if (item.part) li.className = 'part';
    const goTo = () => {
      const y = itemTop(item.id);
      if (y !== undefined) container.scrollTop = y;
    };
    li.append(link(item.title, say('go-title'), goTo, 'title'), link(say('edit'), say('edit-title', { line: item.line }), () => openInEditor({ id: item.id }), 'edit'));
    list.append(li);
  }
  if (here.length === 0) list.append(Object.assign(document.createElement('li'), { className: 'empty', textContent: say('on-page-none') }));
}

/** The build's errors and warnings, file:line:col first; a line of the issue file opens in the editor. */
function showProblems(problems) {
  const list = $('problems');
  list.replaceChildren();
  $('problem-count').textContent = problems.length ? `(${problems.length})` : '';
  for (const problem of problems) {
    const li = document.createElement('li');
    li.className = problem.severity;
    li.dataset.code = problem.code;
    const where = `${problem.file}:${problem.line}:${problem.col}`;
    li.append(
      Object.assign(document.createElement('span'), { className: 'severity', textContent: say(problem.severity) }),
      link(where, say('edit-title', { line: problem.line }), () => openInEditor({ line: problem.line }), 'where'),
      Object.assign(document.createElement('span'), { className: 'message', textContent: `${problem.message} (${problem.code})` }),
    );
    list.append(li);
  }
  if (problems.length === 0) list.append(Object.assign(document.createElement('li'), { className: 'empty', textContent: say('no-problems') }));
}

/**
 * Over each story's title on the page, a link to its line in the editor: a band from the story's
 * destination (the top of its date and title) TITLE_BAND points down, the date and two lines of
 * title in the built-in themes, across the page. Laid again after every render (pdf.js empties a
 * page when it draws it anew, at a new zoom).
 */
const TITLE_BAND = 60;
eventBus.on('pagerendered', ({ pageNumber, source }) => {
  const view = source ?? viewer.getPageView(pageNumber - 1);
  if (!view?.div || !view.viewport) return;
  for (const old of view.div.querySelectorAll('a.title-link')) old.remove();
  for (const item of items) {
    const target = targets.get(item.id);
    if (target?.pageIndex !== pageNumber - 1) continue;
    const y = typeof target.y === 'number' ? view.viewport.convertToViewportPoint(target.x ?? 0, target.y)[1] : 0;
    const a = link('', say('edit-title', { line: item.line }), () => openInEditor({ id: item.id }), 'title-link');
    a.dataset.id = item.id;
    Object.assign(a.style, { top: `${y}px`, height: `${TITLE_BAND * view.viewport.scale}px` });
    view.div.append(a);
  }
});

eventBus.on('pagechanging', ({ pageNumber }) => {
  $('page').value = String(pageNumber);
  if (!switching) showItems(pageNumber);
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

/** For people and tests: what is shown, and where the reader is. */
const pageOf = (id) => (targets.has(id) ? targets.get(id).pageIndex + 1 : undefined);
window.bantinPreview = { viewer, version: 0, opened: undefined, place: () => place, storyAtTop, itemTop, pageOf };

const error = $('error');
const events = new EventSource('/events');
events.onmessage = (message) => {
  const state = JSON.parse(message.data);
  if (state.kind === 'building') {
    status.textContent = say('rebuilding');
    return;
  }
  showProblems(state.problems ?? []);
  if (state.kind === 'error') {
    // The last good PDF stays underneath, with its place.
    $('error-text').textContent = state.message;
    error.hidden = false;
    status.textContent = say('failed');
    return;
  }
  error.hidden = true;
  status.textContent = state.summary;
  show(state.version, state.items ?? []).catch((e) => {
    $('error-text').textContent = say('cannot-show', { reason: e.message });
    error.hidden = false;
  });
};
