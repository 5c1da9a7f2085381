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
    ["zod's messages in other languages", 'zu haben'],
  ])('has no %s', (_name, marker) => {
    expect(code).not.toContain(marker);
  });

  it('puts modules in their place that say so if ever used', () => {
    expect(code).toContain("is not part of bantin's bundle (bantin never downloads a browser nor uses WebDriver BiDi or WebSockets)");
  });

  it("still has what bantin uses: puppeteer over a pipe, the browser finder and zod's English messages", () => {
    expect(code).toContain('PipeTransport');
    expect(code).toContain('computeSystemExecutablePath');
    expect(code).toContain('Invalid input');
  });

  it('starts a build without pdf-lib: the PDF stage loads when the print is read', () => {
    // The chunks `bantin build` loads before its first line runs: the build command's static imports.
    const build = readdirSync(dir).find((f) => /^build-[A-Z0-9]+\.js$/.test(f))!;
    const loaded = new Set<string>();
    const walk = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) walk(m[1]!);
    };
    walk(build);
    const startup = [...loaded].map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(startup).toContain('PipeTransport');
    expect(startup).not.toContain('PDFDocument');
    // …and it is in the bundle, loaded later.
    expect(code).toContain('PDFDocument');
  });
});
