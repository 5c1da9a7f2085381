/**
 * Work that must run if the process is interrupted (closing the browser, removing temporary
 * files). The CLI's signal handler runs it; everything else registers and unregisters.
 */
type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();
let stopping = false;

/** Thrown by registerCleanup once the process is being stopped: no new work may start. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * Registers `fn`; returns the function that unregisters it. Once the cleanups have run (a
 * signal came), `fn` runs at once and Interrupted is thrown: what it would clean up after
 * (a browser just launched, a temporary file about to be written) must not go on.
 */
export function registerCleanup(fn: Cleanup): () => void {
  if (stopping) {
    void Promise.resolve()
      .then(fn)
      .catch(() => undefined);
    throw new Interrupted();
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function runCleanups(): Promise<void> {
  stopping = true;
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((fn) => fn()));
}
