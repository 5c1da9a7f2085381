/** Images must be real image files inside the issue's folder. */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside } from '../../src/issue/assets.js';
import { edit, load, MINIMAL_ISSUE, seen, TINY_PNG } from './helpers.js';

let root: string; // holds issue/ and a file outside it
let issueFile: string;

beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'bantin-assets-')));
  const issueDir = path.join(root, 'issue');
  await mkdir(path.join(issueDir, 'images'), { recursive: true });
  issueFile = path.join(issueDir, 'so-20-2026.yaml');
  await writeFile(path.join(issueDir, 'images', 'kinh-te-so.png'), TINY_PNG);
  await writeFile(path.join(issueDir, 'images', 'ghi-chu.png'), 'Kinh tế số hướng tới 30% GDP\n');
  await writeFile(path.join(root, 'ngoai.png'), TINY_PNG);
  await symlink(path.join(root, 'ngoai.png'), path.join(issueDir, 'images', 'lien-ket.png'));
  await symlink(path.join(issueDir, 'images', 'kinh-te-so.png'), path.join(issueDir, 'images', 'ban-sao.png'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The minimal issue with an image (and its alt text) on its article; `src:` is on line 20, its value at column 16. */
function withImage(src: string): string {
  return edit(MINIMAL_ISSUE, '        body: |', `        image:\n          src: ${src}\n          alt: Biểu đồ tỷ trọng kinh tế số trong GDP\n        body: |`);
}

async function imageProblem(src: string) {
  const { issue, diagnostics } = await load(withImage(src), issueFile);
  expect(issue).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  const d = diagnostics[0]!;
  expect(d).toMatchObject({ line: 20, col: 16, path: 'parts[0].articles[0].image.src', code: 'image', sourceLine: `          src: ${src}` });
  return d.message;
}

describe('image assets', () => {
  it('accepts a PNG inside the issue folder and records its size', async () => {
    const { issue, assets, diagnostics } = await load(withImage('images/kinh-te-so.png'), issueFile);
    expect(diagnostics).toEqual([]);
    expect(issue?.articles[0]?.image?.src).toBe('images/kinh-te-so.png');
    expect(assets.get('images/kinh-te-so.png')).toEqual({
      src: 'images/kinh-te-so.png',
      file: path.join(root, 'issue', 'images', 'kinh-te-so.png'),
      width: 1,
      height: 1,
      type: 'png',
      // Read once, when checked: the page gets these bytes, not whatever the file is later.
      bytes: readFileSync(path.join(root, 'issue', 'images', 'kinh-te-so.png')),
    });
  });

  it('accepts a symlink that stays inside the folder', async () => {
    const { diagnostics, assets } = await load(withImage('images/ban-sao.png'), issueFile);
    expect(diagnostics).toEqual([]);
    expect(assets.get('images/ban-sao.png')?.file).toBe(path.join(root, 'issue', 'images', 'kinh-te-so.png'));
  });

  it('rejects a path that climbs out with ..', async () => {
    expect(await imageProblem('../ngoai.png')).toBe(`"../ngoai.png" is outside the issue's folder: copy the image next to the issue file`);
    expect(await imageProblem('images/../../ngoai.png')).toMatch(/is outside the issue's folder/);
  });

  it('rejects an absolute path, even to a real image', async () => {
    const absolute = path.join(root, 'ngoai.png');
    expect(await imageProblem(absolute)).toBe(`"${absolute}" is an absolute path: write it relative to the issue file, inside its folder`);
  });

  it('rejects a symlink that leads outside the folder', async () => {
    expect(await imageProblem('images/lien-ket.png')).toBe(
      `"images/lien-ket.png" is a link to a file outside the issue's folder: copy the image next to the issue file`,
    );
  });

  it('reports a missing image with the path it looked for', async () => {
    const wanted = path.join(root, 'issue', 'images', 'khong-co.png');
    expect(await imageProblem('images/khong-co.png')).toBe(`image not found: images/khong-co.png (looked for ${wanted})`);
  });

  it('rejects a text file named .png as not an image', async () => {
    expect(await imageProblem('images/ghi-chu.png')).toBe(
      '"images/ghi-chu.png" is not a PNG image (it is text): use a PNG, JPEG, WebP, GIF or SVG file',
    );
  });

  it('rejects a folder', async () => {
    expect(await imageProblem('images')).toBe('"images" is a folder, not an image');
  });

  it('rejects a web address: bantin never downloads', async () => {
    expect(await imageProblem('https://vov.vn/anh.png')).toMatch(/^"https:\/\/vov\.vn\/anh\.png" is a URL: /);
  });

  it('checks the series logo too, at its own line', async () => {
    const text = edit(MINIMAL_ISSUE, '  publisher:', '  logo: ../ngoai.png\n  publisher:');
    const { diagnostics } = await load(text, issueFile);
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 3,
        col: 9,
        path: 'series.logo',
        message: `"../ngoai.png" is outside the issue's folder: copy the image next to the issue file`,
        sourceLine: '  logo: ../ngoai.png',
      },
    ]);
  });
});

describe('isInside', () => {
  it.each([
    ['/data/issue', '/data/issue/images/a.png', true],
    ['/data/issue', '/data/issue', false],
    ['/data/issue', '/data/issue-2/a.png', false],
    ['/data/issue', '/data/a.png', false],
  ])('%s contains %s: %s', (root_, candidate, inside) => {
    expect(isInside(root_, candidate)).toBe(inside);
  });
});

describe('regressions', () => {
  it('accepts a file whose name starts with two dots: it is still inside the folder', async () => {
    const issueDir = path.dirname(issueFile);
    await writeFile(path.join(issueDir, '..kinh-te-so.png'), TINY_PNG);
    const { issue, diagnostics } = await load(withImage('..kinh-te-so.png'), issueFile);
    expect(diagnostics).toEqual([]);
    expect(issue).toBeDefined();
    expect(isInside(issueDir, path.join(issueDir, '..kinh-te-so.png'))).toBe(true);
    expect(isInside(issueDir, path.join(issueDir, '..', 'x.png'))).toBe(false);
  });

  it('warns (image-alt) about an image with neither alt nor caption, at its line; a caption is enough', async () => {
    const bare = edit(MINIMAL_ISSUE, '        body: |', '        image:\n          src: images/kinh-te-so.png\n        body: |');
    const { issue, diagnostics } = await load(bare, issueFile);
    expect(issue).toBeDefined();
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'image-alt', line: 20, path: 'parts[0].articles[0].image' }]);
    expect(diagnostics[0]!.message).toContain('add alt');
    const captioned = edit(bare, 'src: images/kinh-te-so.png', 'src: images/kinh-te-so.png\n          caption: Tỷ trọng kinh tế số');
    expect((await load(captioned, issueFile)).diagnostics).toEqual([]);
  });

  it('loads an issue without images even when its folder does not exist', async () => {
    const { issue, diagnostics } = await load(MINIMAL_ISSUE, '/khong-co-thu-muc/so.yaml');
    expect(diagnostics).toEqual([]);
    expect(issue).toBeDefined();
  });

  it('reports problems of every stage in file order', async () => {
    const text = edit(withImage('images/khong-co.png'), 'issue:\n  number: 20/2026', 'issue:\n  number: 20/2026')
      .replace('    end: 2026-05-31', '    end: 2026-05-20');
    const { diagnostics } = await load(text, issueFile);
    expect(diagnostics.map((d) => d.line)).toEqual([...diagnostics.map((d) => d.line)].sort((a, b) => a - b));
    expect(diagnostics.map((d) => d.code)).toEqual(['week', 'image']);
  });
});
