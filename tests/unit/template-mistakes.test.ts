/**
 * Template mistakes that crashed the build with an internal error (issue 26 item 8) are check
 * errors naming the theme's file and line: a partial named by a path outside the theme or by an
 * expression, a partial that includes itself (directly or through built-in partials), unknown
 * helpers and Handlebars' own hooks. What no check can see fails the render as a UserError
 * naming the template, never as a bug.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/diagnostics.js';
import { loadIssueText } from '../../src/issue/load.js';
import { checkTheme } from '../../src/render/check-theme.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { BANTIN_HELPERS } from '../../src/render/template-check.js';
import { helperNames, resetTemplates } from '../../src/render/templates.js';
import { themeIssue } from '../../src/theme/choose.js';
import { resolveTheme } from '../../src/theme/theme.js';
import { MINIMAL_ISSUE } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bantin-template-mistakes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let count = 0;

/** A theme extending haiphong with these partials (name → text). */
function theme(partials: Record<string, string>): string {
  const dir = path.join(tmp, `t${count++}`);
  mkdirSync(path.join(dir, 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'theme.yaml'), `name: t${count}\nextends: haiphong\n`);
  for (const [name, text] of Object.entries(partials)) writeFileSync(path.join(dir, 'partials', `${name}.hbs`), text);
  return dir;
}

async function problems(partials: Record<string, string>): Promise<string[]> {
  try {
    checkTheme(await resolveTheme(theme(partials), tmp));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.message).toBe("the theme's templates have errors; no PDF was written");
    return error.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.code}: ${d.message}`);
  }
  return [];
}

describe('check errors with the theme file and line', () => {
  it('a partial named by a path outside the theme, in quotes', async () => {
    expect(await problems({ figure: '<figure>\n  {{> "../x"}}</figure>' })).toEqual([expect.stringMatching(/^figure\.hbs:2:3 unknown-partial: no partial is called "\.\.\/x": expected one of article, block/)]);
    expect(await problems({ figure: '{{> ../../etc/passwd}}' })).toEqual([expect.stringMatching(/^figure\.hbs:1:1 unknown-partial: no partial is called "\.\.\/\.\.\/etc\/passwd"/)]);
  });

  it('a partial named by an expression (dynamic partials)', async () => {
    expect(await problems({ figure: '<figure>{{> (lookup . "src")}}</figure>' })).toEqual([
      'figure.hbs:1:9 dynamic-partial: a partial named by an expression ({{> (lookup …)}}) cannot be checked before printing: name the partial, e.g. {{> figure}}',
    ]);
  });

  it('a partial that includes itself, directly or through others (built-in ones too)', async () => {
    expect(await problems({ figure: '<figure>\n{{#if caption}}{{> figure}}{{/if}}</figure>' })).toEqual([
      'figure.hbs:2:16 partial-circle: the partial "figure" includes itself: it would repeat without end; a partial cannot call itself',
    ]);
    // figure (the theme's) → podcast (the theme's) → article (built in) → figure
    expect(await problems({ figure: '<figure>{{> podcast}}</figure>', podcast: '<p>{{> article}}</p>' })).toEqual([
      'figure.hbs:1:9 partial-circle: the partial "figure" includes itself through "podcast" → "article" (figure → podcast → article → figure): it would repeat without end; partials cannot call each other in a circle',
      // article calls podcast too: a second circle.
      'podcast.hbs:1:4 partial-circle: the partial "podcast" includes itself through "article" (podcast → article → podcast): it would repeat without end; partials cannot call each other in a circle',
    ]);
  });

  it('unknown helpers and Handlebars’ own hooks', async () => {
    expect(await problems({ figure: '<figure>{{helperMissing}}\n{{frobnicate src}} {{#each}}x{{/each}} {{log "x"}} {{lookup src}}</figure>' })).toEqual([
      "figure.hbs:1:9 unknown-helper: {{helperMissing}} is Handlebars' own hook, not a helper to call: remove it",
      expect.stringMatching(/^figure\.hbs:2:1 unknown-helper: no helper is called "frobnicate": expected one of breakUrl, cssString, each, eq/),
      'figure.hbs:2:20 helper-arguments: {{#each}} takes exactly one value, e.g. {{#each issue.parts}}',
      "figure.hbs:2:40 unknown-helper: {{log}} is Handlebars' own helper for debugging, which writes to bantin’s output, not the page: remove it",
      'figure.hbs:2:52 helper-arguments: lookup takes two values, e.g. (lookup issue.labels "contents")',
    ]);
  });

  it('accepts values, sections, inline partials and partial blocks', async () => {
    const figure = '{{#*inline "cap"}}<i>{{caption}}</i>{{/inline}}<figure>{{src}} {{this.alt}} {{#credit}}{{.}}{{/credit}} {{> cap}} {{image src}} {{#if (eq alt "x")}}{{inc 1}}{{/if}}</figure>';
    expect(await problems({ figure, podcast: '<div>{{> @partial-block}}</div>' })).toEqual([]);
  });

  it('knows every helper the renderer registers, and no other', () => {
    expect(new Set(helperNames())).toEqual(new Set([...BANTIN_HELPERS, 'if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']));
  });
});

describe('a render that fails in a theme’s own template', () => {
  it('is a UserError naming the template, not an internal error', async () => {
    resetTemplates();
    const dir = theme({ article: '<article id="{{id}}">{{pageref "no-such-id"}}</article>' });
    const loaded = await loadIssueText(path.join(tmp, 'issue.yaml'), MINIMAL_ISSUE);
    const { theme: resolved, issue } = await themeIssue(loaded.issue!, loaded.source, dir);
    const error = await renderIssueHtml(issue, { theme: resolved }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^the theme template .*partials\/article\.hbs failed while printing the issue: pageref: no article or part has the id "no-such-id"; no PDF was written/);
  });
});
