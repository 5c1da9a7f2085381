/**
 * What `npm pack` puts in the published tarball, and what installing it runs: the built CLI and
 * its templates, styles, schema and example issues, never tests, fixtures, sources, build scripts
 * or a PDF built beside an example, and no script at install time (dist/ is built by `prepack`,
 * before packing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, any>;

/** The files `npm pack` would put in the tarball (prepack's build skipped: dist/ as it is now). */
function packed(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path.replaceAll('\\', '/')).sort();
}

/** A PDF as `bantin build examples/so-20-2026.yaml` (the README's command (1)) leaves beside the example; this one is a stand-in, removed after. */
const builtExample = path.join(root, 'examples', `so-20-2026.package-test-${process.pid}.pdf`);

describe('the npm package', () => {
  let files: string[];
  try {
    writeFileSync(builtExample, '%PDF-1.7\n% a PDF built beside the example\n');
    files = packed();
  } finally {
    rmSync(builtExample, { force: true });
  }

  it('ships the entry point, the licence, templates, styles, schema, examples and the sRGB profile of --pdfa', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/bantin.js', 'schema/issue.schema.json', 'styles/bulletin.css', 'templates/issue.hbs', 'examples/so-20-2026.yaml', 'assets/icc/sRGB.icc', 'assets/icc/README.md']) {
      expect(files).toContain(file);
    }
    // dist/ exists once built (`npm run build`, or the prepack that runs before every pack).
    if (existsSync(path.join(root, 'dist/cli-bundle/bantin.js'))) expect(files).toContain('dist/cli-bundle/bantin.js');
    if (existsSync(path.join(root, 'dist/index.js'))) expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts']));
    // The built-in templates compiled at build time (scripts/precompile-templates.js).
    if (existsSync(path.join(root, 'dist/templates.precompiled.cjs'))) expect(files).toContain('dist/templates.precompiled.cjs');
  });

  it('ships every example issue and every file one names, but no PDF built beside them', async () => {
    const examples = readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.yaml'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      expect(files).toContain(`examples/${example}`);
      // Its images and logo, if it names any.
      const { assets } = await loadIssue(path.join(root, 'examples', example));
      for (const asset of assets.values()) expect(files, asset.file).toContain(path.relative(root, asset.file).replaceAll('\\', '/'));
    }
    expect(files.filter((f) => f.startsWith('examples/') && !f.endsWith('.yaml'))).toEqual([]);
    expect(files).not.toContain(path.relative(root, builtExample));
  });

  // README's command (1) writes examples/so-20-2026.pdf: git must not see it either.
  it.runIf(spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root }).status === 0)('leaves a PDF built beside an example out of git', () => {
    expect(spawnSync('git', ['check-ignore', '-q', 'examples/so-20-2026.pdf'], { cwd: root }).status, 'git check-ignore examples/so-20-2026.pdf').toBe(0);
  });

  // dist/pdfjs/: the few pdf.js files the preview's page loads (scripts/copy-pdfjs.js), with their licences.
  it('ships nothing else: no tests, fixtures, sources, build scripts, CI files or source maps', () => {
    const allowed = /^(LICENSE|README\.md|package\.json|bin\/bantin\.js|dist\/.+\.(c?js|d\.ts)|schema\/[\w.-]+\.json|styles\/((web|site)\/)?[\w.-]+\.css|templates\/[\w/.-]+\.hbs|templates\/site\/search\.js|templates\/labels\/[\w.-]+\.yaml|themes\/[\w.-]+\/(theme\.yaml|[\w/.-]+\.(hbs|css|woff2|png|svg))|examples\/[\w.-]+\.(yaml|png|jpe?g|webp|svg)|assets\/icc\/(sRGB\.icc|README\.md)|assets\/fonts\/noto-emoji\/(400\.css|LICENSE|README\.md|files\/noto-emoji-\d+-400-normal\.woff2)|viewer\/[\w.-]+\.(html|css|js)|dist\/pdfjs\/(LICENSE|build\/pdf(\.worker)?\.min\.mjs|web\/pdf_viewer\.(mjs|css)|web\/images\/[\w.-]+\.(svg|gif|png)|wasm\/[\w.-]+|standard_fonts\/[\w.-]+))$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.filter((f) => /^(tests|src|scripts|\.github|\.ci|docs)\/|fixtures|\.map$|\.test\.|tsconfig|vitest/.test(f))).toEqual([]);
    // The comparison bundle `npm run bench` builds for a moment never ships.
    expect(files.filter((f) => f.startsWith('dist/cli-bundle-full/'))).toEqual([]);
  });

  it('builds nothing when installed: dist/ is made by prepack, before packing', () => {
    const scripts = pkg.scripts as Record<string, string>;
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook], hook).toBeUndefined();
    expect(scripts.prepack).toBe('npm run build');
    expect(pkg.bin).toEqual({ bantin: 'bin/bantin.js' });
    expect(readFileSync(path.join(root, 'bin/bantin.js'), 'utf8')).toContain("'../dist/cli-bundle/bantin.js'");
  });

  it('says where it comes from and under which licence', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/) });
    const repo = /github\.com\/([\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository.url)![1];
    expect(pkg.homepage).toBe(`https://github.com/${repo}#readme`);
    expect(pkg.bugs).toEqual({ url: `https://github.com/${repo}/issues` });
    expect(pkg.keywords).toEqual(expect.arrayContaining(['pdf', 'bulletin', 'cli']));
  });

  it("denies esbuild's postinstall, which only checks the binary npm already installed (see docs/development.md)", () => {
    expect(pkg.allowScripts).toEqual({ esbuild: false });
    expect(Object.keys(pkg.devDependencies)).toContain('esbuild');
  });
});
