/** Batch progress: one line per finished issue, and a status line rewritten in place in a terminal. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/commands/build.js';
import { createLogger } from '../../src/cli/logger.js';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 40 });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('batch progress', () => {
  it('names the file, its pages and its own seconds', () => {
    const result = { pageCount: 21, seconds: 1.4 } as never;
    expect(progressLine({ finished: { input: '/x/issues/so-15-2026.yaml', result }, done: 3, total: 8, running: [] })).toBe('[3/8] so-15-2026.yaml  21 pages  1.40 s');
    expect(progressLine({ finished: { input: 'so-16-2026.yaml', error: new Error('x') }, done: 4, total: 8, running: [] })).toBe('[4/8] so-16-2026.yaml  failed');
    expect(progressLine({ done: 4, total: 8, running: ['a.yaml'] })).toBeUndefined();
    const web = { pageCount: 0, seconds: 2.5, web: { bytes: 225_558 } } as never;
    expect(progressLine({ finished: { input: 'so-20-2026.yaml', result: web }, done: 5, total: 8, running: [] })).toBe('[5/8] so-20-2026.yaml  web edition 226 KB  2.50 s');
  });

  it('rewrites one status line in a terminal and clears it before any other message', () => {
    const err = terminal(true);
    const logger = createLogger({ stderr: err.stream, stdout: new PassThrough(), color: false });
    logger.status('1 of 8 done · printing so-15-2026.yaml');
    logger.status('2 of 8 done · printing a very long list of issue files that goes on');
    logger.progress('[3/8] so-15-2026.yaml  21 pages  1.40 s');
    logger.status('');
    expect(err.text()).toBe(
      '1 of 8 done · printing so-15-2026.yaml' +
        '\r\x1b[2K2 of 8 done · printing a very long lis…' +
        '\r\x1b[2K› [3/8] so-15-2026.yaml  21 pages  1.40 s\n',
    );
  });

  it('prints no status line outside a terminal', () => {
    const err = terminal(false);
    createLogger({ stderr: err.stream, stdout: new PassThrough(), color: false }).status('1 of 8 done');
    expect(err.text()).toBe('');
  });
});
