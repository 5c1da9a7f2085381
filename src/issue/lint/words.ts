/** Text folded for comparison: Vietnamese accents, đ and case ignored; words as editors see them. */

/** "Đổi MỚI" → "doi moi". */
export function foldText(text: string): string {
  // Vietnamese tone and vowel marks decompose into U+0300–U+036F; a plain character class is
  // several times faster than \p{M} on a whole issue's text. Other scripts' marks stay.
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/**
 * The folded syllables (words, numbers) of a text, Markdown marks and punctuation dropped.
 * Folded Vietnamese is plain a–z; letters of other scripts (rare in these bulletins) are left out.
 */
export function syllables(text: string): string[] {
  return foldText(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Letters of a text, and how many of them are capitals (digits and punctuation do not count). */
export function letterCase(text: string): { letters: number; upper: number; lowerWords: number } {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) upper++;
  }
  const lowerWords = (text.match(/\p{Ll}{2,}/gu) ?? []).length;
  return { letters, upper, lowerWords };
}
