/**
 * The Markdown issue file (issue.md), first-class beside YAML: front matter for everything that
 * is not a part, parts as `#` headings, items and summary sections as `##` headings with
 * attribute lines under them, bodies as plain Markdown, and ```bantin blocks (YAML) for what
 * has no natural form. Read into the same IssueSource as YAML, so every later stage — schema,
 * model, lint, print-time problems — is shared and points at .md lines.
 */
export { parseMarkdownIssue } from './parse.js';
export { formatOf, isMarkdownFile, parseIssueFile, readIssueInput, type IssueFormat, type ReadIssue } from './read.js';
export { yamlToMarkdown, NotLossless, type Converted } from './from-yaml.js';
export { markdownToYaml } from './to-yaml.js';
