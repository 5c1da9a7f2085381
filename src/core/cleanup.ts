/**
 * Work that must run if the process is interrupted (closing the browser, removing temporary
 * files). The CLI's signal handler runs it; everything else registers and unregisters.
 */
type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();
let stoppingNow = false;
/** Cleanups of work that was starting when the signal came (run at once, awaited by lateCleanups). */
const late: Array<Promise<unknown>> = [];

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
  if (stoppingNow) {
    late.push(
      Promise.resolve()
        .then(fn)
        .catch(() => undefined),
    );
    throw new Interrupted();
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Whether the cleanups have run (a signal came): work under way stops at its next step. */
export function stopping(): boolean {
  return stoppingNow;
}

export async function runCleanups(): Promise<void> {
  stoppingNow = true;
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((fn) => fn()));
}

/** Waits for the cleanups of work that was starting when the signal came. */
export async function lateCleanups(): Promise<void> {
  await Promise.allSettled(late);
}
