/**
 * Issues made from the examples for a test: the global setup prints them (prints-plan.ts) and
 * the tests read them back, or make more of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const exampleFile = (name: string) => path.join(repoRoot, 'examples', `${name}.yaml`);

/** Real networks of a Hải Phòng department, longest addresses first so the widest cells are kept. */
export const SOCIAL = [
  { label: 'LinkedIn', url: 'https://www.linkedin.com/company/sokhcnhaiphong' },
  { label: 'Facebook', url: 'https://www.facebook.com/TinKHCNHaiphong' },
  { label: 'YouTube', url: 'https://www.youtube.com/@TinKHCNHaiphong' },
  { label: 'TikTok', url: 'https://www.tiktok.com/@tinkhcnhaiphong' },
  { label: 'Zalo', url: 'https://zalo.me/sokhcnhaiphong' },
  { label: 'Instagram', url: 'https://www.instagram.com/tinkhcnhaiphong' },
];

/** so-20 on `size` paper with `links` cover links: its website and `links - 1` social pages (links-N-SIZE.yaml in `dir`). */
export function issueWithLinks(dir: string, links: number, size: 'A4' | 'A5'): string {
  const doc = parse(readFileSync(exampleFile('so-20-2026'), 'utf8')) as { series: { social?: unknown }; page?: unknown };
  doc.series.social = SOCIAL.slice(0, links - 1);
  doc.page = { size };
  const file = path.join(dir, `links-${links}-${size}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

/** so-20 with `title` as the title of its first story and inside a heading of its body (NAME.yaml in `dir`). */
export function issueWithTitle(dir: string, name: string, title: string): string {
  const file = path.join(dir, `${name}.yaml`);
  const example = readFileSync(exampleFile('so-20-2026'), 'utf8');
  writeFileSync(file, example.replace('title: Kinh tế số hướng tới 30% GDP', `title: "${title}"`).replace('Chiến lược đầu tư nghiên cứu cơ bản', `Chiến lược ${title} đầu tư`));
  return file;
}

/** The titles fonts.test.ts prints: symbols every bundled font set has, and characters none has. */
export const FONT_TITLES = { symbols: 'Kinh tế số ≥ 30% → 2030 ✓ 🚀', cjk: 'Kinh tế số 数字经济' };

/** An HCM City issue whose first part fits on one page and whose second runs over several (one-page.yaml in `dir`). */
export function onePagePartIssue(dir: string): string {
  const input = path.join(dir, 'one-page.yaml');
  const item = (n: number) => `      - date: 2025-10-14\n        title: Tin số ${n} về chuyển đổi số\n        source: {name: SGGP}\n        body: Nền tảng quản lý Chính quyền số giai đoạn 1 có nhiều chức năng hỗ trợ công việc.\n`;
  const long = (n: number) => item(n).replace('công việc.\n', `công việc. ${'Góp phần thay đổi phương thức làm việc, chuẩn hóa quy trình, giảm giấy tờ. '.repeat(30)}\n`);
  writeFileSync(
    input,
    `series:\n  title: Bản tin Khoa học và Công nghệ\n  publisher: [Sở Khoa học và Công nghệ TP.HCM]\nissue:\n  number: 10/2025\n  period: {month: 2025-10}\n` +
      `cover:\n  highlights: [ngan, dai]\nparts:\n  - kind: news\n    id: ngan\n    title: Tin ngắn\n    articles:\n${item(1)}  - kind: news\n    id: dai\n    title: Tin dài\n    articles:\n${[2, 3, 4, 5, 6].map(long).join('')}`,
  );
  return input;
}

/** An example that names the default theme in series.theme (NAME-themed.yaml in `dir`). */
export function namingHaiphong(dir: string, name: string): string {
  return namingTheme(dir, name, 'haiphong', `${name}-themed.yaml`);
}

/** An example that names `theme` in series.theme, written to `file` in `dir`. */
export function namingTheme(dir: string, name: string, theme: string, file = `${name}-${theme}.yaml`): string {
  const out = path.join(dir, file);
  writeFileSync(out, readFileSync(exampleFile(name), 'utf8').replace(/^series:\n/m, `series:\n  theme: ${theme}\n`));
  return out;
}
