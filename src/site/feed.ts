/**
 * The site's Atom feed (RFC 4287): one entry per issue, newest first, each with an id that never
 * changes (a name-based UUID of the series and the issue's folder), the period's last day as
 * `updated`, the publisher as author, and relative links to the web edition and the PDF (a feed
 * reader resolves them against the feed's own address).
 */
import { createHash } from 'node:crypto';
import type { SiteIssue } from './record.js';

/** A name-based UUID (version 5 layout over SHA-1): the same name gives the same id on every run. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`bantin:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Text for XML: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An href: each path segment percent-encoded, then escaped for XML. */
export const href = (...segments: string[]): string => xmlText(segments.map(encodeURIComponent).join('/'));

const stamp = (iso: string) => `${iso}T00:00:00Z`;

function authors(publisher: readonly string[], indent: string): string {
  return publisher.map((name) => `${indent}<author><name>${xmlText(name)}</name></author>`).join('\n');
}

/** The feed of `issues`, sorted newest first already. */
export function atomFeed(issues: readonly SiteIssue[]): string {
  const newest = issues[0];
  const series = newest?.series ?? 'bantin';
  const updated = issues.reduce((latest, i) => (i.end > latest ? i.end : latest), '1970-01-01');
  const entries = issues.map((issue) =>
    [
      '  <entry>',
      `    <id>${nameUuid(`${issue.series}/${issue.slug}`)}</id>`,
      `    <title>${xmlText(`${issue.title} · ${issue.period}`)}</title>`,
      `    <updated>${stamp(issue.end)}</updated>`,
      `    <published>${stamp(issue.end)}</published>`,
      authors(issue.publisher, '    '),
      `    <link rel="alternate" type="text/html" href="${href(issue.slug, issue.files.web)}"/>`,
      `    <link rel="enclosure" type="application/pdf" href="${href(issue.slug, issue.files.pdf)}"/>`,
      `    <summary>${xmlText(issue.description)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(newest?.language ?? 'vi')}">`,
    `  <id>${nameUuid(series)}</id>`,
    `  <title>${xmlText(series)}</title>`,
    `  <updated>${stamp(updated)}</updated>`,
    authors(newest?.publisher ?? [series], '  '),
    '  <link rel="alternate" type="text/html" href="index.html"/>',
    '  <link rel="self" type="application/atom+xml" href="feed.xml"/>',
    '  <generator>bantin</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
