/** Writing the plan out as YAML: the schema line for editors, then placeholders with comments on what to write. */
import path from 'node:path';
import { Document, YAMLMap, type Node } from 'yaml';
import { formatWeek, type DateInfo } from '../../issue/dates.js';
import { PLACEHOLDER } from '../../issue/lint.js';
import type { PartPlan, Plan } from './plan.js';
import { schemaReference } from './schema-ref.js';
import { t } from '../../core/i18n.js';

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
    ...comment(`${plan.seriesTitle} số ${plan.number}, ${plan.month ? `tháng ${start.month}/${start.year}` : `tuần ${week}`}: ${t('new.yaml.started', { from: plan.from ? t('new.yaml.started-from', { file: path.basename(plan.from) }) : '' })}`),
    ...comment(t('new.yaml.replace')),
    '',
    carried.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
    '',
    'issue:',
    `  number: ${plan.number} # ${t('new.yaml.number')}`,
    ...(plan.month
      ? [`  period: # ${t('new.yaml.period')}`, `    month: ${plan.month}`]
      : [`  week: # ${t('new.yaml.period')}`, `    start: ${start.iso}`, `    end: ${end.iso}`]),
    '',
    ...coverLines(plan.coverImage),
    '',
    `parts: # ${t('new.yaml.parts')}`,
    ...plan.parts.flatMap((part) => partLines(part, start, Boolean(plan.month))),
  ];
  return `${lines.join('\n')}\n`;
}

function coverLines(image: Node | undefined): string[] {
  const highlights = `# highlights: [article-id, …] # ${t('new.yaml.highlights')}`;
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
      `    # ${t('new.yaml.intro')}`,
      `    sections: # ${t('new.yaml.sections')}`,
      ...(part.sections.length ? part.sections : ['Xu hướng chung']).flatMap((title) => [
        `      - title: ${scalar(title)}`,
        `        body: | # ${t('new.yaml.section-body')}`,
        `          ${PLACEHOLDER.sectionBody}`,
      ]),
    ];
  }
  return [
    ...head,
    '    articles:',
    `      # ${t('new.yaml.first-story')}`,
    ...(part.kind === 'news'
      ? [`      - date: ${start.iso} # ${t(monthly ? 'new.yaml.date.month' : 'new.yaml.date.week')}`, `        title: ${scalar(PLACEHOLDER.title)} # ${t('new.yaml.title')}`]
      : [`      - title: ${scalar(PLACEHOLDER.title)} # ${t('new.yaml.title')}`, `        # date: ${start.iso} # ${t(part.kind === 'digest' ? 'new.yaml.date-optional.digest' : 'new.yaml.date-optional.spotlight')}`]),
    `        source: # ${t('new.yaml.source')}`,
    `          name: ${scalar(PLACEHOLDER.sourceName)}`,
    `          url: ${PLACEHOLDER.url}`,
    `        body: | # ${t('new.yaml.body')}`,
    `          ${PLACEHOLDER.body}`,
  ];
}
