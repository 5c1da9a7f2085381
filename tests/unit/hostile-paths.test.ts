/**
 * Internal errors that were a user's mistake (issue 26 item 10, and the low items about /proc
 * and `new -o DIR`): a path below a regular file, a system folder, a week past 9999, a number of
 * four digits, a part title with a line break. Each is a UserError in words, never a bug.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/diagnostics.js';
import { newIssue } from '../../src/commands/new/index.js';
import { folderProblem, makeFolder, writeAllAtomic, writeAtomic } from '../../src/commands/output.js';
import { loadIssue } from '../../src/issue/load.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-hostile-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(work, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};
const example = path.resolve(import.meta.dirname, '../../examples/so-20-2026.yaml');
const hasProc = existsSync('/proc/self/status');

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a UserError').toBeInstanceOf(UserError);
  return error as UserError;
}

describe('writing below a regular file or into a system folder', () => {
  it('-o afile/x.pdf: says the file is in the way, and leaves nothing', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'afile'), 'x');
    const error = await failure(writeAllAtomic([{ file: path.join(dir, 'afile/x.pdf'), data: 'pdf' }, { file: path.join(dir, 'afile/x.html'), data: 'html' }]));
    expect(error.message).toBe(`cannot write ${path.join(dir, 'afile/x.pdf')}: ${path.join(dir, 'afile')} is a file, not a folder; nothing was written`);
    expect(readdirSync(dir)).toEqual(['afile']);
    expect((await failure(writeAtomic(path.join(dir, 'afile/sub/x.pdf'), 'pdf'))).message).toMatch(/afile is a file, not a folder; nothing was written$/);
  });

  it('a folder that is missing is still called missing', async () => {
    const dir = fresh();
    expect((await failure(writeAtomic(path.join(dir, 'no/x.pdf'), 'pdf'))).message).toBe(`cannot write ${path.join(dir, 'no/x.pdf')}: the folder does not exist; nothing was written`);
    expect(folderProblem(path.join(dir, 'no/x.pdf'))).toBeUndefined();
  });

  it.skipIf(!hasProc)('/proc is not a regular folder (not "the folder does not exist")', async () => {
    const why = '/proc is not a regular folder (a view of the system, such as /proc or /sys, where files cannot be made)';
    expect((await failure(writeAtomic('/proc/bantin-x.pdf', 'pdf'))).message).toBe(`cannot write /proc/bantin-x.pdf: ${why}; nothing was written`);
    expect((await failure(makeFolder('/proc/bantin-x'))).message).toBe(`cannot create the folder /proc/bantin-x: ${why}; nothing was written`);
  });
});

describe('bantin new', () => {
  it('--week-start 9999-12-31: the week would end after 9999, a user error', async () => {
    const dir = fresh();
    const error = await failure(newIssue({ dir, number: '1/2026', publisher: ['Sở Khoa học và Công nghệ'], weekStart: '9999-12-31' }));
    expect(error.message).toBe("cannot start the next issue: the new issue's week would run past 31/12/9999, the last day an issue's date can have: choose an earlier --week-start");
    expect(readdirSync(dir)).toEqual([]);
    const from = path.join(dir, 'so-20.yaml');
    writeFileSync(from, readFileSync(example, 'utf8').replace('start: 2026-05-25', 'start: 9999-12-25').replace('end: 2026-05-31', 'end: 9999-12-31').replaceAll('2026-05-', '9999-12-'));
    expect((await failure(newIssue({ from, dir, output: path.join(dir, 'next.yaml') }))).message).toMatch(/week would run past 31\/12\/9999.*: give its first day with --week-start$/);
  });

  it('after issue 999 of a year: the number would have four digits, a user error', async () => {
    const dir = fresh();
    const from = path.join(dir, 'so-999.yaml');
    writeFileSync(from, readFileSync(example, 'utf8').replace('number: 20/2026', 'number: 999/2026'));
    expect((await failure(newIssue({ from, dir }))).message).toBe("cannot start the next issue: the new issue's number would be 1000/2026, more than three digits: give it with --number (number/year, at most 999)");
  });

  it('--from an issue whose part title holds a line break: the new file keeps it, and loads', async () => {
    const dir = fresh();
    const from = path.join(dir, 'so-20-2026.yaml');
    writeFileSync(from, readFileSync(example, 'utf8').replace('title: Tin trong nước', 'title: "Tin trong\\nnước"'));
    const result = await newIssue({ from, dir });
    expect(readFileSync(result.output, 'utf8')).toContain('    title: "Tin trong\\nnước"\n');
    const loaded = await loadIssue(result.output);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.issue!.parts.map((p) => p.title)).toContain('Tin trong\nnước');
  });

  it('-o a folder says it is a folder; -o below a file or in /proc says why', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'issues'));
    writeFileSync(path.join(dir, 'afile'), 'x');
    const base = { from: example, dir };
    expect((await failure(newIssue({ ...base, output: path.join(dir, 'issues') }))).message).toBe(
      `${path.join(dir, 'issues')} is a folder, not a file: name the new issue's file (-o ${path.join(dir, 'issues/<name>.yaml')}), or use --dir ${path.join(dir, 'issues')} to write it there under its usual name`,
    );
    expect((await failure(newIssue({ ...base, output: path.join(dir, 'afile/x.yaml') }))).message).toBe(`cannot write ${path.join(dir, 'afile/x.yaml')}: ${path.join(dir, 'afile')} is a file, not a folder`);
    if (hasProc) expect((await failure(newIssue({ ...base, output: '/proc/x.yaml' }))).message).toMatch(/^cannot write \/proc\/x\.yaml: \/proc is not a regular folder/);
    expect(readdirSync(dir).sort()).toEqual(['afile', 'issues']);
  });
});
