import { execFileSync } from 'node:child_process';

// The CLI tests run bin/bantin.js, which loads dist/: compile it from the current sources first.
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
