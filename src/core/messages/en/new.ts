/** Messages of `bantin new` (src/commands/new): its errors, its questions, and the comments of the skeleton it writes. */
export const newIssue = {
  // Errors.
  'new.cannot-write': 'cannot write {file}: {reason}',
  'new.no-folder': 'the folder {dir} does not exist',
  'new.cannot-start': 'cannot start the next issue: {reason}',
  'new.cannot-start-from': 'cannot start from {file}: it has errors (fix them, or name another issue with --from)',
  'new.cannot-read-folder': 'cannot read the folder {dir}',
  'new.output-is-folder': "{output} is a folder, not a file: name the new issue's file (-o {example}), or use --dir {output} to write it there under its usual name",
  'new.output-exists': '{output} already exists: bantin new never overwrites a file (choose another name with -o)',
  'new.week-too-late': "the new issue's week would run past 31/12/9999, the last day an issue's date can have: {fix}",
  'new.week-too-late.earlier': 'choose an earlier --week-start',
  'new.week-too-late.give': 'give its first day with --week-start',
  'new.number-too-big': "the new issue's number would be {number}, more than three digits: give it with --number (number/year, at most 999)",
  'new.no-previous': 'there is no previous issue to continue: name one with --from, or start a series with {flags} (no terminal to ask in, or --yes)',

  // A bug of bantin's, should the skeleton not read back (said with the internal-error line).
  'new.bug.markdown': 'bantin new made an issue it cannot write as Markdown',
  'new.bug.invalid': 'bantin new made an invalid issue:',

  // Questions (in a terminal).
  'new.ask.answer-needed': 'an answer is needed',
  'new.ask.title': 'Series title',
  'new.ask.publisher-first': 'Publisher, first line (parent body first)',
  'new.ask.publisher-more': 'Publisher, line {line} (Enter when done): ',
  'new.ask.number': 'Issue number (number/year)',
  'new.ask.number-invalid': 'expected number/year, e.g. 1/2026',
  'new.ask.week-start': 'First day of the week (e.g. 20/4/2026)',
  'new.ask.week-start-invalid': 'expected a real date, written 20/4/2026 or 2026-04-20',

  // The skeleton's comments (YAML).
  'new.yaml.started': 'started by `bantin new`{from}.',
  'new.yaml.started-from': ' from {file}',
  'new.yaml.replace': 'Replace the placeholders (`bantin check` lists those left), then: bantin build',
  'new.yaml.number': 'number/year',
  'new.yaml.period': 'items dated outside it get a warning',
  'new.yaml.parts': 'in reading order; kind: summary, news or spotlight',
  'new.yaml.highlights': 'article or part ids (as many as the theme allows; give them an id:), listed on the cover with their pages',
  'new.yaml.intro': 'intro: the opening paragraph (Markdown, optional)',
  'new.yaml.sections': 'one heading each; the body is Markdown (### sub-heading, - bullets, **bold**)',
  'new.yaml.section-body': 'placeholder: write this section',
  'new.yaml.first-story': 'Placeholder: replace it with the first story, then copy the block for each further one.',
  'new.yaml.date.week': 'YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, within the week',
  'new.yaml.date.month': 'YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, within the month',
  'new.yaml.title': 'sentence case, printed as written (a title typed in capitals gets a warning)',
  'new.yaml.date-optional.digest': 'optional for a digest item',
  'new.yaml.date-optional.spotlight': 'optional for a spotlight story',
  'new.yaml.source': 'printed as "Chi tiết: <name>" with a QR code to the url',
  'new.yaml.body': 'Markdown; a blank line between paragraphs',
} as const;
