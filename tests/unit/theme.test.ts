/**
 * Themes: the chain and its lookup, theme.yaml errors at their lines, template checks,
 * labels (the English set prints no Vietnamese fixed word), limits, and the page's allow-list.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../src/core/diagnostics.js';
import { setLanguage } from '../../src/core/i18n.js';
import { loadIssue, loadIssueText } from '../../src/issue/load.js';
import { check } from '../../src/commands/check.js';
import { bantinFile } from '../../src/print/requests.js';
import { checkTheme } from '../../src/render/check-theme.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { themeCss, themeUrl } from '../../src/render/theme-css.js';
import { resetTemplates } from '../../src/render/templates.js';
import { themeIssue } from '../../src/theme/choose.js';
import { themeJsonSchema } from '../../src/theme/json-schema.js';
import { LABEL_KEYS } from '../../src/theme/label-keys.js';
import { labelSet } from '../../src/theme/labels.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { COLOR_KEYS } from '../../src/theme/schema.js';
import { resolveTheme } from '../../src/theme/theme.js';
import { MINIMAL_ISSUE } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/themes');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bantin-theme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A theme folder in the temp dir: theme.yaml plus any files. */
function themeDir(name: string, yaml: string, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'theme.yaml'), yaml);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<UserError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('the built-in themes', () => {
  it('are base and haiphong; haiphong extends base and gives every colour, font and label', async () => {
    expect(builtinThemeNames()).toEqual(expect.arrayContaining(['base', 'haiphong']));
    const theme = await resolveTheme('haiphong', root);
    expect(theme.layers.map((l) => l.name)).toEqual(['haiphong', 'base']);
    expect(Object.keys(theme.colors).sort()).toEqual([...COLOR_KEYS].sort());
    expect(theme.colors.primary).toBe('#0c3460');
    expect(theme.labels.contents).toBe('Mục lục');
    expect(theme.fonts.sans.family).toBe('Be Vietnam Pro');
    expect(theme.partials.has('cover')).toBe(true);
    // Its own sheet: the compact cover index (limits.coverIndex).
    expect(theme.styles.map((s) => s.name)).toEqual(['bulletin.css', 'cover-index.css']);
    expect(theme.limits).toEqual({ highlights: 6, tocItems: 0, coverIndex: { A4: 44, A5: 26 } });
  });

  it('validate against the shipped JSON Schema, which is the one generated from the zod schema', () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'schema/theme.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped).toEqual(themeJsonSchema());
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(shipped);
    for (const name of builtinThemeNames()) {
      const doc = parse(readFileSync(path.join(root, 'themes', name, 'theme.yaml'), 'utf8')) as unknown;
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ name: 'x', colours: {} })).toBe(false);
  });

  it.each(['styles/bulletin.css', 'styles/web/web.css'])('every colour in %s comes from a theme variable', (sheet) => {
    const css = readFileSync(path.join(root, sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(/#[0-9a-fA-F]{3,8}\b/);
    expect(css).not.toMatch(/\brgba?\(\s*\d/);
    expect(css).not.toMatch(/:\s*(white|black)\b/);
  });

  it('no built-in stylesheet sizes by container query (one on the cover links cost so-20 ~0.25 s: every relayout while fonts load)', () => {
    const sheets = ['styles/bulletin.css', 'styles/web/web.css', ...['digest', 'hcm-infographic'].flatMap((t) => readdirSync(path.join(root, 'themes', t, 'styles'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => `themes/${t}/styles/${f}`))];
    for (const sheet of sheets) {
      const css = readFileSync(path.join(root, sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css, sheet).not.toMatch(/@container|\bcontainer(-type)?\s*:/);
    }
  });
});

describe('a child theme', () => {
  it('overrides values, partials by name and stylesheets by name, and adds new sheets after its parent’s', async () => {
    const dir = themeDir('child', 'name: child\nextends: haiphong\ncolors:\n  primary: "#123456"\nlabels:\n  contents: Nội dung\n', {
      'partials/figure.hbs': '<figure class="mine">{{t "photo"}}</figure>',
      'styles/extra.css': '.x { background: url(../images/dot.png); }',
      'images/dot.png': 'png',
    });
    const theme = await resolveTheme(dir, tmp);
    expect(theme.layers.map((l) => l.name)).toEqual(['child', 'haiphong', 'base']);
    expect(theme.colors.primary).toBe('#123456');
    expect(theme.colors.accent).toBe('#e2622b');
    expect(theme.labels.contents).toBe('Nội dung');
    expect(theme.partials.get('figure')!.file).toBe(path.join(dir, 'partials/figure.hbs'));
    expect(theme.partials.get('cover')!.layer).toBe(2);
    expect(theme.styles.map((s) => s.name)).toEqual(['bulletin.css', 'cover-index.css', 'extra.css']);
    const css = themeCss(theme);
    expect(css).toContain('--color-primary: #123456;');
    expect(css).toContain(`url(${themeUrl(0, 'images/dot.png')})`);
  });

  it('in a folder named by series.theme is found beside the issue; --theme overrides it', async () => {
    const loaded = await loadIssue(path.join(fixtures, 'english-issue.yaml'));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const themed = await themeIssue(loaded.issue!, loaded.source);
    expect(themed.theme.name).toBe('english');
    expect(themed.issue.title).toBe('Science and Technology Brief No. 15/2026');
    expect((await themeIssue(loaded.issue!, loaded.source, 'haiphong')).theme.name).toBe('haiphong');
  });
});

describe('theme.yaml errors', () => {
  it('name theme.yaml:line:col, the field and what was expected', async () => {
    const dir = themeDir('bad', 'name: bad\ncolours:\n  primary: "#123456"\ncolors:\n  primary: navy\n  pink: "#ff00ff"\n');
    const error = await failure(resolveTheme(dir, tmp));
    const lines = error.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.path}: ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^theme\.yaml:2:1 colours: unknown field "colours": did you mean "colors"\?/),
        expect.stringMatching(/^theme\.yaml:5:12 colors\.primary: expected a colour written #rrggbb/),
        expect.stringMatching(/^theme\.yaml:6:3 colors\.pink: unknown field "pink": did you mean "ink"\?/),
      ]),
    );
  });

  it('speak the interface language: Vietnamese with the same places', async () => {
    const dir = themeDir('bad-vi', 'name: bad\ncolors:\n  primary: navy\npage:\n  size: A3\n  margins: {A4: {top: 2}}\ncover:\n  logo: ../logo.png\nfonts:\n  serif: {family: "Noto Serif!"}\n');
    try {
      setLanguage('vi');
      const error = await failure(resolveTheme(dir, tmp));
      expect(error.diagnostics.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`)).toEqual([
        '3:12 colors.primary: cần một màu viết dạng #rrggbb (ví dụ "#0c3460", đặt trong ngoặc kép) hoặc rgb(…)/hsl(…)',
        '10:19 fonts.serif.family: cần tên họ phông chữ chỉ gồm chữ cái, chữ số, dấu cách và dấu gạch nối',
        '5:9 page.size: cần khổ giấy: A4 hoặc A5',
        '6:23 page.margins.A4.top: cần ít nhất 5 mm',
        '8:9 cover.logo: cần một tệp ảnh bên trong thư mục giao diện (không có "..", không dùng đường dẫn tuyệt đối)',
      ]);
    } finally {
      setLanguage('en');
    }
  });

  it('an unknown built-in theme points at series.theme in the issue', async () => {
    const text = MINIMAL_ISSUE.replace('  publisher:', '  theme: hanoi\n  publisher:');
    const loaded = await loadIssueText(path.join(tmp, 'issue.yaml'), text);
    const error = await failure(themeIssue(loaded.issue!, loaded.source));
    expect(error.diagnostics[0]).toMatchObject({ line: 3, path: 'series.theme' });
    expect(error.diagnostics[0]!.message).toMatch(/no built-in theme is called "hanoi": expected one of base, digest, haiphong/);
  });

  it('themes that extend each other in a circle are refused', async () => {
    themeDir('a', 'name: a\nextends: ../b\n');
    const b = themeDir('b', 'name: b\nextends: ../a\n');
    expect((await failure(resolveTheme(b, tmp))).message).toMatch(/in a circle: b → a → b/);
  });

  it('an issue with more cover highlights than the theme shows is an error at the first one too many', async () => {
    const dir = themeDir('few', 'name: few\nlimits:\n  highlights: 0\n');
    const text = MINIMAL_ISSUE.replace('parts:', 'cover:\n  highlights: [kinh-te-so-huong-toi-30-gdp]\nparts:');
    const loaded = await loadIssueText(path.join(tmp, 'issue.yaml'), text);
    const themed = await themeIssue(loaded.issue!, loaded.source, dir);
    expect(themed.diagnostics[0]).toMatchObject({ path: 'cover.highlights[0]', code: 'theme-limit' });
  });
});

describe('theme templates', () => {
  it('an unknown partial or label is an error naming the template file and line, not an empty string', async () => {
    const dir = themeDir('tpl', 'name: tpl\n', { 'partials/figure.hbs': '<figure>\n  {{> captions}}\n  {{t "credits"}}\n</figure>' });
    const error = await failure(async () => checkTheme(await resolveTheme(dir, tmp)));
    expect(error.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.code}`)).toEqual(['figure.hbs:2:3 unknown-partial', 'figure.hbs:3:3 unknown-label']);
    expect(error.diagnostics[1]!.message).toMatch(/no label is called "credits": expected one of issueTitle/);
  });

  it('a template that does not parse names its line', async () => {
    const dir = themeDir('parse', 'name: parse\n', { 'partials/toc.hbs': '<nav>\n{{#each issue.parts}}\n</nav>' });
    const error = await failure(async () => checkTheme(await resolveTheme(dir, tmp)));
    expect(error.diagnostics[0]).toMatchObject({ code: 'template' });
    expect(path.basename(error.diagnostics[0]!.file)).toBe('toc.hbs');
  });

  it('cannot reach prototype properties', async () => {
    resetTemplates();
    const dir = themeDir('proto', 'name: proto\n', { 'partials/figure.hbs': '<i>{{constructor.name}}{{issue.constructor}}{{__proto__}}</i>' });
    const loaded = await loadIssueText(path.join(tmp, 'issue.yaml'), MINIMAL_ISSUE);
    const { theme, issue } = await themeIssue(loaded.issue!, loaded.source, dir);
    const { html } = await renderIssueHtml(issue, { theme });
    expect(html).not.toMatch(/Object|function/);
  });
});

