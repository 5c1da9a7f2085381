/** A weekly issue made of the seeds' real items (pasted-text and fix tests). */
import { Document } from 'yaml';
import { seedItems, SEED_FILES } from './seed-items.js';

const seeds = SEED_FILES.flatMap((file) => seedItems(file));

/** A weekly issue of `count` real items from the seeds, as YAML (bodies as | blocks). */
export function seedIssueYaml(count: number): string {
  const articles = Array.from({ length: count }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    return {
      date: `2026-04-${20 + (i % 7)}`,
      title: `${seed.title.charAt(0)}${seed.title.slice(1).toLowerCase()}${i >= seeds.length ? ` (${i})` : ''}`,
      source: { name: 'Bộ KH-CN', url: `https://mst.gov.vn/bai-viet-${i}.htm` },
      body: `${seed.body}\n`,
    };
  });
  const issue = {
    series: { title: 'Điểm tin Khoa học Công nghệ', publisher: ['Sở Khoa học và Công nghệ'] },
    issue: { number: '15/2026', week: { start: '2026-04-20', end: '2026-04-26' } },
    checks: { dateOrder: 'oldest-first' },
    parts: [{ kind: 'news', title: 'Tin trong nước', articles: articles.sort((a, b) => a.date.localeCompare(b.date)) }],
  };
  const doc = new Document(issue);
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

