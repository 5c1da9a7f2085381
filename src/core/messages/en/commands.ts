/**
 * Messages of src/commands: progress lines, the errors of writing files and folders, the
 * preflight warnings of build, the preview server and watch, and theme new. (new/ is still to
 * move: see tests/unit/cli-language.test.ts.)
 */
export const commands = {
  // build and check.
  'commands.no-match': 'no file matches {pattern}',
  'commands.build.checking': 'checking {file}',
  'commands.build.rendering': 'rendering {title}',
  'commands.build.printing': 'printing with Chromium',
  'commands.build.has-errors': '{file} has errors; no PDF was written',
  'commands.build.blocked': 'blocked a request the page made to {url}',
  'commands.build.booklet-padded': '--impose booklet: {pages} pages are not a multiple of 4; {blank} blank pages were added at the end ({sides} sheet sides)',
  'commands.build.cmyk-untagged': '--cmyk: the CMYK conversion lost the structure tree, so this PDF is not tagged (screen readers get no headings or reading order); publish the RGB build for reading on screen',
  'commands.build-many.clash': '{file} would overwrite the PDF of {other} ({output}): rename one of them',

  // Preflight warnings (preflight.ts).
  'commands.preflight.overflow': 'text runs outside the page here ("{text}…"): shorten it or add spaces to long words or addresses',
  'commands.preflight.cover-overflow': 'the cover has no room for "{text}": feature fewer or shorter highlights',
  'commands.preflight.resolution': '{src} prints at {dpi} dpi ({mm} mm wide): below {min} dpi it looks blurred; use a larger image',
  'commands.preflight.broken-image': '"{src}" cannot be decoded by the browser (it would print as a broken-image icon): open it in an image editor and save it again as PNG or JPEG',
  'commands.preflight.machine-font': "some characters are in none of bantin's fonts and were set in {fonts} from this machine: the PDF will look different elsewhere. Replace them (e.g. with words), or check the text for pasted symbols",
  'commands.preflight.link-dropped': 'a link to {target} was left out of the PDF: it keeps only links to http(s) and mailto addresses and within the document (does the theme print this field as HTML, with {{{ }}}?)',

  // Writing files (output.ts, output-guard.ts).
  'commands.write.write': 'write',
  'commands.write.create-folder': 'create the folder',
  'commands.write.failed': 'cannot {what} {file}: {reason}; nothing was written',
  'commands.write.reason.no-folder': 'the folder does not exist',
  'commands.write.reason.permission': 'permission denied',
  'commands.write.reason.read-only': 'the file system is read-only',
  'commands.write.reason.disk-full': 'the disk is full',
  'commands.write.reason.quota': 'the disk quota is used up',
  'commands.write.reason.is-folder': 'it is a folder',
  'commands.write.reason.in-the-way': 'a file of that name is in the way',
  'commands.write.reason.io': 'an input/output error on the disk',
  'commands.write.reason.name-too-long': 'the name is too long',
  'commands.write.reason.file-not-folder': '{at} is a file, not a folder',
  'commands.write.reason.system-folder': '{at} is not a regular folder (a view of the system, such as /proc or /sys, where files cannot be made)',
  'commands.write.folder-is-file': 'cannot create the folder {dir}: {at} is a file, not a folder; nothing was written',
  'commands.guard.twice': '{output} would be written twice (also as {earlier}): choose another -o name',
  'commands.guard.cannot-write': 'cannot write {output}: {problem}; nothing was written',
  'commands.guard.symlink': '{output} is a symbolic link: bantin never writes through a link; name a regular file',
  'commands.guard.folder': 'cannot write {output}: it is a folder; name a file (e.g. {example}) or use --out-dir',
  'commands.guard.not-regular': '{output} is not a regular file (a device, FIFO or socket): bantin writes only regular files',
  'commands.guard.input': '{output} is the input {input}: bantin never overwrites its inputs; choose another output name',
  'commands.guard.same-as-input': '{output} is the same file as the input {input}: bantin never overwrites its inputs; choose another output name',
  'commands.guard.own-file': "{output} is bantin's own file {file}: bantin never overwrites its inputs; choose another output name",
  'commands.guard.same-as-own-file': "{output} is the same file as bantin's own file {file}: bantin never overwrites its inputs; choose another output name",
  'commands.guard.same-outputs': '{output} and {other} are the same file: choose another -o name',

  // Preview and watch.
  'commands.preview.port-in-use': 'port {port} is in use (another preview, or another program): choose another with --port, or leave --port out for a free one',
  'commands.preview.port-denied': 'cannot listen on port {port}: permission denied; choose a port above 1023 with --port',
  'commands.preview.cannot-open': 'could not open a browser ({reason}): open {url} yourself',
  'commands.preview.wrong-host': 'bantin preview answers only to its own loopback address',
  'commands.preview.url': 'preview: {url}',
  'commands.watch.watching': 'watching for changes… (Ctrl-C to stop)',
  'commands.watch.waiting': 'waiting for {file} to reappear…',
  'commands.watch.built': 'built',
  'commands.watch.built-line': ' {file}: {pages} pages in {seconds} s ({passes})',
  'commands.watch.prints.one': '{n} print',
  'commands.watch.prints.many': '{n} prints',
  'commands.watch.summary': '{pages} pages · {seconds} s',
  'commands.watch.internal-error': 'bantin: internal error while rebuilding — {detail}',

  // theme new.
  'commands.theme.exists': '{file} already exists: bantin theme new never overwrites a file (choose another folder, or move that file away)',
  'commands.theme.folder-is-file': 'cannot write {file}: a folder on its way is a file; choose another folder',
  'commands.theme.cannot-write': 'cannot write {file}: {code}',
  'commands.theme.failed': 'cannot write {file}: {code}; nothing of the new theme was kept',
  // The comments of the theme.yaml theme new writes (the YAML keys themselves stay as they are).
  'commands.theme.yaml.intro': 'A bantin theme. Whatever this file leaves out comes from "{parent}" (and in the end from the built-in {base}).',
  'commands.theme.yaml.uncomment': "Uncomment a line to change it. Files beside this one override the parent's by name:",
  'commands.theme.yaml.files': "  partials/NAME.hbs (e.g. partials/cover.hbs), issue.hbs, styles/NAME.css (a new name is added after the parent's sheets);",
  'commands.theme.yaml.readable': '  fonts/*.woff2 and images/* are readable by the page. A theme is code-like: use themes you trust.',
  'commands.theme.yaml.description': '{name}, based on {parent}',
  'commands.theme.yaml.language': 'the label set: vi or en',
  'commands.theme.yaml.labels': 'single fixed words, e.g.',
  'commands.theme.yaml.colors': 'each becomes the CSS variable --color-<name>',
  'commands.theme.yaml.font-files': 'or { family: Inter, files: [{ src: fonts/inter-400.woff2, weight: 400 }] }',
  'commands.theme.yaml.font-size': 'body text, in points',
  'commands.theme.yaml.columns': 'news lists in 1 or 2 columns',
  'commands.theme.yaml.logo': 'used when the issue has no series.logo',
} as const;
