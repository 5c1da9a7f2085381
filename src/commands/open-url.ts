/** `bantin preview --open`: the preview in the system's browser (xdg-open, open, start — through the `open` package). */
import type { Logger } from '../core/logger.js';
import { t } from '../core/i18n.js';

/**
 * Whether a browser can be shown here: macOS and Windows always have a desktop; elsewhere an X11
 * or Wayland display, or a $BROWSER that xdg-open hands the address to.
 */
export function hasDesktop(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY || env.BROWSER);
}

export async function openInBrowser(url: string, logger: Pick<Logger, 'warn' | 'debug'>): Promise<void> {
  const failed = (error: unknown) => logger.warn(t('commands.preview.cannot-open', { reason: error instanceof Error ? error.message : String(error), url }));
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.once('error', failed);
    child.unref();
    logger.debug(`opened ${url} with ${child.spawnfile}`);
  } catch (error) {
    failed(error);
  }
}
