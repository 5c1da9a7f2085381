/**
 * Messages of the preview's page (viewer/): sent to it in the interface language with its
 * information (preview-viewer.ts), so that the page itself holds no words.
 */
export const viewer = {
  'viewer.title': '{file} — bantin preview',
  'viewer.prev': 'Previous page',
  'viewer.next': 'Next page',
  'viewer.page': 'Page',
  'viewer.of': 'of',
  'viewer.zoom-out': 'Zoom out',
  'viewer.zoom-in': 'Zoom in',
  'viewer.fit': 'Fit width',
  'viewer.fit-title': 'Fit the page width',
  'viewer.starting': 'starting…',
  'viewer.rebuilding': 'rebuilding…',
  'viewer.failed': 'error — fix the issue file; the preview updates by itself',
  'viewer.last-good': 'The last good PDF is shown underneath.',
  'viewer.cannot-show': 'the PDF could not be shown: {reason}',
  'viewer.on-page': 'On this page',
  'viewer.on-page-none': 'No story starts on this page.',
  'viewer.problems': 'Errors and warnings',
  'viewer.no-problems': 'No errors or warnings.',
  'viewer.error': 'error',
  'viewer.warning': 'warning',
  'viewer.edit': 'edit',
  'viewer.edit-title': 'Open line {line} of the issue file in the editor',
  'viewer.go-title': 'Go to this story',
} as const;
