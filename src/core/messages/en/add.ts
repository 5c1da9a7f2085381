/** Messages of `bantin add` (src/commands/add): why a link failed or was skipped, what to check in a draft, the command line's words. */
export const add = {
  // The command line.
  'add.cli.description': 'fetch article pages and append a draft item for each to a part of the issue (title, date, outlet and summary from the page; `bantin check` warns until each is read)',
  'add.cli.arg.issue': 'issue',
  'add.cli.arg.links': 'links',
  'add.cli.issue': 'the issue file (.yaml, .yml or .md); it is rewritten in place, once, with every item added',
  'add.cli.links': 'the articles’ addresses (http or https)',
  'add.cli.part': 'the part to add to: its number (1 = the first) or its title; needed when the issue has more than one part of items',
  'add.cli.from-file': 'also read links from this file, one a line (blank lines and lines starting with # are skipped)',
  'add.cli.offline': 'read the page of the link from this saved HTML file instead of fetching it (repeat it once for each link, in the same order)',
  'add.out.added': '+ {title} ({outlet}, {date})',
  'add.out.no-date': 'no date',
  'add.out.note': '    check: {note}',
  'add.out.skipped': '= skipped {url}: {reason}',
  'add.out.failed': '✗ {url}: {reason}',
  'add.out.done': 'added {added} of {total} links to part {number} ({title}) of {file}, as drafts: read each one, then delete its "draft: true" or "Nháp: có" (bantin check lists them)',
  'add.out.nothing': 'nothing added: {file} is unchanged',
  'add.some-failed': '{failed} of {total} links could not be added (see above); the others are in the issue',

  // Errors before anything is fetched.
  'add.unknown-format': 'cannot tell the form of {file}: an issue file ends in .yaml, .yml or .md',
  'add.no-links': 'no link given: name the articles’ addresses after the issue file, or a list with --from-file',
  'add.offline-count': '--offline gives {pages} saved pages for {links} links: give one saved page per link, in the same order',
  'add.symlink': '{file} is a symbolic link: bantin add rewrites the issue file, which would replace the link by a copy; name the file it points to',
  'add.invalid': '{file} has errors: fix them first (bantin check), then add the links',
  'add.cannot-read-list': 'cannot read the list of links {file}: {reason}',
  'add.part.summary': 'summary',
  'add.part.which': 'which part? This issue has several parts of items: name one with --part NUMBER or --part "TITLE" ({parts})',
  'add.part.none': 'this issue has no part that holds items, only summaries ({parts}): add a news part first',
  'add.part.unknown': 'there is no part "{part}": name one by its number or title ({parts})',
  'add.part.is-summary': 'part {part} is a summary, made of sections, not items: choose a part of items ({parts})',
  'add.no-articles-list': 'the chosen part has no articles list to add to',
  'add.flow-list': 'the chosen part writes its articles on one line, in brackets: write them as a list, one "- " item per story, then run bantin add again',
  'add.changed': '{file} was changed while the pages were read: nothing was written; run bantin add again',
  'add.bug.read-back': 'bantin add made an issue that does not read back as the issue plus the new items; {file} was not changed',

  // Why a link failed (after the address, in the report).
  'add.fail.not-address': 'not a web address',
  'add.fail.scheme': 'only http and https pages can be added, not {scheme}:',
  'add.fail.redirects': 'more than {max} redirects',
  'add.fail.bad-redirect': 'the server redirects to an address that is not one',
  'add.fail.not-found': 'the page does not exist (HTTP {status})',
  'add.fail.status': 'the server answered HTTP {status}',
  'add.fail.not-html': 'not a web page but {type}',
  'add.fail.not-html-text': 'what came back is not an HTML page',
  'add.fail.too-big': 'the page is larger than {max}',
  'add.fail.timeout': 'no complete answer within {seconds} s',
  'add.fail.no-host': 'no such host (check the address, or the connection)',
  'add.fail.refused': 'the server refused the connection',
  'add.fail.reset': 'the connection was cut off',
  'add.fail.tls': 'the secure connection failed ({code})',
  'add.fail.network': 'the page could not be fetched ({code})',
  'add.fail.no-title': 'the page has no title (no headline, og:title or <title>)',
  'add.fail.invalid-item': 'what the page says cannot make an item ({field}: {problem})',
  'add.fail.saved-page': 'cannot read the saved page {file}: {reason}',

  // Why a link was skipped.
  'add.skip.in-issue': 'the issue has this article already ({where})',
  'add.skip.in-previous': 'the previous issue, {file}, had this article ({where})',
  'add.skip.twice': 'the same article as {url}, added once',

  // What the editor must look at in a draft.
  'add.note.date-implausible': 'the page dates itself {date}, too far from the issue to be right: the date was left out',
  'add.note.date-outside': 'dated {date}, outside the issue ({start} – {end})',
  'add.note.no-date-set': 'the page gives no date: dated {date}, the issue’s first day; correct it',
  'add.note.no-date': 'the page gives no date',
  'add.note.no-summary': 'the page has no summary: write the text',

  // The comment written above each drafted item.
  'add.comment.yaml': 'drafted by bantin add from the page: check it against the article, then delete "draft: true"',
  'add.comment.md': 'drafted by bantin add from the page: check it against the article, then delete "Nháp: có"',
} as const;
