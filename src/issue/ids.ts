import slugify from 'slugify';

/** A readable, stable id from a Vietnamese title: "Kinh tế số hướng tới 30% GDP" → "kinh-te-so-huong-toi-30-gdp". */
export function deriveId(title: string): string {
  // slugify spells symbols out ("%" → "percent"); a title's symbols carry no meaning in an id.
  const words = title.normalize('NFC').replace(/[^\p{L}\p{N}\s-]/gu, ' ');
  const id = slugify(words, { lower: true, strict: true, locale: 'vi', trim: true });
  // Long titles make long ids: keep whole words up to 80 characters.
  const cut = id.length <= 80 ? id : id.slice(0, 81).replace(/-[^-]*$/, '');
  return cut.replace(/-+$/, '') || 'muc';
}
