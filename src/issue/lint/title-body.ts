/**
 * title-body-mismatch: a title whose content words barely appear in its body — in a long issue
 * built by copy and paste, bodies slip onto the neighbouring item (a title about digitising
 * heritage over a body about the AWS AI market). Words are compared folded (accents, case),
 * Vietnamese function words left out, and weighted by how rare they are among the issue's
 * bodies: "chuyển đổi số" in every story proves little. Tuned for precision: no warning on any
 * correctly matched item of the seed bulletins (tests/unit/title-body.test.ts measures it).
 */
import { blockTexts } from '../blocks.js';
import { t } from '../../core/i18n.js';
import type { Article } from '../model.js';
import { realArticles, where, type LintContext } from './context.js';
import { STOP_WORDS } from './stop-words.js';
import { syllables } from './words.js';

/** Below this share of the title's weight found in its body, the body is about something else. */
export const MISMATCH_BELOW = 0.15;
/** Two syllables in a row ("trí tuệ", "sở hữu") are one Vietnamese word: matching one says far more than a lone syllable. */
const PAIR_WEIGHT = 3;
/** A title with fewer content words than this says too little to judge ("Đưa khoa học vào thực tiễn" has 5). */
const MIN_TITLE_WORDS = 3;
/** Rarity means something only among enough bodies: a shorter issue is not judged. */
export const MIN_BODIES = 6;

/** The content words of a title: folded syllables and the pairs they form, function words out. */
export function titleTerms(title: string): string[] {
  const words = syllables(title);
  const terms = new Set<string>();
  words.forEach((w, i) => {
    if (!STOP_WORDS.has(w)) terms.add(w);
    const next = words[i + 1];
    if (next && !(STOP_WORDS.has(w) && STOP_WORDS.has(next))) terms.add(`${w} ${next}`);
  });
  return [...terms];
}

/**
 * The terms of a text that some title uses (`wanted`): only those are kept, so a long body
 * costs one pass over its syllables and no string for pairs no title has.
 */
export function textTerms(text: string, wanted?: ReadonlySet<string>): Set<string> {
  const words = syllables(text);
  const terms = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!wanted || wanted.has(word)) {
      terms.add(word);
      const next = words[i + 1];
      if (next !== undefined && (!wanted || wanted.has(next))) {
        const pair = `${word} ${next}`;
        if (!wanted || wanted.has(pair)) terms.add(pair);
      }
    }
  }
  return terms;
}

/** Every term of these titles, and every syllable of their pairs (textTerms' filter). */
export function wantedTerms(titles: readonly string[]): Set<string> {
  const wanted = new Set<string>();
  for (const title of titles) for (const term of titleTerms(title)) for (const part of [term, ...term.split(' ')]) wanted.add(part);
  return wanted;
}

export interface Corpus {
  /** How many bodies contain each term. */
  df: Map<string, number>;
  size: number;
}

export function corpusOf(bodies: readonly Set<string>[]): Corpus {
  const df = new Map<string, number>();
  for (const body of bodies) for (const term of body) df.set(term, (df.get(term) ?? 0) + 1);
  return { df, size: bodies.length };
}

/** Share (0–1) of the title's content, weighted by rarity, that the body contains; undefined when the title is too short to judge. */
export function titleCoverage(title: string, body: Set<string>, corpus: Corpus): number | undefined {
  const terms = titleTerms(title);
  if (terms.filter((t) => !t.includes(' ')).length < MIN_TITLE_WORDS) return undefined;
  let total = 0;
  let found = 0;
  for (const term of terms) {
    // A term no body has (a typo, a name) says nothing either way.
    const df = corpus.df.get(term) ?? 0;
    if (df === 0) continue;
    const weight = Math.log(1 + corpus.size / df) * (term.includes(' ') ? PAIR_WEIGHT : 1);
    total += weight;
    if (body.has(term)) found += weight;
  }
  return total === 0 ? undefined : found / total;
}

/** What an article's text is: lead, body, quotes, boxes and the words of its infographic blocks. */
export const articleText = (a: Article): string =>
  [
    a.lead ?? '',
    a.body,
    ...a.blocks.map((b) => (b.type === 'quote' ? b.text : b.type === 'box' ? `${b.title} ${b.body}` : blockTexts(b).map((piece) => piece.text).join('\n'))),
  ].join('\n');

export function titleBodyMismatch(ctx: LintContext): void {
  const articles = realArticles(ctx);
  if (articles.length < MIN_BODIES) return;
  const wanted = wantedTerms(articles.map((a) => a.title));
  const bodies = articles.map((a) => textTerms(articleText(a), wanted));
  const corpus = corpusOf(bodies);
  articles.forEach((article, i) => {
    const own = titleCoverage(article.title, bodies[i]!, corpus);
    if (own === undefined || own >= MISMATCH_BELOW) return;
    let best: { at: number; score: number } | undefined;
    bodies.forEach((body, j) => {
      const score = j === i ? undefined : titleCoverage(article.title, body, corpus);
      if (score !== undefined && score > (best?.score ?? own * 2)) best = { at: j, score };
    });
    const percent = Math.round(own * 100);
    const message = best ? t('lint.title-body-mismatch.elsewhere', { percent, at: where(ctx, articles[best.at]!) }) : t('lint.title-body-mismatch', { percent });
    ctx.warn([...article.path, 'title'], message, 'title-body-mismatch');
  });
}
