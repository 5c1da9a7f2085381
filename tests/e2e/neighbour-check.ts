// After every e2e file: the neighbouring Chromium (neighbour.ts) must still run. A test that
// signalled processes it did not start would have killed it.
import { afterAll, expect, inject } from 'vitest';
import { neighbourAlive } from './neighbour.js';

afterAll(async () => {
  const group = inject('neighbourGroup');
  // It may be between start-up and its first helper process: give it a moment.
  for (let i = 0; i < 20 && !neighbourAlive(group); i++) await new Promise((r) => setTimeout(r, 100));
  expect(neighbourAlive(group), `the neighbouring Chromium (process group ${group}) was killed during this file: tests must signal only the processes bantin under test started`).toBe(true);
});
