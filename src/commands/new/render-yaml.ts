/** Writing the plan out as YAML: the schema line for editors, then placeholders with comments on what to write. */
import path from 'node:path';
import { Document, YAMLMap, type Node } from 'yaml';
import { formatWeek, type DateInfo } from '../../issue/dates.js';
import { PLACEHOLDER } from '../../issue/lint.js';
import type { PartPlan, Plan } from './plan.js';
import { schemaReference } from './schema-ref.js';

/**
 * A value on the rest of a `key: ` line. A title with a line break (or another control
 * character) would be written as a block scalar, which needs its own indentation: it is
 * written double-quoted, with the break as \n.
 */
const scalar = (value: string) =>
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(value) ? JSON.stringify(value) : new Document(value).toString({ lineWidth: 0 }).trimEnd();
const comment = (text: string) => text.split(/\r\n?|\n/).map((line) => `# ${line}`.trimEnd());

export function renderIssueYaml(plan: Plan & { output: string; from?: string }): string {
  const { start, end } = plan.week;
  const week = formatWeek(start, end);
  const schema = schemaReference(path.dirname(plan.output));
  const carried = new Document(new YAMLMap());
  for (const [key, value] of plan.carried) (carried.contents as YAMLMap).set(key, value);
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    ...comment(`${plan.seriesTitle} số ${plan.number}, ${plan.month ? `tháng ${start.month}/${start.year}` : `tuần ${week}`}: started by \`bantin new\`${plan.from ? ` from ${path.basename(plan.from)}` : ''}.`),
    ...comment('Replace the placeholders (`bantin check` lists those left), then: bantin build'),
    '',
    carried.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
    '',
    'issue:',
    `  number: ${plan.number} # number/year`,
    ...(plan.month
      ? ['  period: # items dated outside it get a warning', `    month: ${plan.month}`]
      : ['  week: # items dated outside it get a warning', `    start: ${start.iso}`, `    end: ${end.iso}`]),
    '',
    ...coverLines(plan.coverImage),
    '',
    'parts: # in reading order; kind: summary, news or spotlight',
    ...plan.parts.flatMap((part) => partLines(part, start, Boolean(plan.month))),
  ];
  return `${lines.join('\n')}\n`;
}

function coverLines(image: Node | undefined): string[] {
  const highlights = '# highlights: [article-id, …] # article or part ids (as many as the theme allows; give them an id:), listed on the cover with their pages';
  if (!image) return ['# cover:', `#   ${highlights.slice(2)}`];
  const doc = new Document(new YAMLMap());
  (doc.contents as YAMLMap).set('image', image);
  return ['cover:', `  ${highlights}`, ...doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n').map((l) => `  ${l}`)];
}

function partLines(part: PartPlan, start: DateInfo, monthly: boolean): string[] {
  const head = [`  - kind: ${part.kind}`, `    title: ${scalar(part.title)}`];
  if (part.kind === 'summary') {
    return [
      ...head,
      '    # intro: the opening paragraph (Markdown, optional)',
      '    sections: # one heading each; the body is Markdown (### sub-heading, - bullets, **bold**)',
      ...(part.sections.length ? part.sections : ['Xu hướng chung']).flatMap((title) => [
        `      - title: ${scalar(title)}`,
        '        body: | # placeholder: write this section',
        `          ${PLACEHOLDER.sectionBody}`,
      ]),
    ];
  }
  return [
    ...head,
    '    articles:',
    '      # Placeholder: replace it with the first story, then copy the block for each further one.',
    ...(part.kind === 'news'
      ? [`      - date: ${start.iso} # YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, within the ${monthly ? 'month' : 'week'}`, `        title: ${scalar(PLACEHOLDER.title)} # sentence case, printed as written (a title typed in capitals gets a warning)`]
      : [`      - title: ${scalar(PLACEHOLDER.title)} # sentence case, printed as written (a title typed in capitals gets a warning)`, `        # date: ${start.iso} # optional for a ${part.kind === 'digest' ? 'digest item' : 'spotlight story'}`]),
    '        source: # printed as "Chi tiết: <name>" with a QR code to the url',
    `          name: ${scalar(PLACEHOLDER.sourceName)}`,
    `          url: ${PLACEHOLDER.url}`,
    '        body: | # Markdown; a blank line between paragraphs',
    `          ${PLACEHOLDER.body}`,
  ];
}
