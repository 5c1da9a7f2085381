/**
 * An issue's folder in a site: its file name, lower case, without diacritics, with one hyphen
 * for each run of anything else (`Số 20 (2026).yaml` → `so-20-2026`). Stable: the same file
 * keeps its folder, so links to it stay good as the archive grows.
 */
import path from 'node:path';

export function slugFor(file: string): string {
  const slug = path
    .parse(file)
    .name.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'issue';
}
