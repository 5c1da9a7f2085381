/**
 * The PDFs the end-to-end tests read, printed once per run by the global setup with the shipped
 * command line: `bantin --verbose build A.yaml B.yaml … --out-dir DIR [flags] --jobs 1`, one
 * browser per batch, two batches at a time. Every example in every profile and size, the
 * variants (--cmyk, --pdfa, --no-tags, SOURCE_DATE_EPOCH, themes) and the issues single tests
 * make (inputs.ts). Each batch's stdout, stderr and exit code are kept, and stderr is split per
 * issue: --verbose shows each issue's steps in turn (one issue at a time: --jobs 1), so its
 * prints ("pass N printed"), its nearly empty pages ("page N is only X % full") and the requests
 * it blocked are its own; its warnings follow in the report, each naming its file.
 * Tests get them through prints.ts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exampleFile, FONT_TITLES, issueWithLinks, issueWithTitle, namingHaiphong, onePagePartIssue } from './inputs.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'bin/bantin.js');

export const EXAMPLES = ['so-20-2026', 'so-15-2026', 'hcm-10-2025', 'digest-chuyen-doi-so-2025'] as const;
export const PROFILES = ['screen', 'print', 'press'] as const;
export const SIZES = ['A4', 'A5'] as const;
/** The built-in themes the theme tests print both weekly examples with (digest: digest.test.ts; haiphong is the default). */
export const THEMES = ['base', 'hcm-infographic', 'compact'] as const;
/** 1 June 2026 (UTC), the date accessible.test.ts and batch.test.ts expect in the metadata. */
export const EPOCH = '1780000000';

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'warning' | 'error';
  /** The field, '' when none is named. */
  path: string;
  message: string;
  /** As printed: the header, and the line and caret under it. */
  text: string;
}

export interface Printed {
  /** Absolute path of the issue file. */
  input: string;
  /** Its file name without .yaml, as the tests name it. */
  name: string;
  /** The PDF, when it was written. */
  pdf?: string;
  pageCount?: number;
  /** Prints until the page numbers held ("pass N printed"). */
  passes: number;
  /** The --verbose report of nearly empty pages. */
  nearlyEmpty: Array<{ page: number; percent: number }>;
  /** Requests the page made that bantin refused. */
  blocked: string[];
  /** Warnings and errors printed for this issue, in order. */
  diagnostics: Diagnostic[];
  /** "bantin: …" lines about this issue (why it failed). */
  failures: string[];
  /** Its --verbose lines, from "rendering" to its progress line. */
  log: string[];
}

export interface BatchRun {
  id: string;
  args: string[];
  env: Record<string, string>;
  inputs: string[];
  outDir: string;
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  items: Printed[];
  /** Report lines no issue of the batch could be given (a test fails on any). */
  unattributed: string[];
}

export interface PrintManifest {
  root: string;
  /** Why nothing was printed (no selected test file reads the prints). */
  skipped?: string;
  /** Where the generated inputs and themes are (inputs.ts). */
  inputs: Record<string, string>;
  batches: Record<string, BatchRun>;
}

export interface BatchSpec {
  id: string;
  args: string[];
  inputs: string[];
  env?: Record<string, string>;
}

const has = (tool: string) => spawnSync(tool, ['--version']).status === 0;

/** Writes the generated issues and themes under `dir`; returns them by name. */
export function prepareInputs(dir: string, links: { A4: number; A5: number }): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const cli = (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { cwd: dir, stdio: 'pipe' });
  const inputs: Record<string, string> = {
    // The most cover links bantin check lets through on each size.
    'links-A4': issueWithLinks(dir, links.A4, 'A4'),
    'links-A5': issueWithLinks(dir, links.A5, 'A5'),
    symbols: issueWithTitle(dir, 'symbols', FONT_TITLES.symbols),
    cjk: issueWithTitle(dir, 'cjk', FONT_TITLES.cjk),
    'one-page': onePagePartIssue(dir),
    'so-20-2026-themed': namingHaiphong(dir, 'so-20-2026'),
    child: path.join(dir, 'child'),
    leaky: path.join(dir, 'leaky'),
  };
  // A child theme of haiphong that changes nothing.
  cli('theme', 'new', inputs.child!, '--from', 'haiphong');
  // The English theme with a stylesheet that reaches out of its folder and to the network; the
  // issue beside the theme folder is what ../../english-issue.yaml names.
  cli('theme', 'new', inputs.leaky!, '--from', path.join(repoRoot, 'tests/fixtures/themes/english'));
  mkdirSync(path.join(inputs.leaky!, 'styles'), { recursive: true });
  writeFileSync(path.join(inputs.leaky!, 'styles/leak.css'), '.cover { background-image: url(../../english-issue.yaml), url(https://example.com/x.png); }');
  copyFileSync(path.join(repoRoot, 'tests/fixtures/themes/english-issue.yaml'), path.join(dir, 'english-issue.yaml'));
  return inputs;
}

