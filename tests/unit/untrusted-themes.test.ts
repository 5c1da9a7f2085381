/**
 * Themes are untrusted input too (issue 26): an output never replaces a file of the theme chain
 * or of bantin's install, in single and batch builds; every theme file is read by the one reader
 * (a regular file inside its folder, capped); an issue names a theme only inside its own folder;
 * a theme's missing fonts, font packages and logo are errors at theme.yaml's line; and
 * `theme new --eject` writes all or nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError, UsageError, UserError } from '../../src/core/diagnostics.js';
import { memoryLogger } from '../../src/core/logger.js';
import { MAX_FONT_BYTES, MAX_THEME_TEXT_BYTES, readInside } from '../../src/core/read-file.js';
import { check } from '../../src/commands/check.js';
import { prepare } from '../../src/commands/build.js';
import { buildMany } from '../../src/commands/build-many.js';
import { guardOutputs } from '../../src/commands/output-guard.js';
import { newTheme } from '../../src/commands/theme.js';
import { loadIssue } from '../../src/issue/load.js';
import { packageRoot } from '../../src/paths.js';
import { themeCss } from '../../src/render/theme-css.js';
import { themeIssue } from '../../src/theme/choose.js';
import { resolveTheme } from '../../src/theme/theme.js';
import { MINIMAL_ISSUE, TINY_PNG } from './helpers.js';

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'bantin-untrusted-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let count = 0;
/** A fresh folder holding issue.yaml (naming `series.theme` when given) and any other files. */
function project(files: Record<string, string | Buffer> = {}, seriesTheme?: string): { dir: string; issue: string } {
  const dir = path.join(tmp, `p${++count}`);
  mkdirSync(dir, { recursive: true });
  const issue = path.join(dir, 'issue.yaml');
  writeFileSync(issue, seriesTheme ? MINIMAL_ISSUE.replace('  publisher:', `  theme: ${seriesTheme}\n  publisher:`) : MINIMAL_ISSUE);
  for (const [file, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), data);
  }
  return { dir, issue };
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** The CLI's line for a problem: file name, line, field, message. */
const where = (d: { file: string; line: number; path: string; message: string }) => `${path.basename(d.file)}:${d.line} ${d.path}: ${d.message}`;

const FONT = Buffer.from('wOF2\0\0\0\0');
const THEME_FILES = {
  't/theme.yaml': 'name: t\nextends: haiphong\nfonts:\n  serif:\n    family: Theme Body\n    files:\n      - { src: fonts/body.woff2, weight: 400 }\ncover:\n  logo: images/logo.png\n',
  't/partials/figure.hbs': '<figure>{{t "photo"}}</figure>',
  't/styles/extra.css': '.x { background: url(../images/dot.png); }',
  't/fonts/body.woff2': FONT,
  't/images/logo.png': TINY_PNG,
  't/images/dot.png': TINY_PNG,
};

