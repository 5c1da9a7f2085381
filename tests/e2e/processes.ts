/**
 * Finding the processes that one bantin run started — and only those. Each run gets a marker
 * in its environment and a TMPDIR of its own (where bantin puts its Chromium profile folder).
 * Chromium's launcher inherits the marker and leads a process group of its own; its zygote
 * and renderers clear their environment but stay in that group, also after they are
 * re-parented. A sampler notes every marked process and its group while the run lasts; the
 * run's processes are the marked ones and every member of a noted group (never the test
 * runner's own group). Tests never look at, count or signal any other process on the machine:
 * a developer's own browser, or another Chromium job, is safe.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MARKER = 'BANTIN_TEST_RUN';

export interface OwnedRun {
  /** The environment to start bantin with (process.env + marker + TMPDIR). */
  env: NodeJS.ProcessEnv;
  /** bantin's TMPDIR for this run: its profile and CMYK folders go here. */
  tmp: string;
  /** Live (non-zombie) processes of this run. */
  pids(): number[];
  /** Of those, the Chromium ones. */
  chromiumPids(): number[];
  /** Sends `signal` to this run's Chromium processes; returns how many. */
  signalChromium(signal: NodeJS.Signals): number;
  /** Whatever bantin left in its TMPDIR. */
  leftovers(): string[];
  /** Stops sampling (call when the run's checks are done). */
  dispose(): void;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
}

interface Stat {
  pid: number;
  state: string;
  pgid: number;
}

function stat(pid: number): Stat | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return undefined;
  // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state: fields[0]!, pgid: Number(fields[2]) };
}

function livePids(): Stat[] {
  const out: Stat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && s.state !== 'Z' && s.state !== 'X') out.push(s);
  }
  return out;
}

const ownGroup = stat(process.pid)!.pgid;

export function isChromium(pid: number): boolean {
  const exe = (read(`/proc/${pid}/cmdline`) ?? '').split('\0')[0] ?? '';
  return /chrom(e|ium)|headless[-_]shell/i.test(path.basename(exe));
}

/** A marker and TMPDIR for one bantin run, under `work`; sampling starts at once. */
export function ownedRun(work: string, env: NodeJS.ProcessEnv = process.env): OwnedRun {
  const id = randomUUID();
  const needle = `\0${MARKER}=${id}\0`;
  const tmp = mkdtempSync(path.join(work, 'tmp-'));
  const marked = new Set<number>();
  const groups = new Set<number>();
  const looked = new Set<number>();
  const sample = (): Stat[] => {
    const all = livePids();
    for (const s of all) {
      // A marked process may still move to a group of its own (setsid right after fork).
      if (marked.has(s.pid)) {
        if (s.pgid !== ownGroup) groups.add(s.pgid);
        continue;
      }
      if (looked.has(s.pid) || s.pid === process.pid) continue;
      const environ = read(`/proc/${s.pid}/environ`);
      // An empty answer (a process in the middle of exec) is asked again next time.
      if (environ) looked.add(s.pid);
      if (environ && `\0${environ}`.includes(needle)) {
        marked.add(s.pid);
        if (s.pgid !== ownGroup) groups.add(s.pgid);
      }
    }
    return all;
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  const pids = () =>
    sample()
      .filter((s) => marked.has(s.pid) || groups.has(s.pgid))
      .map((s) => s.pid);
  const chromiumPids = () => pids().filter(isChromium);
  return {
    env: { ...env, [MARKER]: id, TMPDIR: tmp },
    tmp,
    pids,
    chromiumPids,
    signalChromium(signal) {
      let n = 0;
      for (const pid of chromiumPids()) {
        try {
          process.kill(pid, signal);
          n++;
        } catch {
          // already gone
        }
      }
      return n;
    },
    leftovers: () => readdirSync(tmp),
    dispose: () => clearInterval(timer),
  };
}

/** Polls until `check` holds or `ms` passed (an OS reaping a killed process takes a moment). */
export async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