describe('labels', () => {
  it('the shipped vi and en sets give every label', () => {
    for (const language of ['vi', 'en'] as const) expect(Object.keys(labelSet(language)).sort()).toEqual([...LABEL_KEYS].sort());
  });

  it('an English issue with English labels prints no Vietnamese fixed word', async () => {
    const loaded = await loadIssue(path.join(fixtures, 'english-issue.yaml'));
    const { html } = await renderIssueHtml(loaded.issue!);
    const body = html.slice(html.indexOf('<body'));
    const text = body.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    expect(html).toContain('<html lang="en"');
    expect(text).toContain('Inside this issue');
    // The spotlight's kicker is its part's own title.
    expect(body).toMatch(/class="spotlight-kicker"><span class="spotlight-kicker-part">In focus/);
  });
});

describe('the page reads only the theme’s own files', () => {
  const dir = themeDir('files', 'name: files\n', { 'styles/a.css': '', 'fonts/a.woff2': 'x', 'images/a.png': 'x', 'notes.txt': 'x' });
  writeFileSync(path.join(tmp, 'secret.png'), 'x');
  symlinkSync(path.join(tmp, 'secret.png'), path.join(dir, 'images/link.png'));
  const files = { roots: [dir], fontsource: new Map<string, string>() };

  it('serves its styles, fonts and images', () => {
    for (const f of ['styles/a.css', 'fonts/a.woff2', 'images/a.png']) expect(bantinFile(themeUrl(0, f), files)).toBe(path.join(dir, f));
  });

  it('refuses theme.yaml, other files, a way out and a link that leads out', () => {
    for (const f of ['theme.yaml', 'notes.txt', '../secret.png', 'images/link.png']) expect(bantinFile(themeUrl(0, f), files), f).toBeUndefined();
    expect(bantinFile(themeUrl(1, 'styles/a.css'), files)).toBeUndefined();
    expect(bantinFile(themeUrl(0, 'styles/a.css'))).toBeUndefined();
  });
});

describe('bantin check', () => {
  it('checks the chosen theme: its theme.yaml and its templates', async () => {
    const issue = path.join(tmp, 'checked.yaml');
    writeFileSync(issue, MINIMAL_ISSUE.replace('  publisher:', '  theme: ./checked-theme\n  publisher:'));
    themeDir('checked-theme', 'name: checked\ncolors:\n  accent: orange\n');
    const [bad] = await check([issue]);
    expect(bad!.ok).toBe(false);
    expect(bad!.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.path}`)).toEqual(['theme.yaml:3:11 colors.accent']);
    themeDir('checked-theme', 'name: checked\n', { 'partials/toc.hbs': '{{t "tableOfContents"}}' });
    const [template] = await check([issue]);
    expect(template!.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.code}`)).toEqual(['toc.hbs:1 unknown-label']);
    const [fine] = await check([issue], { theme: 'haiphong' });
    expect(fine!.ok).toBe(true);
  });
});
