/**
 * Local files an issue refers to (logo, images). Only files inside the issue's own folder
 * are allowed: no `..`, no absolute paths, no symlinks that lead out.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError, type Diagnostic, type PathSegment } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { inspectImage } from './image-check.js';
import type { Issue } from './model.js';
import { diagnosticAt, type IssueSource } from './source.js';
import { MAX_IMAGE_BYTES, ReadProblem, readRegular } from '../core/read-file.js';

export interface ImageAsset {
  /** The path as written in the YAML, relative to the issue folder. */
  src: string;
  /** Absolute real path. */
  file: string;
  width?: number;
  height?: number;
  type: string;
  /**
   * The bytes, read once when checked: the page gets exactly these, so a file swapped for a
   * link after the check cannot bring in anything else.
   */
  bytes?: Uint8Array;
}

export type AssetMap = Map<string, ImageAsset>;

interface ImageRef {
  src: string;
  path: PathSegment[];
}

function imageRefs(issue: Issue): ImageRef[] {
  const refs: ImageRef[] = [];
  if (issue.series.logo) refs.push({ src: issue.series.logo, path: ['series', 'logo'] });
  if (issue.cover.image) refs.push({ src: issue.cover.image.src, path: ['cover', 'image', 'src'] });
  for (const a of issue.articles) {
    if (a.image) refs.push({ src: a.image.src, path: [...a.path, 'image', 'src'] });
    a.blocks.forEach((b, i) => {
      if (b.type === 'quote' && b.image) refs.push({ src: b.image.src, path: [...a.path, 'blocks', i, 'image', 'src'] });
      if (b.type === 'speakers') b.items.forEach((s, k) => s.image && refs.push({ src: s.image.src, path: [...a.path, 'blocks', i, 'items', k, 'image', 'src'] }));
    });
  }
  return refs;
}

/** The issue folder, as a real path (symlinks resolved). */
export async function issueRoot(issueFile: string): Promise<string> {
  return realpath(path.dirname(path.resolve(issueFile)));
}

export async function resolveAssets(source: IssueSource, issue: Issue): Promise<{ assets: AssetMap; diagnostics: Diagnostic[] }> {
  const assets: AssetMap = new Map();
  const diagnostics: Diagnostic[] = [];
  const refs = imageRefs(issue);
  if (refs.length === 0) return { assets, diagnostics };
  let root: string;
  try {
    root = await issueRoot(source.file);
  } catch {
    throw new UserError(t('issue.image.folder-unreadable', { file: source.file }));
  }
  for (const ref of refs) {
    const problem = await checkImage(root, ref.src, assets);
    if (problem) {
      diagnostics.push(diagnosticAt(source, ref.path, problem, { code: 'image' }));
    }
  }
  return { assets, diagnostics };
}

async function checkImage(root: string, src: string, assets: AssetMap): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    return t('issue.image.url', { src });
  }
  if (path.isAbsolute(src)) return t('issue.image.absolute', { src });
  const wanted = path.resolve(root, src);
  if (!isInside(root, wanted)) return t('issue.image.outside', { src });
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return t('issue.image.not-found', { src, path: wanted });
  }
  if (!isInside(root, real)) return t('issue.image.link-outside', { src });
  try {
    const bytes = await readRegular(real, MAX_IMAGE_BYTES);
    // Decoded structure, not the header's word: see image-check.ts.
    const inspected = await inspectImage(src, bytes);
    if ('problem' in inspected) return inspected.problem;
    assets.set(src, { src, file: real, ...inspected.info, bytes });
  } catch (error) {
    if (error instanceof ReadProblem) return error.code === 'EISDIR' ? t('issue.image.folder', { src }) : t('issue.image.unreadable', { src, reason: error.message });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return t('issue.image.folder', { src });
    return t('issue.image.unreadable', { src, reason: code ?? (error as Error).message });
  }
  return undefined;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
