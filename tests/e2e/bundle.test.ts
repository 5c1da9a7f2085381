/**
 * The bundled CLI (dist/cli-bundle/, built by the global setup) leaves out what bantin never runs:
 * @puppeteer/browsers' downloader and command line, puppeteer's WebDriver BiDi and WebSocket
 * transports (scripts/bundle.js, LEFT_OUT). A build with the bundle is tested everywhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './pdf-tools.js';

const dir = path.join(repoRoot, 'dist/cli-bundle');
const code = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');

describe('the CLI bundle', () => {
  // A text each left-out package carries (found in a bundle built with `scripts/bundle.js --keep-all`).
  it.each([
    ['yargs', 'Not enough non-option arguments'],
    ['tar-fs / tar-stream', 'Invalid tar header'],
    ['extract-zip / yauzl', 'end of central directory record signature not found'],
    ['proxy-agent and its PAC engine', 'PacProxyAgent'],
    ['quickjs-emscripten', 'quickjs'],
    ['chromium-bidi', 'BidiMapper'],
  ])('has no %s', (_name, marker) => {
    expect(code).not.toContain(marker);
  });

  it('puts modules in their place that say so if ever used', () => {
    expect(code).toContain("is not part of bantin's bundle (bantin never downloads a browser nor uses WebDriver BiDi or WebSockets)");
  });

  it('still has what bantin uses: puppeteer over a pipe, and the browser finder', () => {
    expect(code).toContain('PipeTransport');
    expect(code).toContain('computeSystemExecutablePath');
  });
});
