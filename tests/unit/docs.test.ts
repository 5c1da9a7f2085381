/**
 * The README stays a user's guide (issue 25): short, in a user's order, its details in docs/.
 * Every relative link of the README and docs/ leads to a file that exists, and to a heading in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (page: string) => readFileSync(path.join(root, page), 'utf8');
const readme = text('README.md');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchors(page: string): Set<string> {
  const withoutCode = text(page).replace(/^```[^]*?^```/gm, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe('the README', () => {
  it('is at most 400 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(400);
  });

  it("follows a user's order, from what bantin is to the licence", () => {
    const order = [
      '## The two commands',
      '## Install',
      '## Quick start',
      '## The weekly workflow',
      '## Writing an issue',
      '## Themes',
      '## Printing',
      '### Sending to the printer',
      '## Accessible and archival PDFs',
      '## Several issues, watching, previewing',
      '## Publishing with CI',
      '## When things go wrong',
      '## What bantin will never do',
      '## Speed',
      '## Licence',
    ];
    const at = order.map((heading) => readme.indexOf(`\n${heading}\n`));
    expect(order.filter((_, n) => at[n]! < 0)).toEqual([]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(readme).toContain('](docs/pages.png)');
  });

  it('states every exit code the command line uses', () => {
    const section = readme.slice(readme.indexOf('## When things go wrong'), readme.indexOf('## What bantin will never do'));
    for (const code of [0, 1, 2, 70, 130]) expect(section).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('and docs/performance.md keep no dated logs or commit hashes: history lives in git', () => {
    for (const page of ['README.md', 'docs/performance.md']) {
      const body = text(page);
      expect(body.match(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/g), page).toBeNull();
      expect(body.match(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b\d{2}:\d{2} UTC\b/g), page).toBeNull();
    }
  });
});

describe('links in the README and docs/', () => {
  it.each(pages)('%s: every relative link leads to a file and a heading that exist', (page) => {
    const body = text(page).replace(/^```[^]*?^```/gm, '');
    const broken: string[] = [];
    for (const [, target] of body.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const resolved = file === '' ? page : path.posix.join(path.posix.dirname(page), file);
      if (!existsSync(path.join(root, resolved))) broken.push(target!);
      else if (anchor !== undefined && !anchors(resolved).has(anchor)) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });
});
