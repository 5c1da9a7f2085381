/**
 * `--shard K/N`: the K-th of N parts of a batch, for a CI matrix. The issue at position i of the
 * expanded list (files in the order given, each pattern's matches sorted) goes to part
 * (i mod N) + 1: every issue in exactly one part, the same one on every runner.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4" → { index: 2, count: 4 }; undefined for anything else (0/4, 5/4, 2/0, 1.5/4, 2 of 4). */
export function parseShard(value: string): Shard | undefined {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && count <= 1000 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** The items of the given part, in their order. */
export function inShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}
