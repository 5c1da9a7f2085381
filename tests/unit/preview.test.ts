/**
 * The preview's pieces that need no browser: how each editor is asked for a file at a line,
 * whether a desktop is there to open a browser on, and the stable port (4500, else the next free one).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hasDesktop } from '../../src/commands/open-url.js';
import { editorCall, splitCommand } from '../../src/commands/preview-editor.js';
import { startPreview, type PreviewServer } from '../../src/commands/preview-server.js';

const FILE = '/home/bt/Bản tin/so-20-2026.yaml';

describe('the editor a story opens in', () => {
  it('is asked the way it reads a file and a line', () => {
    expect(editorCall('code', FILE, 12)).toEqual({ command: 'code', args: ['--goto', `${FILE}:12`] });
    expect(editorCall('code --wait', FILE, 12)).toEqual({ command: 'code', args: ['--goto', `${FILE}:12`] });
    expect(editorCall('/usr/bin/cursor', FILE, 3)).toEqual({ command: '/usr/bin/cursor', args: ['--goto', `${FILE}:3`] });
    expect(editorCall('zed', FILE, 7)).toEqual({ command: 'zed', args: [`${FILE}:7`] });
    expect(editorCall('subl', FILE, 7)).toEqual({ command: 'subl', args: [`${FILE}:7`] });
    expect(editorCall('emacsclient', FILE, 7)).toEqual({ command: 'emacsclient', args: ['-n', '+7', FILE] });
    expect(editorCall('webstorm', FILE, 7)).toEqual({ command: 'webstorm', args: ['--line', '7', FILE] });
    expect(editorCall('gedit', FILE, 7)).toEqual({ command: 'gedit', args: ['+7', FILE] });
    expect(editorCall('"C:\\Program Files\\Microsoft VS Code\\Code.exe"', FILE, 5)).toEqual({ command: 'C:\\Program Files\\Microsoft VS Code\\Code.exe', args: ['--goto', `${FILE}:5`] });
  });

  it('is a command written with {file} and {line} when the user writes one', () => {
    expect(editorCall('myedit --line={line} {file}', FILE, 9)).toEqual({ command: 'myedit', args: ['--line=9', FILE] });
    expect(splitCommand(`a "b c" 'd e' f`)).toEqual(['a', 'b c', 'd e', 'f']);
  });

  it('that runs in a terminal is given as a command to run, quoted for the shell', () => {
    expect(editorCall('vim', FILE, 12)).toEqual({ terminal: "vim +12 '/home/bt/Bản tin/so-20-2026.yaml'" });
    expect(editorCall('nano', '/tmp/a.yaml', 2)).toEqual({ terminal: 'nano +2 /tmp/a.yaml' });
    expect(editorCall('hx', '/tmp/a.yaml', 2)).toEqual({ terminal: 'hx /tmp/a.yaml:2' });
    expect(editorCall('emacsclient -t', '/tmp/a.yaml', 2)).toEqual({ terminal: 'emacsclient -t +2 /tmp/a.yaml' });
  });
});

describe('a desktop to open the browser on', () => {
  it('is always there on macOS and Windows; elsewhere an X11 or Wayland display, or $BROWSER', () => {
    expect(hasDesktop({}, 'darwin')).toBe(true);
    expect(hasDesktop({}, 'win32')).toBe(true);
    expect(hasDesktop({}, 'linux')).toBe(false);
    expect(hasDesktop({ DISPLAY: '' }, 'linux')).toBe(false);
    expect(hasDesktop({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDesktop({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDesktop({ BROWSER: 'w3m' }, 'linux')).toBe(true);
  });
});

describe('the preview port', () => {
  const servers: PreviewServer[] = [];
  let holder: http.Server | undefined;
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve()));
    holder = undefined;
  });

  it('is the one asked for, else with nextFree the next free one; without nextFree a taken port is an error', async () => {
    holder = http.createServer();
    await new Promise<void>((resolve) => holder!.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as AddressInfo).port;
    const next = await startPreview({ title: 't', issueFile: FILE, port: taken, nextFree: true });
    servers.push(next);
    expect(next.port).toBeGreaterThan(taken);
    expect(next.port).toBeLessThanOrEqual(taken + 19);
    expect(next.url).toBe(`http://127.0.0.1:${next.port}/`);
    await expect(startPreview({ title: 't', issueFile: FILE, port: taken })).rejects.toThrow(`port ${taken} is in use`);
  });
});

describe('the preview’s pdf.js', () => {
  it('is shipped in dist/pdfjs/ by the build, not installed: pdfjs-dist (and its native canvas) is a devDependency', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg.dependencies!)).not.toContain('pdfjs-dist');
    expect(pkg.devDependencies!['pdfjs-dist']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts!.build).toContain('node scripts/copy-pdfjs.js');
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const installed = Object.entries(lock.packages).filter(([name, entry]) => name.startsWith('node_modules/') && !entry.dev).map(([name]) => name);
    expect(installed.filter((name) => /pdfjs-dist|@napi-rs\/canvas/.test(name))).toEqual([]);
  });
});

describe('the stories the preview lists', () => {
  it('are every part and story, each at the line of its title, in a YAML and in a Markdown issue file', async () => {
    const { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { loadIssue } = await import('../../src/issue/load.js');
    const { previewItems } = await import('../../src/commands/preview-items.js');
    // The Markdown fixture with the picture it names beside it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-preview-items-'));
    mkdirSync(path.join(dir, 'images'));
    copyFileSync('tests/fixtures/images/small-chart.png', path.join(dir, 'images/kinh-te-so.png'));
    copyFileSync('tests/fixtures/markdown/every-field.md', path.join(dir, 'every-field.md'));
    for (const file of ['examples/so-20-2026.yaml', path.join(dir, 'every-field.md')]) {
      const loaded = await loadIssue(file);
      const items = previewItems(loaded.issue!, loaded.source!);
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(items.filter((i) => !i.part).length, file).toBe(loaded.issue!.articles.length);
      expect(items.filter((i) => i.part).length, file).toBe(loaded.issue!.parts.length);
      for (const item of items.filter((i) => i.part || loaded.issue!.articles.find((a) => a.id === i.id)?.titled)) {
        expect(lines[item.line - 1], `${file}: ${item.id}`).toContain(item.title);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
