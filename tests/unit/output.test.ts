/** Writing outputs: all or nothing; numbers from the command line within their ranges. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInRange, RANGES, sourceDateEpochProblem } from '../../src/cli/numbers.js';
import { makeFolder, writeAllAtomic } from '../../src/commands/output.js';
import { documentDate } from '../../src/pdf/metadata.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeAllAtomic', () => {
  it('leaves the PDF as it was when the HTML cannot be written', async () => {
    const dir = mkdtempSync(path.join(work, 'both-'));
    const pdf = path.join(dir, 'out.pdf');
    writeFileSync(pdf, 'the earlier PDF');
    await expect(writeAllAtomic([{ file: pdf, data: 'new PDF' }, { file: path.join(dir, 'missing', 'out.html'), data: '<html>' }])).rejects.toThrow(/cannot write .*out\.html: the folder does not exist; nothing was written/);
    expect(readFileSync(pdf, 'utf8')).toBe('the earlier PDF');
    expect(readdirSync(dir).sort()).toEqual(['out.pdf']);
  });

  it('writes both', async () => {
    const dir = mkdtempSync(path.join(work, 'ok-'));
    await writeAllAtomic([{ file: path.join(dir, 'a.pdf'), data: 'a' }, { file: path.join(dir, 'a.html'), data: 'b' }]);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.pdf']);
  });
});

describe('makeFolder', () => {
  it('creates missing parents and refuses a file in the way', async () => {
    const dir = mkdtempSync(path.join(work, 'mk-'));
    await makeFolder(path.join(dir, 'a', 'b'));
    expect(existsSync(path.join(dir, 'a', 'b'))).toBe(true);
    writeFileSync(path.join(dir, 'f'), '');
    await expect(makeFolder(path.join(dir, 'f', 'g'))).rejects.toThrow(/is a file, not a folder/);
  });
});

describe('numbers', () => {
  it('accepts values in range and refuses the rest', () => {
    expect(parseInRange('60', RANGES.timeout)).toBe(60);
    expect(parseInRange('1e9', RANGES.timeout)).toBeUndefined();
    expect(parseInRange('3601', RANGES.timeout)).toBeUndefined();
    expect(parseInRange('0', RANGES.timeout)).toBeUndefined();
    expect(parseInRange('3', RANGES.bleed)).toBe(3);
    expect(parseInRange('100000', RANGES.bleed)).toBeUndefined();
    expect(parseInRange('2.5', RANGES.jobs)).toBeUndefined();
    expect(parseInRange('0', RANGES.anyPort)).toBe(0);
    expect(parseInRange('0', RANGES.port)).toBeUndefined();
    expect(parseInRange('-1', RANGES.port)).toBeUndefined();
    expect(parseInRange('0x10', RANGES.port)).toBeUndefined();
  });

  it('SOURCE_DATE_EPOCH: a date a PDF can hold', () => {
    expect(sourceDateEpochProblem({})).toBeUndefined();
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: '1780000000' })).toBeUndefined();
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: '99999999999999' })).toMatch(/from 0 to 253402300799/);
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: 'soon' })).toMatch(/SOURCE_DATE_EPOCH=soon/);
    const issue = { week: { end: { year: 2026, month: 5, day: 17 } } } as Parameters<typeof documentDate>[0];
    expect(Number.isNaN(documentDate(issue, { SOURCE_DATE_EPOCH: '99999999999999' }).getTime())).toBe(false);
  });
});
