/**
 * A watch on the memory of the browser bantin started: a picture or font that asks for
 * gigabytes (an SVG checked at check time is bounded, see issue/image-svg.ts; this is the last
 * line of defence with --timeout) ends the build with a clear error instead of filling the
 * machine. Read from /proc, for the browser's own process and the processes below it (its
 * renderers, zygotes, utilities): only the tree bantin started is read, nothing else on the
 * machine. Where there is no /proc (macOS, Windows) there is no watch.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The most memory one browser process may hold: the renderer of a 300-article issue with its
 * photos holds some 400 MB; Chromium itself gives up near 4 GB (V8 and Blink's own limits), after
 * taking the machine's memory on the way.
 */
export const MAX_BROWSER_PROCESS_BYTES = 2 * 1024 ** 3;

/** How often the watch looks (a runaway renderer grows by some 150 MB a second). */
export const MEMORY_WATCH_MS = 250;

/** The resident memory of one process in bytes (RSS), or undefined when it is gone. */
export function residentBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** `pid` and every process below it (children of each of its threads, and theirs). */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && found.length < 1000) {
    const at = queue.shift()!;
    found.push(at);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${at}/task`);
    } catch {
      continue; // gone, or no /proc
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${at}/task/${task}/children`, 'latin1').split(' ')) if (child.trim()) queue.push(Number(child));
      } catch {
        // the thread has ended
      }
    }
  }
  return found;
}

/** The largest process of the tree under `pid`: its pid and resident bytes. */
export function largestProcess(pid: number): { pid: number; bytes: number } | undefined {
  let largest: { pid: number; bytes: number } | undefined;
  for (const member of processTree(pid)) {
    const bytes = residentBytes(member);
    if (bytes !== undefined && (!largest || bytes > largest.bytes)) largest = { pid: member, bytes };
  }
  return largest;
}

export interface MemoryWatch {
  /** Set once a process went over the limit (and the watch called `over`). */
  readonly exceeded: { bytes: number; limit: number } | undefined;
  stop(): void;
}

/**
 * Looks at the tree under `pid` every `intervalMs`; the first time a process holds more than
 * `limit` bytes it calls `over` (which ends the browser) and stops looking.
 */
export function watchMemory(pid: number, over: (bytes: number) => void, options: { limit?: number; intervalMs?: number } = {}): MemoryWatch {
  const limit = options.limit ?? MAX_BROWSER_PROCESS_BYTES;
  let exceeded: MemoryWatch['exceeded'];
  const timer = setInterval(() => {
    const largest = largestProcess(pid);
    if (!largest) return stop();
    if (largest.bytes <= limit) return;
    exceeded = { bytes: largest.bytes, limit };
    stop();
    over(largest.bytes);
  }, options.intervalMs ?? MEMORY_WATCH_MS);
  // The watch never keeps bantin running.
  timer.unref();
  const stop = () => clearInterval(timer);
  return {
    get exceeded() {
      return exceeded;
    },
    stop,
  };
}
