/** Colour: FORCE_COLOR as chalk documents it, then NO_COLOR, then a terminal. */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorLevel, createLogger } from '../../src/cli/logger.js';

describe('colorLevel', () => {
  it.each([
    [{}, true, 1],
    [{}, false, 0],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 1],
    [{ FORCE_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: '2' }, false, 2],
    [{ FORCE_COLOR: '3' }, false, 3],
    [{ FORCE_COLOR: '9' }, false, 3],
    [{ FORCE_COLOR: 'true' }, false, 1],
    [{ FORCE_COLOR: '' }, false, 1],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: 'false' }, true, 0],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: 'yes' }, true, 1],
    [{ FORCE_COLOR: 'yes' }, false, 0],
  ])('%o with a terminal %s → level %i', (env, tty, level) => {
    expect(colorLevel(env, tty)).toBe(level);
  });
});

describe('createLogger', () => {
  afterEach(() => vi.unstubAllEnvs());
  const sink = () => {
    const chunks: string[] = [];
    const stream = Object.assign(new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), { isTTY: false });
    return { stream, text: () => chunks.join('') };
  };

  it('colours errors on a pipe when FORCE_COLOR=1, and not without it', () => {
    vi.stubEnv('FORCE_COLOR', '1');
    const forced = sink();
    const logger = createLogger({ stderr: forced.stream });
    logger.error(logger.color.red('bantin:'));
    expect(forced.text()).toBe('\u001b[31mbantin:\u001b[39m\n');

    vi.stubEnv('FORCE_COLOR', undefined);
    const plain = sink();
    const quiet = createLogger({ stderr: plain.stream });
    quiet.error(quiet.color.red('bantin:'));
    expect(plain.text()).toBe('bantin:\n');
  });
});
