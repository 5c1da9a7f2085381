/**
 * The order test files start in: the unit tests first, then the end-to-end files that read none of
 * the shared prints, then those that do, so that the prints the e2e global setup makes in the
 * background (tests/e2e/prints-plan.ts) are ready by the time a reader needs them (a reader that
 * starts earlier waits for them). Within each group, vitest's own order.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Whether a test file reads the shared prints (imports tests/e2e/prints.ts). */
export function readsPrints(file: string): boolean {
  return /from '\.\/prints\.js'/.test(readFileSync(file, 'utf8'));
}

export class PrintsLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => (spec.project.name === 'unit' ? 0 : readsPrints(spec.moduleId) ? 2 : 1);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
