/**
 * The interface's language: every word bantin says to a user comes from a message catalogue
 * (core/messages/en.ts, vi.ts) through t(). The language is chosen once, at the command line's
 * start (--lang, then BANTIN_LANG, then the locale), before anything is said; a library caller
 * gets English unless it calls setLanguage(). Diagnostic codes stay English identifiers.
 */
import { en, type MessageKey } from './messages/en.js';
import { vi } from './messages/vi.js';

export type { MessageKey } from './messages/en.js';
export type UiLanguage = 'vi' | 'en';

const CATALOGUES: Record<UiLanguage, Record<MessageKey, string>> = { en, vi };

let current: UiLanguage = 'en';

/**
 * --lang, then BANTIN_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG, the first one set):
 * Vietnamese when it starts with "vi", else English.
 */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  const named = (value: string | undefined) => (value ? (value.toLowerCase().startsWith('vi') ? 'vi' : 'en') : undefined);
  if (flag) return named(flag)!;
  if (env.BANTIN_LANG) return named(env.BANTIN_LANG)!;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return named(locale) ?? 'en';
}

export function setLanguage(language: UiLanguage): void {
  current = language;
}

export function language(): UiLanguage {
  return current;
}

/** The message in the interface's language, with {name} placeholders filled in. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = CATALOGUES[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A count with its noun in the interface's language ("3 errors", "3 lỗi"). */
export function plural(n: number, one: MessageKey, many: MessageKey): string {
  return t(n === 1 ? one : many, { n });
}
