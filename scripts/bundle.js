// Bundles the command line into dist/cli-bundle/: one file to load instead of hundreds
// (puppeteer-core alone has ~300 modules), which saves ~0.4 s at every start.
// Code splitting keeps each command's dependencies in its own chunk, loaded when it runs.
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

// --keep-all --outdir DIR: the bundle as it was before LEFT_OUT, which `npm run bench` compares.
const { values: flags } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/cli-bundle' }, 'keep-all': { type: 'boolean', default: false } } });

// Chunk names carry content hashes: clear the last build's, or they pile up.
rmSync(flags.outdir, { recursive: true, force: true });

/**
 * Code bantin never runs, left out of the bundle. bantin finds an installed browser and talks
 * CDP to it over a pipe, so it needs neither @puppeteer/browsers' downloader (proxy-agent with a
 * JavaScript engine for PAC files, tar-fs, extract-zip) and its command line (yargs), nor
 * puppeteer's WebDriver BiDi (chromium-bidi) and WebSocket transports. Nor zod's messages in
 * other languages (half of zod's code, loaded by every build): bantin never switches zod's
 * language, so its English default (imported on its own) is all it uses. Each is replaced by a
 * module that fails loudly if it is ever used (the two imported statically export a class that
 * throws when used; the rest, imported only dynamically, throw when loaded; zod's locales are an
 * empty namespace). The build fails when one of them is no longer
 * imported (a dependency changed: look again) — tests/e2e/bundle.test.ts pins the result.
 */
const LEFT_OUT = [
  { name: "zod's locales", filter: /^\.\.\/locales\/index\.js$/, importer: /zod\/v4\/(classic|core)\//, contents: 'export {};', why: 'bantin never switches the language of zod' },
  { name: 'proxy-agent', filter: /^proxy-agent$/, contents: 'export class ProxyAgent { constructor() { unavailable(); } }' },
  { name: 'yargs', filter: /^yargs(\/helpers)?$/ },
  { name: 'tar-fs', filter: /^tar-fs$/ },
  { name: 'extract-zip', filter: /^extract-zip$/ },
  { name: 'puppeteer WebDriver BiDi', filter: /(^|\/)bidi\.js$/, importer: /puppeteer-core/ },
  {
    name: 'puppeteer WebSocket transport',
    filter: /\/NodeWebSocketTransport\.js$/,
    importer: /puppeteer-core/,
    contents: 'export class NodeWebSocketTransport { static create() { unavailable(); } }',
  },
];

const leaveOut = {
  name: 'leave-out',
  setup(b) {
    const seen = new Set();
    for (const entry of LEFT_OUT) {
      b.onResolve({ filter: entry.filter }, (args) => {
        if (entry.importer && !entry.importer.test(args.importer)) return undefined;
        seen.add(entry.name);
        return { path: entry.name, namespace: 'left-out' };
      });
    }
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const entry = LEFT_OUT.find((e) => e.name === args.path);
      const why = entry.why ?? 'bantin never downloads a browser nor uses WebDriver BiDi or WebSockets';
      const unavailable = `function unavailable() { throw new Error(${JSON.stringify(`${entry.name} is not part of bantin's bundle (${why})`)}); }`;
      return { contents: `${unavailable}\n${entry.contents ?? 'unavailable();'}`, loader: 'js' };
    });
    b.onEnd((result) => {
      const missing = LEFT_OUT.filter((e) => !seen.has(e.name)).map((e) => e.name);
      if (missing.length && !result.errors.length) {
        result.errors.push({ text: `scripts/bundle.js: no longer imported, remove from LEFT_OUT or look again: ${missing.join(', ')}` });
      }
    });
  },
};

const result = await build({
  entryPoints: { bantin: 'dist/cli/main.js' },
  outdir: flags.outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __bantinRequire } from 'node:module'; const require = __bantinRequire(import.meta.url);" },
  plugins: flags['keep-all'] ? [] : [leaveOut],
  // Optional native speed-ups of `ws`, which only the left-out WebSocket transport loads.
  // subset-font (the web edition's fonts) loads its WebAssembly from files beside its modules:
  // it stays in node_modules, imported when a web edition is made.
  external: flags['keep-all'] ? ['bufferutil', 'utf-8-validate', 'subset-font'] : ['subset-font'],
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: Boolean(process.env.BUNDLE_META),
});
// BUNDLE_META=file.json writes esbuild's metafile (what each package adds), for
// https://esbuild.github.io/analyze/ or `npx esbuild --analyze`.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
