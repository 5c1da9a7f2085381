/** Command-line flags as typed: paper sizes in any case. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { pageSize, registerBuild } from '../../src/cli/commands/build.js';

function buildFlags(args: string[]): Record<string, unknown> {
  const program = new Command().exitOverride();
  registerBuild(program);
  let seen: Record<string, unknown> = {};
  const build = program.commands.find((c) => c.name() === 'build')!.exitOverride().configureOutput({ writeErr: () => {} });
  build.action((_files: string[], opts: Record<string, unknown>) => void (seen = opts));
  program.parse(['node', 'bantin', 'build', 'so-20-2026.yaml', ...args]);
  return seen;
}

describe('--size', () => {
  it('takes a4 like A4, and refuses other sizes as a usage error', () => {
    expect(pageSize('a4')).toBe('A4');
    expect(pageSize(' A5 ')).toBe('A5');
    expect(buildFlags(['--size', 'a5']).size).toBe('A5');
    expect(buildFlags(['--size', 'A4']).size).toBe('A4');
    expect(() => buildFlags(['--size', 'a3'])).toThrow(/expected A4 or A5/);
  });
});
