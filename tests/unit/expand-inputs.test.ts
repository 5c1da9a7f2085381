/** Issue files and globs on the command line: spaces, glob characters in real names, Windows backslashes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, globPattern } from '../../src/commands/inputs.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin inputs '));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dir = path.join(work, 'Bản tin 2026');
mkdirSync(dir);
for (const name of ['so-20.yaml', 'so-21.yaml', 'Số 22 (2026).yaml', 'so[23].yaml']) writeFileSync(path.join(dir, name), '');

describe('expandInputs', () => {
  it('takes an existing file as named, glob characters and all', async () => {
    const named = ['Số 22 (2026).yaml', 'so[23].yaml'].map((n) => path.join(dir, n));
    expect(await expandInputs(named, work)).toEqual({ files: named, unmatched: [] });
  });

  it('expands a glob in a folder whose name has spaces and accents', async () => {
    const { files, unmatched } = await expandInputs(['Bản tin 2026/so-2*.yaml'], work);
    expect(files).toEqual(['so-20.yaml', 'so-21.yaml'].map((n) => path.join(dir, n)));
    expect(unmatched).toEqual([]);
  });

  it('reads backslashes as folder separators on Windows', async () => {
    expect(globPattern('C:\\Bản tin\\so-*.yaml', 'win32')).toBe('C:/Bản tin/so-*.yaml');
    expect(globPattern('so-\\*.yaml', 'linux')).toBe('so-\\*.yaml');
    const { files } = await expandInputs(['Bản tin 2026\\so-2*.yaml'], work, 'win32');
    expect(files).toEqual(['so-20.yaml', 'so-21.yaml'].map((n) => path.join(dir, n)));
  });

  it('reports a glob that matches nothing as given', async () => {
    expect(await expandInputs(['Bản tin 2026\\none-*.yaml'], work, 'win32')).toEqual({ files: [], unmatched: ['Bản tin 2026\\none-*.yaml'] });
  });
});
