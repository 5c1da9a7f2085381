/**
 * Words bantin passes on from a library: yaml's syntax errors, zod's messages for problems the
 * schema has no words of its own for. In English they stay the library's own, as bantin has
 * always printed them (tests hold them byte for byte); in another language the catalogue's.
 */
import { language, t, type MessageKey } from '../core/i18n.js';

export function libraryWords(english: string, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return language() === 'en' ? english : t(key, params);
}
