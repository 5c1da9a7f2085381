/**
 * bantin check as a user runs it: warnings and errors on stderr with file:line:col, exit codes,
 * --strict, --json; no browser loaded; and bantin build printing the same warnings.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/lint', name);
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const inRepo = { cwd: repoRoot };
const rel = (file: string) => path.relative(repoRoot, file);

describe('bantin check', () => {
  it('passes the examples silently (exit 0, nothing on stdout or stderr)', async () => {
    const run = await runCli(['check', 'examples/so-20-2026.yaml', 'examples/so-15-2026.yaml'], inRepo);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it('prints warnings with file:line:col and exits 0', async () => {
    const run = await runCli(['check', rel(fixture('repeated-text.yaml'))], inRepo);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'tests/fixtures/lint/repeated-text.yaml:37:11 warning parts[0].sections[1].body: the block "Dịch chuyển năng lượng và Kinh tế tuần hoàn" repeats the one at parts[0].sections[1].body (line 26) word for word: remove one of them',
        '   37 |           ### Dịch chuyển năng lượng và Kinh tế tuần hoàn',
        '      |           ^',
        'tests/fixtures/lint/repeated-text.yaml: ok (1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('--strict makes warnings errors: exit 1', async () => {
    const run = await runCli(['check', '--strict', rel(fixture('date-outside-week.yaml')), 'examples/so-20-2026.yaml'], inRepo);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/lint/date-outside-week.yaml:13:15 error parts[0].articles[0].date: dated 25/5/2025');
    expect(run.stderr).toContain('bantin: tests/fixtures/lint/date-outside-week.yaml: failed (2 errors) — --strict counts warnings as errors');
    expect(run.stderr).not.toContain('so-20-2026');
  });

  it('exits 1 on errors, checks every file, and reports a missing one without a stack', async () => {
    const broken = path.join(work, 'broken.yaml');
    writeFileSync(broken, readFileSync(example, 'utf8').replace('end: 2026-05-31', 'end: 2026-05-20'));
    const run = await runCli(['check', broken, path.join(work, 'nope.yaml'), rel(fixture('empty-part.yaml'))], inRepo);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}:28:10 error issue.week.end: the week ends (20/5/2026) before it starts (25/5/2026)`);
    expect(run.stderr).toContain(`bantin: cannot read ${path.join(work, 'nope.yaml')}: no such file`);
    expect(run.stderr).toContain('tests/fixtures/lint/empty-part.yaml:22:15 warning parts[1].articles: the part "Tâm điểm" has no articles');
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('--json prints [{file, ok, errors, warnings, ignored}] on stdout and nothing else', async () => {
    const files = ['examples/so-20-2026.yaml', rel(fixture('duplicate-story.yaml')), 'nope.yaml'];
    const run = await runCli(['check', '--json', ...files], inRepo);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      { file: files[0], ok: true, errors: [], warnings: [], ignored: [] },
      {
        file: files[1],
        ok: true,
        errors: [],
        warnings: [
          {
            line: 22,
            col: 16,
            path: 'parts[0].articles[1].title',
            message: 'the title is written in capitals: write it as it reads ("Việt Nam đặt mục tiêu…"); the theme decides whether it prints in capitals',
            code: 'all-caps-title',
          },
          {
            line: 22,
            col: 16,
            path: 'parts[0].articles[1].title',
            message: 'the same story as parts[0].articles[0] (line 15): same title (ignoring case, spacing and accents); remove one of them',
            code: 'duplicate-story',
          },
          {
            line: 42,
            col: 16,
            path: 'parts[1].articles[1].source.url',
            message: 'the same story as parts[1].articles[0] (line 32): same source URL; remove one of them',
            code: 'duplicate-story',
          },
        ],
        ignored: [],
      },
      { file: 'nope.yaml', ok: false, errors: [{ line: 0, col: 0, path: '', message: 'cannot read nope.yaml: no such file', code: 'read' }], warnings: [], ignored: [] },
    ]);
    const strict = await runCli(['check', '--json', '--strict', files[1]!], inRepo);
    expect(strict.code).toBe(1);
    const [report] = JSON.parse(strict.stdout) as Array<{ ok: boolean; errors: Array<{ code: string }>; warnings: unknown[] }>;
    expect([report!.ok, report!.errors.map((e) => e.code), report!.warnings]).toEqual([false, ['all-caps-title', 'duplicate-story', 'duplicate-story'], []]);
  });

  it('takes quoted globs like build, and --json lists what # bantin-ignore silenced', async () => {
    const dir = path.join(work, 'issues');
    mkdirSync(dir);
    const text = readFileSync(fixture('duplicate-story.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'b.yaml'), text.replace("        title: DOANH NGHIEP VIET 'MO KHOA'  AI", "        # bantin-ignore: all-caps-title, duplicate-story\n        title: DOANH NGHIEP VIET 'MO KHOA'  AI"));
    copyFileSync(example, path.join(dir, 'a.yaml'));
    const run = await runCli(['check', '--json', 'issues/*.yaml', 'issues/*.yml'], { cwd: work });
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout) as Array<{ file: string; ok: boolean; errors: Array<{ message: string }>; warnings: Array<{ code: string; line: number }>; ignored: Array<{ code: string; line: number }> }>;
    expect(reports.map((r) => [r.file, r.ok])).toEqual([
      [path.join('issues', 'a.yaml'), true],
      [path.join('issues', 'b.yaml'), true],
      ['issues/*.yml', false],
    ]);
    expect(reports[1]!.ignored.map((d) => [d.code, d.line])).toEqual([
      ['all-caps-title', 23],
      ['duplicate-story', 23],
    ]);
    expect(reports[1]!.warnings.map((d) => [d.code, d.line])).toEqual([['duplicate-story', 43]]);
    expect(reports[2]!.errors[0]!.message).toBe('no file matches issues/*.yml');
    const text2 = await runCli(['check', 'issues/*.yaml'], { cwd: work });
    expect(text2.code).toBe(0);
    expect(text2.stderr).toContain(`${path.join('issues', 'b.yaml')}: ok (1 warning)`);
  });

  it('never loads puppeteer', () => {
    // Compiled sources (tests/e2e/global-setup.ts builds dist/): record every module the check resolves.
    const log = path.join(work, 'modules.txt');
    const hooks = path.join(work, 'hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    const register = path.join(work, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const main = pathToFileURL(path.join(repoRoot, 'dist/cli/main.js')).href;
    execFileSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(main)}); await main(['node', 'bantin', 'check', ${JSON.stringify(example)}]);`]);
    const modules = readFileSync(log, 'utf8').split('\n');
    expect(modules.some((m) => m.includes('/dist/commands/check.js')), 'the check really ran').toBe(true);
    // cleanup.js and owned.js are the signal and child-process bookkeeping every command loads: no browser code.
    // check-theme.js, template-check.js and precompiled.js check the theme's templates (Handlebars only): checking a theme needs them.
    expect(modules.filter((m) => /puppeteer|\/dist\/pdf\/(?!cleanup|owned)|\/dist\/render\/(?!check-theme|template-check|precompiled)/.test(m))).toEqual([]);
  });
});

describe('bantin build prints the lint warnings', () => {
  it('builds an issue with warnings: exit 0, warnings on stderr, the PDF path on stdout', async () => {
    const input = path.join(work, 'so-20-2026.yaml');
    copyFileSync(fixture('date-outside-week.yaml'), input);
    const run = await runCli(['build', input]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${path.join(work, 'so-20-2026.pdf')}\n`);
    expect(run.stderr).toContain(`${input}:13:15 warning parts[0].articles[0].date: dated 25/5/2025, outside the issue's week (25/5 – 31/5/2026)`);
    expect(run.stderr).toContain(`${input}:27:15 warning parts[0].articles[2].date: dated 15/7/2026, outside the issue's week (25/5 – 31/5/2026)`);
  });
});
