/** The shipped label sets (templates/labels/<language>.yaml): every label, no more. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { templatesDir } from '../paths.js';
import { LABEL_KEYS, type Labels } from './label-keys.js';

export type Language = 'vi' | 'en';

const sets = new Map<Language, Labels>();

export function labelSet(language: Language): Labels {
  let set = sets.get(language);
  if (!set) {
    const file = path.join(templatesDir, 'labels', `${language}.yaml`);
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const missing = LABEL_KEYS.filter((key) => typeof data[key] !== 'string');
    // A shipped set is bantin's own file: a gap is a bug in bantin, not the user's.
    if (missing.length) throw new Error(`${file} lacks the labels ${missing.join(', ')}`);
    set = Object.fromEntries(LABEL_KEYS.map((key) => [key, (data[key] as string).normalize('NFC')])) as Labels;
    sets.set(language, set);
  }
  return set;
}
