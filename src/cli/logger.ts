/**
 * One logger: progress and warnings on stderr, results on stdout. Colour: see colorLevel();
 * progress shows in a terminal or with --verbose.
 */
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';

export type { Logger, LogLevel } from '../core/logger.js';
export { memoryLogger } from '../core/logger.js';
import type { Logger, LogLevel } from '../core/logger.js';

export interface LoggerOptions {
  level?: LogLevel;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  color?: boolean;
}

/**
 * Colour on stderr. FORCE_COLOR as chalk documents it, overriding every other check: 0 or false
 * turns colour off; 1, 2, 3, true or empty turns it on at that level. Otherwise NO_COLOR (set and
 * not empty, no-color.org) turns it off, and a terminal turns it on.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): ColorSupportLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false') return 0;
    if (force === 'true' || force === '') return 1;
    const level = Number.parseInt(force, 10);
    if (!Number.isNaN(level)) return Math.max(0, Math.min(level, 3)) as ColorSupportLevel;
  }
  if (env.NO_COLOR) return 0;
  return isTTY ? 1 : 0;
}

/** Seconds since the process started: --verbose shows where the time goes. */
const stamp = () => `[${(performance.now() / 1000).toFixed(2)}s]`;

export function createLogger(options: LoggerOptions = {}): Logger {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const level = options.level ?? 'normal';
  const colorDepth = options.color === undefined ? colorLevel(process.env, stderr.isTTY === true) : options.color ? 1 : 0;
  const color = new Chalk({ level: colorDepth });
  const showProgress = level === 'verbose' || (level === 'normal' && stderr.isTTY === true);
  const showStatus = level === 'normal' && stderr.isTTY === true;
  let statusShown = false;
  // Carriage return, then erase the line: the status line goes before anything else is printed.
  const err = (text: string) => {
    if (statusShown) stderr.write('\r\x1b[2K');
    statusShown = false;
    stderr.write(text);
  };
  return {
    color,
    progress: (m) => showProgress && void err(`${color.dim(level === 'verbose' ? stamp() : '›')} ${m}\n`),
    debug: (m) => level === 'verbose' && void err(`${color.dim(`${stamp()} ${m}`)}\n`),
    info: (m) => level !== 'quiet' && void err(`${m}\n`),
    warn: (m) => level !== 'quiet' && void err(`${m}\n`),
    error: (m) => void err(`${m}\n`),
    result: (m) => void stdout.write(`${m}\n`),
    status: (m) => {
      if (!showStatus) return;
      // Cut to the terminal's width: a wrapped line cannot be rewritten in place.
      const width = (stderr as { columns?: number }).columns ?? 80;
      err(m.length >= width ? `${m.slice(0, width - 2)}…` : m);
      statusShown = m !== '';
    },
  };
}
