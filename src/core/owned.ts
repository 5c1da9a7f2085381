/**
 * What bantin creates outside its outputs — child processes (Chromium, Ghostscript) and
 * temporary folders — is recorded here so that it can be ended and removed on every exit
 * path: normal return, error, signal, and even a plain process.exit() (a synchronous pass in
 * the 'exit' handler). bantin never signals or deletes anything it did not record itself.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const children = new Set<ChildProcess>();
const folders = new Set<string>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of children) killTree(child);
    for (const dir of folders) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
}

/**
 * Ends a child and everything it started. A child spawned `detached` leads a process group of
 * its own (puppeteer starts Chromium so; bantin starts Ghostscript so): the whole group goes.
 */
export function killTree(child: ChildProcess): void {
  if (!child.pid) return;
  // The group may outlive its leader (a crashed Chromium leaves its renderers): always try it.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Records a child process until it exits; returns the function that forgets it. */
export function ownChild(child: ChildProcess): () => void {
  hookExit();
  children.add(child);
  const forget = () => children.delete(child);
  child.once('exit', forget);
  return forget;
}

/** Kills every recorded child (signal handler). */
export function killChildren(): void {
  for (const child of children) killTree(child);
}

/** A new temporary folder of bantin's own (`<TMPDIR>/bantin-<what>-XXXXXX`), removed on exit. */
export async function ownFolder(what: string): Promise<string> {
  hookExit();
  const dir = await mkdtemp(path.join(os.tmpdir(), `bantin-${what}-`));
  folders.add(dir);
  return dir;
}

/** Removes a folder made by ownFolder (only those). */
export async function removeFolder(dir: string): Promise<void> {
  if (!folders.has(dir)) return;
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  folders.delete(dir);
}

/** Waits until a child has exited, at most `ms`. */
export function exited(child: ChildProcess | null | undefined, ms: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