/** Every batch, given the generated inputs. */
export function plan(inputs: Record<string, string>): BatchSpec[] {
  const examples = EXAMPLES.map(exampleFile);
  const images = path.join(repoRoot, 'tests/fixtures/images/issue.yaml');
  const english = path.join(repoRoot, 'tests/fixtures/themes/english-issue.yaml');
  const linksFor = (size: 'A4' | 'A5') => inputs[`links-${size}`]!;
  const specs: BatchSpec[] = [];
  for (const profile of PROFILES) {
    for (const size of SIZES) {
      const extra: string[] = [];
      // cover-links.test.ts: A4 print and press, A5 print and screen; profiles.test.ts: images in A4.
      if (size === 'A4' && profile !== 'screen') extra.push(linksFor('A4'));
      if (size === 'A5' && profile !== 'press') extra.push(linksFor('A5'));
      if (size === 'A4') extra.push(images);
      // print A4 is what `bantin build` does with no flags (the examples are A4): every issue a
      // test reads with the defaults goes here.
      if (profile === 'print' && size === 'A4') {
        extra.push(inputs.symbols!, inputs.cjk!, inputs['one-page']!, inputs['so-20-2026-themed']!, english);
        specs.push({ id: 'print-A4', args: [], inputs: [...examples, ...extra] });
      } else {
        specs.push({ id: `${profile}-${size}`, args: ['--profile', profile, '--size', size], inputs: [...examples, ...extra] });
      }
    }
  }
  const so20 = exampleFile('so-20-2026');
  const so15 = exampleFile('so-15-2026');
  // Without Ghostscript --cmyk cannot work: its tests skip (and fail under CI=true, naming gs).
  if (has('gs')) {
    specs.push({ id: 'press-cmyk', args: ['--profile', 'press', '--cmyk'], inputs: [so20, so15, images] });
    specs.push({ id: 'print-cmyk', args: ['--cmyk'], inputs: [images] });
  }
  specs.push({ id: 'pdfa', args: ['--profile', 'press', '--pdfa'], inputs: [images, so20] });
  specs.push({ id: 'no-tags', args: ['--no-tags'], inputs: [so20] });
  specs.push({ id: 'epoch', args: [], inputs: [images, so20], env: { SOURCE_DATE_EPOCH: EPOCH } });
  for (const theme of THEMES) {
    const name = theme === 'compact' ? path.join(repoRoot, 'tests/fixtures/themes/compact') : theme;
    for (const size of SIZES) specs.push({ id: `theme-${theme}-${size}`, args: ['--theme', name, '--size', size], inputs: [so20, so15] });
  }
  // The default theme chosen by series.theme or as a child theme prints the same bytes: one issue shows it.
  specs.push({ id: 'child', args: ['--theme', inputs.child!], inputs: [so20] });
  specs.push({ id: 'leaky', args: ['--theme', inputs.leaky!], inputs: [english] });
  for (const spec of specs) {
    const names = spec.inputs.map((f) => path.basename(f));
    if (new Set(names).size !== names.length) throw new Error(`batch ${spec.id}: two inputs have the same name (${names.join(', ')})`);
  }
  return specs;
}

/** Runs the batches, `parallel` at a time, the largest first; their outputs go to root/<id>/. */
export async function runBatches(specs: BatchSpec[], root: string, parallel = 2): Promise<Record<string, BatchRun>> {
  const queue = [...specs].sort((a, b) => b.inputs.length - a.inputs.length);
  const runs: Record<string, BatchRun> = {};
  const worker = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) runs[spec.id] = await printBatch(spec, path.join(root, spec.id), path.join(root, 'logs', `${spec.id}.txt`));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return Object.fromEntries(specs.map((s) => [s.id, runs[s.id]!]));
}

/** One `bantin --verbose build … --out-dir outDir --jobs 1`, split per issue; its output also goes to `log` when given. */
export function printBatch(spec: BatchSpec, outDir: string, log?: string, timeoutMs = 600_000): Promise<BatchRun> {
  const args = ['--verbose', 'build', ...spec.inputs, '--out-dir', outDir, ...spec.args, '--jobs', '1'];
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...spec.env };
  delete env.FORCE_COLOR;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const run: BatchRun = { id: spec.id, args, env: spec.env ?? {}, inputs: spec.inputs, outDir, code, stdout, stderr, seconds, ...splitPerIssue(spec.inputs, stdout, stderr) };
      if (log) writeFileSync(log, `$ bantin ${args.join(' ')}\nexit ${code} after ${seconds.toFixed(1)} s\n--- stdout\n${stdout}--- stderr\n${stderr}`);
      resolve(run);
    });
  });
}

