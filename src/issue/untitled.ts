/**
 * Items without a title (digests): the first sentence of the body leads, set in bold, and a
 * shortened copy of it names the item in the table of contents, the outline and its id.
 */

/** A TOC line of A4 holds about 100 characters: a name longer than this is cut at a word. */
export const UNTITLED_NAME_CHARS = 90;

/** A sentence ends at . ! ? or … followed by a space and a capital (or by the paragraph's end). */
const SENTENCE = /^([\s\S]+?[.!?…][”"»)]?)(?=\s+[\p{Lu}“"(\d]|\s*$)/u;
/** Markdown marks inside the sentence: wrapping it in ** could pair with them, so it stays as written. */
const MARKUP = /[*_`[\]<>\\#]/;

export interface LeadSentence {
  /** The first sentence, as plain text. */
  sentence: string;
  /** The body with the first sentence in bold (unchanged when that could break its Markdown). */
  body: string;
}

export function leadSentence(body: string): LeadSentence {
  const trimmed = body.trimStart();
  const firstParagraph = trimmed.split(/\n\s*\n/)[0]!;
  const match = SENTENCE.exec(firstParagraph);
  const sentence = (match ? match[1]! : firstParagraph).replace(/\s+/g, ' ').trim();
  if (!match || MARKUP.test(match[1]!) || /^[-+>\d]/.test(trimmed)) return { sentence: plain(sentence), body };
  // A one-sentence item is not set all in bold: a lead needs something after it to lead.
  if (trimmed.slice(match[1]!.length).trim() === '') return { sentence, body };
  return { sentence, body: `**${match[1]!.trim()}**${trimmed.slice(match[1]!.length)}` };
}

/** "Tuyên Quang đẩy mạnh chuyển đổi số cấp xã…": at most `max` characters, cut at a word. */
export function shortName(sentence: string, max = UNTITLED_NAME_CHARS): string {
  const text = sentence.replace(/[.!?…]+$/, '');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

function plain(markdown: string): string {
  return markdown.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/^[-+>#\s]+/, '');
}
