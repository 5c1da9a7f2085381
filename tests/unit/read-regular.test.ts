/** Reading what the user gives: regular files only, capped; images kept as the bytes checked. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegular } from '../../src/core/read-file.js';
import { findAsset } from '../../src/print/requests.js';
import { edit, load, MINIMAL_ISSUE, TINY_PNG } from './helpers.js';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'bantin-read-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readRegular', () => {
  it('reads a regular file, also through a link', async () => {
    writeFileSync(path.join(root, 'a.txt'), 'xin chào');
    symlinkSync(path.join(root, 'a.txt'), path.join(root, 'link.txt'));
    expect((await readRegular(path.join(root, 'link.txt'), 100)).toString()).toBe('xin chào');
  });

  it.skipIf(process.platform !== 'linux')('says a file of /proc is a view of the system, not that it grew', async () => {
    await expect(readRegular('/proc/self/status', 1024 * 1024)).rejects.toThrow('it is not a regular file with a size (a view of the system, such as /proc or /sys)');
  });

  it('refuses devices, FIFOs, folders and files over the cap, without reading them', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    await expect(readRegular('/dev/zero', 100)).rejects.toThrow('it is a device, not a file');
    await expect(readRegular(path.join(root, 'pipe'), 100)).rejects.toThrow('it is a FIFO');
    await expect(readRegular(root, 100)).rejects.toThrow('it is a folder');
    writeFileSync(path.join(root, 'big'), Buffer.alloc(3 * 1024 * 1024));
    await expect(readRegular(path.join(root, 'big'), 1024 * 1024)).rejects.toThrow('it is 3 MB, more than the 1 MB bantin reads');
  });
});

describe('images', () => {
  it('are kept as the bytes checked: a file swapped for a link afterwards changes nothing', async () => {
    const dir = path.join(root, 'issue');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'photo.png'), TINY_PNG);
    writeFileSync(path.join(root, 'secret.png'), 'not for the page');
    const text = edit(MINIMAL_ISSUE, '        body: |', '        image:\n          src: ./photo.png\n        body: |');
    const { assets, diagnostics } = await load(text, path.join(dir, 'issue.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    rmSync(path.join(dir, 'photo.png'));
    symlinkSync(path.join(root, 'secret.png'), path.join(dir, 'photo.png'));
    // Chromium asks for the normalised path.
    const asset = findAsset(assets, 'photo.png');
    expect(Buffer.from(asset!.bytes!).equals(TINY_PNG)).toBe(true);
    expect(findAsset(assets, 'x/../photo.png'), 'a/../x spellings too').toBe(asset);
    expect(findAsset(assets, 'secret.png')).toBeUndefined();
  });
});