describe('item 1: -o onto a file of the theme chain or of the install is refused', () => {
  const { dir, issue } = project(THEME_FILES);
  const theme = path.join(dir, 't');
  const targets = ['theme.yaml', 'partials/figure.hbs', 'styles/extra.css', 'fonts/body.woff2', 'images/logo.png', 'images/dot.png'];

  it.each(targets)('t/%s: a usage error, the file untouched', async (name) => {
    const file = path.join(theme, name);
    const before = readFileSync(file);
    const error = await failure(prepare({ input: issue, output: file, theme, logger: memoryLogger() }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/bantin never overwrites its inputs/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('also through a hard link; a file in the theme folder that the theme does not use may be replaced', async () => {
    const link = path.join(dir, 'same.pdf');
    execFileSync('ln', [path.join(theme, 'theme.yaml'), link]);
    expect(await failure(prepare({ input: issue, output: link, theme, logger: memoryLogger() }))).toBeInstanceOf(UsageError);
    const html = path.join(theme, 'out.html');
    writeFileSync(html, '<p>a file of the theme folder');
    // out.html is no theme file: the guard refuses only what the theme uses.
    await prepare({ input: issue, output: path.join(theme, 'out.pdf'), html: true, theme, logger: memoryLogger() });
  });

  it.each(['themes/haiphong/theme.yaml', 'themes/digest/styles', 'templates/labels/vi.yaml', 'templates/partials/cover.hbs', 'styles/bulletin.css', 'assets/icc/sRGB.icc', 'schema/theme.schema.json', 'package.json'])(
    "bantin's own %s is refused",
    async (name) => {
      let file = path.join(packageRoot, name);
      if (!name.includes('.')) file = path.join(file, readdirSync(file)[0]!);
      const error = await failure(guardOutputs([file], []));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toMatch(/bantin's own file|never overwrites its inputs/);
    },
  );

  it('an output onto the previous issue beside it (which the check reads) is refused', async () => {
    const { dir, issue } = project({});
    const previous = path.join(dir, 'so-19-2026.yaml');
    writeFileSync(previous, MINIMAL_ISSUE);
    const error = await failure(prepare({ input: issue, output: previous, logger: memoryLogger() }));
    expect(error).toBeInstanceOf(UsageError);
    expect(readFileSync(previous, 'utf8')).toBe(MINIMAL_ISSUE);
  });

  it('an output below a regular file is refused before anything is printed (issue 26 item 10)', async () => {
    const file = path.join(tmp, 'afile');
    writeFileSync(file, 'x');
    const error = await failure(guardOutputs([path.join(file, 'x.pdf')], []));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(`cannot write ${path.join(file, 'x.pdf')}: ${file} is a file, not a folder; nothing was written`);
  });

  it('the built-in theme a build uses, named by --theme, is refused too', async () => {
    const file = path.join(packageRoot, 'themes/digest/theme.yaml');
    const before = readFileSync(file);
    expect(await failure(prepare({ input: issue, output: file, theme: 'digest', logger: memoryLogger() }))).toBeInstanceOf(UsageError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('item 2: in a batch, no output replaces another input of the batch', () => {
  it('b.yaml would write b.pdf, which is an issue of the same batch: refused, nothing printed', async () => {
    const { dir } = project({ 'b.yaml': MINIMAL_ISSUE, 'b.pdf': MINIMAL_ISSUE });
    const b = path.join(dir, 'b.yaml');
    const other = path.join(dir, 'b.pdf');
    const result = await buildMany({ inputs: [b, other], logger: memoryLogger() });
    expect(result.items.map((i) => i.result)).toEqual([undefined, undefined]);
    const errors = result.items.map((i) => i.error);
    expect(errors.every((e) => e instanceof UsageError)).toBe(true);
    expect((errors[0] as Error).message).toMatch(/b\.pdf is the input .*b\.pdf: bantin never overwrites its inputs/);
    expect(readFileSync(other, 'utf8')).toBe(MINIMAL_ISSUE);
  });
});

describe('item 3: one reader for every theme file', () => {
  it('readInside: a regular file inside its root, capped; a link out, a FIFO, a device are refused', async () => {
    const { dir } = project({ 'in/a.txt': 'xin chào', 'secret.txt': 'secret' });
    const root = path.join(dir, 'in');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'out.txt'));
    symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    expect((await readInside(path.join(root, 'a.txt'), { root, max: 100 })).toString()).toBe('xin chào');
    await expect(readInside(path.join(root, 'out.txt'), { root, max: 100 })).rejects.toThrow(/leads out of/);
    await expect(readInside(path.join(root, 'zero.txt'), { root, max: 100 })).rejects.toThrow(/leads out of/);
    await expect(readInside(path.join(root, 'pipe.txt'), { root, max: 100 })).rejects.toThrow(/FIFO/);
    await expect(readInside(path.join(root, 'a.txt'), { root, max: 4 })).rejects.toThrow(/more than/);
    await expect(readInside('/dev/zero', { root: '/dev', max: 100 })).rejects.toThrow(/device/);
  });

  it('documents a cap for theme text and for fonts', () => {
    expect(MAX_THEME_TEXT_BYTES).toBeGreaterThan(100_000);
    expect(MAX_FONT_BYTES).toBeLessThan(200 * 1024 * 1024);
  });

  it.each([
    ['theme.yaml', 't/theme.yaml'],
    ['a partial', 't/partials/figure.hbs'],
    ['a stylesheet', 't/styles/extra.css'],
  ])('%s that is a link to /dev/zero is refused before it is read', async (_what, name) => {
    const { dir } = project({ 't/theme.yaml': 'name: t\n', 't/partials/figure.hbs': 'x', 't/styles/extra.css': '' });
    rmSync(path.join(dir, name));
    symlinkSync('/dev/zero', path.join(dir, name));
    const error = await failure(resolveTheme(path.join(dir, 't'), dir));
    expect(error.message).toMatch(new RegExp(`${path.basename(name).replace('.', '\\.')}.*leads out of`));
  });

  it('a 200 MB font file is refused at its line in theme.yaml, before anything reads it', async () => {
    const { dir, issue } = project(THEME_FILES);
    truncateSync(path.join(dir, 't/fonts/body.woff2'), 200 * 1024 * 1024);
    const [result] = await check([issue], { theme: path.join(dir, 't') });
    expect(result!.ok).toBe(false);
    expect(result!.diagnostics.map(where)).toEqual([expect.stringMatching(/^theme\.yaml:7 fonts\.serif\.files\[0\]\.src: .*200 MB, more than the \d+ MB bantin reads/)]);
  });
});

describe('item 4: a theme named by the issue stays inside its folder', () => {
  // Beside every project folder (tmp/pN): ../outside-theme from any of them.
  const outside = path.join(tmp, 'outside-theme');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'theme.yaml'), 'name: outside\n');

  it.each([outside, '../outside-theme'])('series.theme: %s is an error at series.theme that says to pass --theme', async (spec) => {
    const { issue } = project({}, spec);
    const loaded = await loadIssue(issue);
    const error = await failure(themeIssue(loaded.issue!, loaded.source));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ line: 3, col: 10, path: 'series.theme' });
    expect(error.diagnostics[0]!.message).toMatch(/outside the issue's folder.*--theme/);
    // Named on the command line, the same folder is taken.
    expect((await themeIssue(loaded.issue!, loaded.source, outside)).theme.name).toBe('outside');
  });

  it('a theme inside the folder, or a built-in, is fine; a link or an extends that leads out is not', async () => {
    const ok = project({ 'theme/theme.yaml': 'name: inside\nextends: digest\n' }, './theme');
    const loaded = await loadIssue(ok.issue);
    expect((await themeIssue(loaded.issue!, loaded.source)).theme.layers.map((l) => l.name)).toEqual(['inside', 'digest', 'base']);

    const linked = project({}, './theme');
    symlinkSync(outside, path.join(linked.dir, 'theme'));
    const viaLink = await loadIssue(linked.issue);
    expect((await failure(themeIssue(viaLink.issue!, viaLink.source))).diagnostics[0]).toMatchObject({ line: 3, path: 'series.theme' });

    const extending = project({ 'theme/theme.yaml': `name: inside\nextends: ${outside}\n` }, './theme');
    const viaExtends = await loadIssue(extending.issue);
    const error = await failure(themeIssue(viaExtends.issue!, viaExtends.source));
    expect(error.diagnostics.map(where)).toEqual([expect.stringMatching(/^theme\.yaml:2 extends: .*outside the issue's folder.*--theme/)]);
  });
});

describe('item 5: partials and stylesheets that lead out of the theme folder are refused', () => {
  it.each(['partials/figure.hbs', 'styles/extra.css'])('%s as a link to a secret file: check fails, nothing of the secret is read', async (name) => {
    const { dir, issue } = project({ 'secret.txt': 'SECRET-TEXT', 't/theme.yaml': 'name: t\n' });
    mkdirSync(path.dirname(path.join(dir, 't', name)), { recursive: true });
    symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 't', name));
    const [result] = await check([issue], { theme: path.join(dir, 't') });
    expect(result!.ok).toBe(false);
    expect(JSON.stringify(result!.diagnostics)).toMatch(new RegExp(`${path.basename(name).replace('.', '\\.')}.*leads out of`));
    const theme = await failure(resolveTheme(path.join(dir, 't'), dir));
    expect(theme.message).not.toContain('SECRET-TEXT');
  });

  it('a link that stays inside the theme folder is followed', async () => {
    const { dir } = project({ 't/theme.yaml': 'name: t\n', 't/shared/a.css': '.a { color: var(--color-ink); }' });
    mkdirSync(path.join(dir, 't/styles'));
    symlinkSync('../shared/a.css', path.join(dir, 't/styles/a.css'));
    expect(themeCss(await resolveTheme(path.join(dir, 't'), dir))).toContain('.a { color: var(--color-ink); }');
  });
});

describe('item 6: missing theme assets are errors at check time, at theme.yaml:line', () => {
  it.each([
    ['a fontsource package that is not installed', 'fonts:\n  sans:\n    family: Inter\n    package: "@fontsource/no-such-font-bantin"\n', /^theme\.yaml:5 fonts\.sans\.package: .*@fontsource\/no-such-font-bantin is not installed/],
    ['a missing font file', 'fonts:\n  serif:\n    family: Body\n    files:\n      - { src: fonts/gone.woff2 }\n', /^theme\.yaml:6 fonts\.serif\.files\[0\]\.src: .*fonts\/gone\.woff2.*no such file/],
    ['a missing logo', 'cover:\n  logo: images/gone.png\n', /^theme\.yaml:3 cover\.logo: .*images\/gone\.png.*no such file/],
    ['a logo the page cannot show', 'cover:\n  logo: images/logo.bmp\n', /^theme\.yaml:3 cover\.logo: .*\.png, \.jpg/],
    ['an SVG logo that loads a picture from the web', 'cover:\n  logo: images/logo.svg\n', /^theme\.yaml:3 cover\.logo: .*logo\.svg.*http:\/\/example\.com\/x\.png/],
    ['a cut-short PNG logo', 'cover:\n  logo: images/cut.png\n', /^theme\.yaml:3 cover\.logo: .*cut\.png/],
    ['a font that leads out of the folder', 'fonts:\n  serif:\n    family: Body\n    files:\n      - { src: fonts/link.woff2 }\n', /^theme\.yaml:6 fonts\.serif\.files\[0\]\.src: .*leads out of/],
  ])('%s', async (_what, yaml, expected) => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="http://example.com/x.png" width="10" height="10"/></svg>';
    const { dir, issue } = project({ 't/theme.yaml': `name: t\n${yaml}`, 't/images/logo.bmp': 'BM', 't/images/logo.svg': svg, 't/images/cut.png': TINY_PNG.subarray(0, 40), 'elsewhere.woff2': FONT });
    mkdirSync(path.join(dir, 't/fonts'));
    symlinkSync(path.join(dir, 'elsewhere.woff2'), path.join(dir, 't/fonts/link.woff2'));
    const [result] = await check([issue], { theme: path.join(dir, 't') });
    expect(result!.ok).toBe(false);
    expect(result!.diagnostics.map(where)).toEqual([expect.stringMatching(expected)]);
  });

  it('the test theme with real font files and a logo passes', async () => {
    const { dir, issue } = project(THEME_FILES);
    const [result] = await check([issue], { theme: path.join(dir, 't') });
    expect(result!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('item 7: theme new --eject writes all or nothing', () => {
  it('meeting an existing file leaves nothing of its own behind', async () => {
    const dir = path.join(tmp, 'ejected');
    mkdirSync(path.join(dir, 'styles'), { recursive: true });
    writeFileSync(path.join(dir, 'styles/bulletin.css'), '/* mine */');
    const error = await failure(newTheme({ dir, eject: true }));
    expect(error.message).toMatch(/bulletin\.css already exists/);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(['styles', path.join('styles', 'bulletin.css')]);
    expect(readFileSync(path.join(dir, 'styles/bulletin.css'), 'utf8')).toBe('/* mine */');
    expect(readdirSync(tmp).filter((f) => f.startsWith('ejected') && f !== 'ejected')).toEqual([]);
  });

  it('writes every file when nothing is in the way', async () => {
    const dir = path.join(tmp, 'ejected-fresh');
    const written = await newTheme({ dir, eject: true });
    expect(written.every((f) => existsSync(f))).toBe(true);
    expect(written.map((f) => path.relative(dir, f))).toEqual(expect.arrayContaining(['theme.yaml', 'issue.hbs', path.join('partials', 'cover.hbs'), path.join('styles', 'bulletin.css'), path.join('styles', 'web', 'web.css')]));
  });
});
