/** The shipped label sets (templates/labels/<language>.yaml): every label, no more. */
import path from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../core/diagnostics.js';
import { MAX_THEME_TEXT_BYTES, ReadProblem, readInsideSync } from '../core/read-file.js';
import { templatesDir } from '../paths.js';
import { LABEL_KEYS, type Labels } from './label-keys.js';
import { t as say } from '../core/i18n.js';

export type Language = 'vi' | 'en';

const sets = new Map<Language, Labels>();

export function labelSet(language: Language): Labels {
  let set = sets.get(language);
  if (!set) {
    const dir = path.join(templatesDir, 'labels');
    const file = path.join(dir, `${language}.yaml`);
    let text: string;
    try {
      // Synchronous: labelSet() is; bantin's own few KB, read once per process (core/read-file.ts).
      text = readInsideSync(file, { root: dir, max: MAX_THEME_TEXT_BYTES }).toString('utf8');
    } catch (error) {
      if (error instanceof ReadProblem) throw new UserError(say('theme.labels-unreadable', { file, reason: error.message }));
      throw error;
    }
    const data = parse(text) as Record<string, unknown>;
    const missing = LABEL_KEYS.filter((key) => typeof data[key] !== 'string');
    // A shipped set is bantin's own file: a gap is a bug in bantin, not the user's.
    if (missing.length) throw new Error(say('theme.labels-missing', { file, keys: missing.join(', ') }));
    set = Object.fromEntries(LABEL_KEYS.map((key) => [key, (data[key] as string).normalize('NFC')])) as Labels;
    sets.set(language, set);
  }
  return set;
}
