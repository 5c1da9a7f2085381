/**
 * title-body-mismatch measured on the real bulletins: every news item of issues 15 and 20 as
 * published (../shared/seeds), then the same issues with bodies moved the way copy and paste
 * moves them — neighbours swapped, and a run of five bodies shifted by one. Precision first: no
 * correctly matched item may be flagged. Precision and recall are printed.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load } from './helpers.js';
import { SEED_FILES, seedItems, type SeedItem } from './seed-items.js';

interface Variant {
  name: string;
  bodies: string[];
  /** Items whose body is not their own. */
  wrong: Set<number>;
}

function variants(items: SeedItem[]): Variant[] {
  const out: Variant[] = [{ name: 'as published', bodies: items.map((i) => i.body), wrong: new Set() }];
  for (const offset of [0, 3]) {
    const bodies = items.map((i) => i.body);
    const wrong = new Set<number>();
    for (let i = offset; i + 1 < items.length; i += 6) {
      [bodies[i], bodies[i + 1]] = [bodies[i + 1]!, bodies[i]!];
      wrong.add(i).add(i + 1);
    }
    out.push({ name: `neighbours swapped from item ${offset}`, bodies, wrong });
  }
  const shifted = items.map((i) => i.body);
  const wrong = new Set<number>();
  for (let i = 4; i < 9; i++) {
    shifted[i] = items[i + 1]!.body;
    wrong.add(i);
  }
  out.push({ name: 'five bodies shifted by one', bodies: shifted, wrong });
  return out;
}

/** One issue of the seed's items with the variant's bodies; the indexes of the items flagged. */
async function flagged(items: SeedItem[], bodies: string[]): Promise<Set<number>> {
  const issue = {
    series: { title: 'Điểm tin Khoa học Công nghệ', publisher: ['Sở Khoa học và Công nghệ'] },
    issue: { number: '20/2026', week: { start: '2026-05-25', end: '2026-05-31' } },
    parts: [{ kind: 'news', title: 'Tin', articles: items.map((item, i) => ({ date: '2026-05-25', title: item.title, source: { name: 'VOV', url: `https://vov.vn/${i}.htm` }, body: bodies[i] })) }],
  };
  const { diagnostics } = await load(stringify(issue, { lineWidth: 0 }));
  return new Set(diagnostics.filter((d) => d.code === 'title-body-mismatch').map((d) => Number(/articles\[(\d+)\]/.exec(d.path)![1])));
}

describe('title-body-mismatch on the seed bulletins', () => {
  it('flags no correctly matched item, and finds most moved bodies (precision and recall printed)', async () => {
    let tp = 0;
    let fp = 0;
    let positives = 0;
    for (const file of SEED_FILES) {
      const items = seedItems(file);
      expect(items.length, file).toBeGreaterThanOrEqual(30);
      for (const variant of variants(items)) {
        const found = await flagged(items, variant.bodies);
        const falseAlarms = [...found].filter((i) => !variant.wrong.has(i));
        expect(falseAlarms.map((i) => items[i]!.title), `${file}, ${variant.name}`).toEqual([]);
        tp += [...found].filter((i) => variant.wrong.has(i)).length;
        fp += falseAlarms.length;
        positives += variant.wrong.size;
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / positives;
    console.log(`title-body-mismatch on ${SEED_FILES.join(' + ')}: precision ${precision.toFixed(2)} (${tp} of ${tp + fp} warnings right), recall ${recall.toFixed(2)} (${tp} of ${positives} moved bodies found)`);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.5);
  }, 60_000);
});
