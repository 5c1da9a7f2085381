/**
 * Numbers from the command line and the environment, each checked against the range bantin can
 * honour: outside it is a usage error (exit 2) that names the range. (Node's timers overflow
 * past 2^31 ms; a 100 m bleed or a year-300000 date would be written as asked.)
 */
import { InvalidArgumentError } from 'commander';
import { t, type MessageKey } from '../core/i18n.js';
import { parseShard, type Shard } from '../site/shard.js';

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
  /** How the value is described: "a number of seconds". */
  what: MessageKey;
  unit?: string;
}

export const RANGES = {
  timeout: { min: 1, max: 3600, what: 'cli.value.timeout', unit: 's' },
  bleed: { min: 1, max: 20, what: 'cli.value.bleed', unit: 'mm' },
  jobs: { min: 1, max: 16, integer: true, what: 'cli.value.jobs' },
  port: { min: 1, max: 65535, integer: true, what: 'cli.value.port' },
  /** preview --port: 0 picks a free port. */
  anyPort: { min: 0, max: 65535, integer: true, what: 'cli.value.any-port' },
  /** Seconds since 1970 up to 9999-12-31T23:59:59Z, the last date a PDF can hold. */
  epoch: { min: 0, max: 253402300799, integer: true, what: 'cli.value.epoch' },
} satisfies Record<string, Range>;

export function describe(range: Range): string {
  const unit = range.unit ? ` ${range.unit}` : '';
  return t('cli.value.between', { what: t(range.what), min: range.min, max: range.max, unit });
}

/** The number `text` stands for, or undefined when it is none or out of range. */
export function parseInRange(text: string, range: Range): number | undefined {
  const trimmed = text.trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < range.min || n > range.max) return undefined;
  if (range.integer && !Number.isInteger(n)) return undefined;
  return n;
}

/** A commander argument parser for `range`. */
export function inRange(range: Range) {
  return (value: string): number => {
    const n = parseInRange(value, range);
    if (n === undefined) throw new InvalidArgumentError(t('cli.value.range', { range: describe(range), got: JSON.stringify(value) }));
    return n;
  };
}

/** SOURCE_DATE_EPOCH, when set, must be a date a PDF can hold; the message says which. */
export function sourceDateEpochProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (parseInRange(value, RANGES.epoch) !== undefined) return undefined;
  return t('cli.value.source-date-epoch', { value, range: describe(RANGES.epoch) });
}

/** `--shard K/N` as a checked value (a usage error, exit 2, that says what is expected). */
export function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(t('cli.value.shard'));
  return shard;
}
