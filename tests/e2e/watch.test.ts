/**
 * Watch mode and the live preview, as a spawned process with bounded waits.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { bin, repoRoot } from './pdf-tools.js';
import { eventually, ownedRun } from './processes.js';

// These tests signal and count processes: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Resolves when `stream` has printed text matching `pattern` `count` times in all. A build takes
 * seconds; the generous wait is for a loaded machine (CI runners, other suites beside this one).
 */
function waitFor(output: { text: string }, pattern: RegExp, count: number, ms = 90_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const seen = output.text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
      if (seen >= count) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern} ×${count}:\n${output.text}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

it('rebuilds on change, survives an error, serves a live preview on loopback and stops cleanly', { timeout: 300_000 }, async () => {
  const input = path.join(dir, 'so-20-2026.yaml');
  const pdf = path.join(dir, 'so-20-2026.pdf');
  copyFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), input);
  const owned = ownedRun(dir, { ...process.env, NO_COLOR: '1' });
  const child = spawn(process.execPath, [bin, 'build', input, '--watch', '--serve'], { stdio: ['ignore', 'pipe', 'pipe'], env: owned.env });
  const err = { text: '' };
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err.text += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    await waitFor(err, /built .*so-20-2026\.pdf: \d+ pages/, 1);
    const url = /preview: (http:\/\/[^\s]+)/.exec(err.text)?.[1];
    expect(url, 'preview address').toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(url!);
    expect(page.status).toBe(200);
    // The pdf.js viewer page (driven in a browser by tests/slow/preview-viewer.test.ts), with pdf.js served locally.
    expect(page.body.toString()).toContain('/viewer/viewer.js');
    const library = await get(`${url}pdfjs/build/pdf.min.mjs`);
    expect([library.status, library.type]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get(`${url}pdfjs/build/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`${url}pdfjs/../package.json`)).status).toBe(404);
    // DNS rebinding: a page at another name that resolves to 127.0.0.1 gets nothing.
    const port = new URL(url!).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, 'localhost', `127.0.0.1:${Number(port) + 1}`]) {
      for (const where of ['', 'issue.pdf', 'events']) {
        const refused = await get(`${url}${where}`, { host });
        expect(refused.status, `${host} /${where}`).toBe(421);
        expect(refused.body.toString()).not.toContain('%PDF');
      }
    }
    expect((await get(`${url}issue.pdf`, { host: `localhost:${port}` })).status).toBe(200);
    const first = await get(`${url}issue.pdf`);
    expect(first.type).toBe('application/pdf');
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-');

    // A one-word edit: rebuilt, its page numbers predicted and confirmed by one print.
    const text = readFileSync(input, 'utf8');
    const firstBuilt = statSync(pdf).mtimeMs;
    writeFileSync(input, text.replace('Chiến lược đầu tư nghiên cứu cơ bản', 'Chiến lược đầu tư nghiên cứu nền tảng'));
    await waitFor(err, /built .*so-20-2026\.pdf: \d+ pages in [\d.]+ s \(1 print\)/, 2);
    expect(statSync(pdf).mtimeMs).toBeGreaterThan(firstBuilt);

    // A mistake is reported with its position and the watcher keeps going; fixing it recovers.
    writeFileSync(input, text.replace('  number: 20/2026', '  number: 20-2026'));
    await waitFor(err, /so-20-2026\.yaml:\d+:11 error issue\.number/, 1);
    writeFileSync(input, text);
    await waitFor(err, /built .*so-20-2026\.pdf/, 3);
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(130);
  await eventually(() => owned.pids().length === 0);
  expect(owned.pids(), 'no Chromium outlives bantin').toEqual([]);
  expect(owned.leftovers(), 'no profile folder left').toEqual([]);
  owned.dispose();
});

it('keeps watching when the file is deleted and created again (editors, git checkout)', { timeout: 300_000 }, async () => {
  const sub = mkdtempSync(path.join(dir, 'recreate-'));
  const input = path.join(sub, 'issue.yaml');
  const pdf = path.join(sub, 'issue.pdf');
  const text = readFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), 'utf8');
  writeFileSync(input, text);
  const owned = ownedRun(dir, { ...process.env, NO_COLOR: '1' });
  const child = spawn(process.execPath, [bin, 'build', input, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'], env: owned.env });
  const err = { text: '' };
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err.text += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    await waitFor(err, /built .*issue\.pdf: \d+ pages/, 1);
    const firstBuilt = statSync(pdf).mtimeMs;
    rmSync(input);
    await waitFor(err, /waiting for .*issue\.yaml to reappear/, 1);
    writeFileSync(input, text.replace('Chiến lược đầu tư nghiên cứu cơ bản', 'Chiến lược đầu tư nghiên cứu nền tảng'));
    await waitFor(err, /built .*issue\.pdf: \d+ pages/, 2);
    expect(statSync(pdf).mtimeMs).toBeGreaterThan(firstBuilt);
    // …and the recreated file is itself watched.
    writeFileSync(input, text);
    await waitFor(err, /built .*issue\.pdf: \d+ pages/, 3);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(143);
  await eventually(() => owned.pids().length === 0);
  expect(owned.pids()).toEqual([]);
  expect(owned.leftovers()).toEqual([]);
  owned.dispose();
});
