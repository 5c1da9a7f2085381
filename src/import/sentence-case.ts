/**
 * A title typed in capitals, given its sentence case back — only where that is safe. Every word
 * is lower-cased except: the first word and the first after ": ", "? ", an opening quote; the
 * names and acronyms of a list (built in, plus the words an earlier issue spells with
 * capitals); words with digits (E10, 57-NQ/TW); words without a vowel (KH-CN, TTXVN); and the
 * one or two words after a place word (phường Gia Viên, tỉnh Quảng Tây). A word that is no
 * Vietnamese syllable and is not in the list (a foreign name, an acronym bantin does not know)
 * makes the title unsafe: it stays as typed, and the import says so.
 */
import { foldText } from '../issue/lint/words.js';
import { KNOWN_NAMES, PLACE_WORDS } from './names.js';

export interface Cased {
  text: string;
  /** False: a word bantin cannot case; `text` is the title as typed. */
  safe: boolean;
  /** The words that made it unsafe. */
  unknown: string[];
}

/** A Vietnamese syllable: onset, vowels, coda (tones and vowel marks removed). */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:[aeiouy]{1,3})(?:ng|nh|ch|[cmnpt]|[iyou])?$/;
const isSyllable = (word: string) => SYLLABLE.test(foldText(word));
const VOWEL = /[aeiouy]/;

/** The list as lookup: each name by its folded words, longest first. */
export interface NameList {
  phrases: string[][];
  spelled: Map<string, string>;
}

export function nameList(extra: readonly string[] = []): NameList {
  const spelled = new Map<string, string>();
  const phrases: string[][] = [];
  for (const name of [...KNOWN_NAMES, ...extra]) {
    const words = name.normalize('NFC').split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    phrases.push(words);
    if (words.length === 1) spelled.set(words[0]!.toLocaleLowerCase('vi'), words[0]!);
  }
  phrases.sort((a, b) => b.length - a.length);
  return { phrases, spelled };
}

const DEFAULT = nameList();

/** The sentence case of `title` (typed in capitals), or the title as typed when unsafe. */
export function sentenceCase(title: string, names: NameList = DEFAULT): Cased {
  const tokens = title.normalize('NFC').split(/(\s+)/);
  const words = tokens.map((tok, i) => (i % 2 === 0 ? tok : ''));
  const lower = words.map((w) => w.toLocaleLowerCase('vi'));
  const out = [...tokens];
  const fixed = new Set<number>();
  // Names of the list, longest first, matched on whole words (punctuation around them kept).
  const bare = lower.map((w) => w.replace(/^[“"‘'(«]+|[”"’'),.:;!?»]+$/g, ''));
  for (const phrase of names.phrases) {
    const want = phrase.map((w) => w.toLocaleLowerCase('vi'));
    for (let i = 0; i + (want.length - 1) * 2 < tokens.length; i += 2) {
      if (want.every((w, k) => bare[i + k * 2] === w && !fixed.has(i + k * 2))) {
        want.forEach((_, k) => {
          const at = i + k * 2;
          out[at] = words[at]!.toLocaleLowerCase('vi').replace(bare[at]!, phrase[k]!);
          fixed.add(at);
        });
      }
    }
  }
  const unknown: string[] = [];
  let capitalNext = true;
  let placeWords = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const word = words[i]!;
    if (!word) continue;
    const core = bare[i]!;
    // A long quotation is a name (a contest, a campaign: “Người Việt Nam ưu tiên dùng hàng Việt
    // Nam”) and starts with a capital; a short one is a phrase (“nằm trong ngăn kéo”).
    const startsQuote = /^[“"‘'«]/.test(word) && quotedWords(words, i) >= 6;
    const capital = capitalNext || startsQuote;
    capitalNext = /[:?!.]$/.test(word);
    if (fixed.has(i)) {
      if (capital) out[i] = upperFirst(out[i]!);
      placeWords = 0;
      continue;
    }
    const letters = core.replace(/[^\p{L}]/gu, '');
    if (/\d/.test(core) || (letters && !VOWEL.test(foldText(letters))) || core.includes('/')) {
      out[i] = word; // E10, 57-NQ/TW, KH-CN, TTXVN: as typed
      placeWords = 0;
      continue;
    }
    const parts = core.split('-').filter(Boolean);
    if (letters && parts.some((p) => !isSyllable(p.replace(/[^\p{L}]/gu, '')) && VOWEL.test(foldText(p)))) {
      if (names.spelled.has(core)) out[i] = word.toLocaleLowerCase('vi').replace(core, names.spelled.get(core)!);
      else unknown.push(word.replace(/^[“"‘'(«]+|[”"’'),.:;!?»]+$/g, ''));
      continue;
    }
    let cased = word.toLocaleLowerCase('vi');
    if (capital || placeWords > 0) cased = upperFirst(cased);
    out[i] = cased;
    placeWords = PLACE_WORDS.has(core) ? 2 : placeWords > 0 && !/[,.:;]$/.test(word) ? placeWords - 1 : 0;
  }
  if (unknown.length) return { text: title, safe: false, unknown };
  return { text: out.join(''), safe: true, unknown };
}

/** How many words the quotation opening at words[i] holds (to its closing mark, or the end). */
function quotedWords(words: readonly string[], i: number): number {
  let n = 0;
  for (let k = i; k < words.length; k += 2) {
    if (!words[k]) continue;
    n++;
    if (/[”"’'»][,.:;!?]*$/.test(words[k]!) && (k > i || words[k]!.length > 1)) break;
  }
  return n;
}

/** The first letter (after an opening quote or bracket) in capitals. */
function upperFirst(word: string): string {
  return word.replace(/\p{L}/u, (c) => c.toLocaleUpperCase('vi'));
}

/**
 * The words an issue spells with a capital inside its titles ("Hải Phòng", "EU", "Smart"):
 * names the next import of the same series can trust.
 */
export function namesIn(titles: readonly string[]): string[] {
  const found = new Set<string>();
  for (const title of titles) {
    const words = title.normalize('NFC').split(/\s+/);
    let run: string[] = [];
    const flush = () => {
      if (run.length) found.add(run.join(' '));
      run = [];
    };
    words.forEach((raw, i) => {
      const word = raw.replace(/^[“"‘'(«]+|[”"’'),.:;!?»]+$/g, '');
      const afterStop = i === 0 || /[:?!.]$/.test(words[i - 1]!) || /^[“"‘'(«]/.test(raw);
      if (!afterStop && /^\p{Lu}/u.test(word) && !/\d/.test(word)) {
        run.push(word);
        if (/[,.:;!?”"’)]$/.test(raw)) flush();
      } else flush();
    });
    flush();
  }
  return [...found];
}
