/** What `bantin new` is asked for and what it answers. */

export interface NewOptions {
  /** The previous issue; default: the newest issue file in `dir`. */
  from?: string;
  /** Where to look for the newest issue and write the new one (default: the current folder). */
  dir?: string;
  /** Default: so-<n>-<year>.yaml (or .md) in `dir` (never beside `from`). */
  output?: string;
  /** Markdown or YAML; default: as `output`'s extension says, else as the previous issue is written, else YAML. */
  format?: 'yaml' | 'md';
  number?: string;
  weekStart?: string;
  title?: string;
  publisher?: string[];
  /** Asks one question in a terminal; absent: nothing is asked and missing values are an error. */
  ask?: (question: string) => Promise<string>;
  /** For tests: "today", which sets the default week. */
  today?: Date;
}

export interface NewResult {
  output: string;
  /** The issue this one continues, when there was one. */
  from?: string;
  number: string;
  week: { start: string; end: string; label: string };
  /** How many placeholders the editor has to replace. */
  placeholders: number;
  /** Things to do before the issue builds (an image left behind in the previous issue's folder). */
  notes: string[];
}
