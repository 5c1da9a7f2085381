/**
 * The news items of the real bulletins in ../shared/seeds (issues 15 and 20): title and body as
 * published, read from the extracted text. Each item starts with "DD/M: TITLE IN CAPITALS" (a
 * Markdown heading or not, sometimes with its "[Chi tiết: …]" on the same line) and runs until
 * the next item, part heading or promo box.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SeedItem {
  seed: string;
  title: string;
  body: string;
}

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');
export const SEED_FILES = ['so-15-2026-haiphong.txt', 'so-20-2026-haiphong.txt'];

const ITEM = /^(?:#+\s*)?\d{1,2}\/\d{1,2}:\s*(.+?)\s*(?:\[?Chi tiết:.*)?$/;
const SOURCE = /^\[?Chi tiết:|^Chi tiết:/;
/** A heading that is not an item (part titles, the TOC) or a box: the item above ends there. */
const END = /^#|^\*\*?(?:Ứng dụng|Smart|Quét)/;

export function seedItems(file: string): SeedItem[] {
  const lines = readFileSync(path.join(SEEDS_DIR, file), 'utf8').normalize('NFC').split('\n');
  const toc = lines.findIndex((l) => /^#+\s*TỔNG KẾT XU HƯỚNG|^#+\s*TÓNG KẾT XU HƯỚNG/.test(l) && !/MỤC LỤC/.test(l));
  const items: SeedItem[] = [];
  let current: { title: string; body: string[] } | undefined;
  const flush = () => {
    if (current && current.body.join('').length > 80) items.push({ seed: file, title: current.title, body: current.body.join('\n\n') });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const item = ITEM.exec(line);
    if (item && i > toc && item[1] === item[1]!.toUpperCase() && /\p{Lu}{3}/u.test(item[1]!)) {
      flush();
      current = { title: item[1]!, body: [] };
    } else if (END.test(line)) flush();
    else if (current && line && !SOURCE.test(line)) current.body.push(line);
  });
  flush();
  return items;
}