/** Issue `name` of a batch (its file name without .yaml); throws with the batch's output when its PDF was not written. */
export function itemOf(run: BatchRun, name: string): Printed & { pdf: string; pageCount: number } {
  const item = run.items.find((i) => i.name === name);
  if (!item) throw new Error(`batch ${run.id} has no issue ${name} (it has ${run.items.map((i) => i.name).join(', ')})`);
  if (!item.pdf || item.pageCount === undefined) throw new Error(`batch ${run.id} wrote no PDF of ${name} (exit ${run.code}):\n${run.stderr.slice(-4000)}`);
  return item as Printed & { pdf: string; pageCount: number };
}

const STAMPED = /^\[\d+\.\d\ds\] (.*)$/;
const PROGRESS = /^\[\d+\/\d+\] (.+?) {2}(?:(\d+) pages {2}[\d.]+ s|failed)$/;
const HEADER = /^(.+?):(\d+):(\d+) (warning|error)(?: ([A-Za-z_][\w[\].-]*):)? (.*)$/;
const EXCERPT = /^ *(\d+)? \| /;

/** A batch's stderr and stdout, issue by issue. */
export function splitPerIssue(inputs: string[], stdout: string, stderr: string): { items: Printed[]; unattributed: string[] } {
  const items: Printed[] = inputs.map((input) => ({ input, name: path.basename(input, path.extname(input)), passes: 0, nearlyEmpty: [], blocked: [], diagnostics: [], failures: [], log: [] }));
  const byBase = new Map(items.map((item) => [path.basename(item.input), item]));
  const byFile = (file: string) => items.find((item) => item.input === path.resolve(repoRoot, file));
  const lines = stderr.split('\n');
  const table = lines.findIndex((l) => /^issue +pages +seconds +result$/.test(l));
  const end = table < 0 ? lines.length : table;
  let lastStamped = -1;
  for (let i = 0; i < end; i++) if (STAMPED.test(lines[i]!)) lastStamped = i;
  const unattributed: string[] = [];

  // The steps: one issue at a time, from "rendering" to its progress line.
  let segment: string[] | undefined;
  for (let i = 0; i <= lastStamped; i++) {
    const line = lines[i]!;
    const message = STAMPED.exec(line)?.[1];
    if (message?.startsWith('rendering ')) segment = [];
    if (segment) segment.push(message ?? line);
    const progress = message ? PROGRESS.exec(message) : null;
    if (!progress) continue;
    const item = byBase.get(progress[1]!);
    if (!item) {
      unattributed.push(line);
      continue;
    }
    if (progress[2]) item.pageCount = Number(progress[2]);
    for (const step of segment ?? []) {
      const pass = /^pass (\d+) printed/.exec(step);
      if (pass) item.passes = Math.max(item.passes, Number(pass[1]));
      const empty = /^page (\d+) is only (\d+) % full$/.exec(step);
      if (empty) item.nearlyEmpty.push({ page: Number(empty[1]), percent: Number(empty[2]) });
      const blocked = /^blocked a request the page made to (.+)$/.exec(step);
      if (blocked) item.blocked.push(blocked[1]!);
      const wrote = /^wrote (.+)$/.exec(step);
      if (wrote) item.pdf = wrote[1];
    }
    item.log = segment ?? [];
    segment = undefined;
  }

  // The report: each issue's warnings (and errors), each naming its file.
  let current: Printed | undefined;
  let diagnostic: Diagnostic | undefined;
  for (const line of lines.slice(lastStamped + 1, end)) {
    if (line === '') continue;
    const header = HEADER.exec(line);
    if (header) {
      current = byFile(header[1]!);
      diagnostic = { file: header[1]!, line: Number(header[2]), col: Number(header[3]), severity: header[4] as Diagnostic['severity'], path: header[5] ?? '', message: header[6]!, text: line };
      if (current) current.diagnostics.push(diagnostic);
      else unattributed.push(line);
    } else if (EXCERPT.test(line) && diagnostic) {
      diagnostic.text += `\n${line}`;
    } else if (line.startsWith('bantin: ')) {
      const named = items.find((item) => line.includes(item.input) || line.includes(path.relative(repoRoot, item.input)));
      (named ?? current)?.failures.push(line);
      if (!named && !current) unattributed.push(line);
      diagnostic = undefined;
    } else {
      unattributed.push(line);
    }
  }

  // stdout: the PDFs written, one per line.
  for (const pdf of stdout.split('\n').filter(Boolean)) {
    const item = items.find((i) => i.pdf === pdf);
    if (!item) unattributed.push(`stdout: ${pdf}`);
  }
  return { items, unattributed };
}
