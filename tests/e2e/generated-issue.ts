/**
 * Long generated issues: so-20 (or so-15) with its news parts repeated, every copy a distinct story.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './pdf-tools.js';

interface Doc {
  cover?: unknown;
  parts: Array<{ kind: string; articles?: Array<Record<string, unknown>> }>;
}

/** An example (so-20 unless named) with its news parts repeated `copies` times, every copy a distinct story. */
export function longIssue(copies: number, example = 'so-20-2026'): string {
  const doc = parse(readFileSync(path.join(repoRoot, `examples/${example}.yaml`), 'utf8')) as Doc;
  delete doc.cover;
  for (const part of doc.parts) {
    if (part.kind !== 'news' || !part.articles) continue;
    const original = part.articles;
    part.articles = [];
    for (let copy = 1; copy <= copies; copy++) {
      for (const a of original) {
        const source = a.source as { name: string; url?: string } | undefined;
        const copied = source?.url ? { ...source, url: `${source.url}?ky=${copy}` } : source;
        part.articles.push({ ...a, id: undefined, title: `${String(a.title)} (kỳ ${copy})`, source: copied });
      }
    }
    part.articles = part.articles.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));
  }
  return stringify(doc);
}

/** Issue 20/2026 with its news parts grown to `count` distinct items in all (titles and source URLs numbered). */
export function manyArticles(count: number): string {
  const doc = parse(readFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), 'utf8')) as Doc;
  delete doc.cover;
  const news = doc.parts.filter((p) => p.kind === 'news');
  const pool = news.flatMap((p) => p.articles ?? []);
  news.forEach((part) => (part.articles = []));
  for (let n = 1; n <= count; n++) {
    const { id: _id, ...a } = pool[(n - 1) % pool.length]!;
    const source = a.source as { name: string; url: string };
    news[(n - 1) % news.length]!.articles!.push({ ...a, title: `${String(a.title)} (bài ${n})`, source: { ...source, url: `${source.url}?bai=${n}` } });
  }
  // Every copy written out: yaml would otherwise share repeated blocks through more than 100 aliases.
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}
