/**
 * Messages of src/render: a theme's templates that do not parse or call what does not exist
 * (template-check.ts), and a theme template failing while printing (templates.ts). Handlebars'
 * own words (the parser's detail) are quoted as they are.
 */
export const render = {
  'render.template.parse': 'this template does not parse: {detail}',
  'render.template.has-errors': 'the theme template {file} has errors; no PDF was written',
  'render.templates.have-errors': "the theme's templates have errors; no PDF was written",
  'render.template.partial-by-path': 'a partial is named, never reached by a path',
  'render.template.partial-add': 'a theme adds one as partials/{name}.hbs',
  'render.template.unknown-partial': 'no partial is called "{name}": expected one of {known} ({how})',
  'render.template.log-hook': "{{{call}}} is Handlebars' own helper for debugging, which writes to bantin’s output, not the page: remove it",
  'render.template.hook': "{{{call}}} is Handlebars' own hook, not a helper to call: remove it",
  'render.template.unknown-helper': 'no helper is called "{name}": expected one of {known} (a theme cannot add helpers)',
  'render.template.lookup': 'lookup takes two values, e.g. (lookup issue.labels "contents")',
  'render.template.unknown-label': 'no label is called "{name}": expected one of {known}',
  'render.template.self': 'the partial "{name}" includes itself: it would repeat without end; a partial cannot call itself',
  'render.template.circle': 'the partial "{name}" includes itself through {route} ({circle}): it would repeat without end; partials cannot call each other in a circle',
  'render.template.stack': 'its partials call each other without end (the stack ran out)',
  'render.template.failed': 'the theme template {file} failed while printing the issue: {reason}; no PDF was written (bantin check finds most template mistakes before a build)',
  // Helpers called wrongly (templates.ts) and a QR code that cannot be made (qr.ts).
  'render.qr.too-long': '{url} is too long for a QR code',
  'render.helper.outside-render': 'template helper called outside a render',
  'render.helper.no-qr': 'no QR code was made for {url}',
  'render.helper.pageref': 'pageref: no article or part has the id "{id}"',
  'render.helper.no-label': 'no label is called "{name}"',
} as const;
