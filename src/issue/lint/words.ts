/** Text folded for comparison: Vietnamese accents, đ and case ignored; words as editors see them. */

/** "Đổi MỚI" → "doi moi". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The folded syllables (words, numbers) of a text, Markdown marks and punctuation dropped. */
export function syllables(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];
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
