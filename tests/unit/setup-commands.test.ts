/**
 * README's two commands and .ci/run agree: command (1) installs every Debian package .ci/run
 * may install and builds dist/; .ci/run runs exactly command (2), then at most the soak tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');
const section = readme.slice(readme.indexOf('## The two commands'), readme.indexOf('\n## ', readme.indexOf('## The two commands') + 1));
const commands = [...section.matchAll(/```sh\n# \((\d)\)[^\n]*\n([^\n]+)\n```/g)].map((m) => m[2]!);
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the two commands', () => {
  it('are in the README', () => {
    expect(commands).toHaveLength(2);
    expect(commands[1]).toBe('npm test');
    // How long command (2) takes, and where the long soak tests went.
    expect(section).toMatch(/about \d+ minutes/);
    expect(section).toContain('`npm run test:slow`');
    expect(section).toContain('`.ci/run`');
  });

  it('(1) installs every package .ci/run installs on a bare machine, the npm packages, and builds dist/', () => {
    const ciPackages = [...ciRun.matchAll(/packages\+=\(([\w-]+)\)/g)].map((m) => m[1]!);
    expect(ciPackages).toEqual(expect.arrayContaining(['chromium-headless-shell', 'poppler-utils', 'ghostscript', 'qpdf']));
    const installed = /apt-get install -y ([\w -]+?) &&/.exec(commands[0]!)![1]!.split(' ');
    expect(ciPackages.filter((p) => !installed.includes(p))).toEqual([]);
    expect(commands[0]).toMatch(/&& npm ci && npm run build && npx bantin build examples\/so-20-2026\.yaml$/);
  });

  it('.ci/run installs from the lockfile, then runs exactly command (2), then at most the soak tests', () => {
    const lines = ciRun.trim().split('\n');
    const install = lines.indexOf('npm ci --no-audit --no-fund');
    expect(install).toBeGreaterThan(0);
    expect(lines[install + 1]).toBe(commands[1]);
    expect(lines.slice(install + 2).filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual(
      'test:slow' in scripts ? ['npm run test:slow'] : [],
    );
  });
});
