/**
 * Work that must run if the process is interrupted (closing the browser, removing temporary
 * files). The CLI's signal handler runs it; everything else registers and unregisters.
 */
type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();

/** Registers `fn`; returns the function that unregisters it. */
export function registerCleanup(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function runCleanups(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((fn) => fn()));
}
