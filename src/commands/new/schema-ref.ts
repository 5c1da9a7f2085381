/**
 * The `$schema` a new issue file names for VS Code's YAML extension: a path that resolves from
 * the file's folder to an installed bantin, or, when bantin runs from npx's cache or a global
 * install (folders that come and go), the schema published with this version on unpkg.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot, version } from '../../paths.js';

const SCHEMA = path.join('schema', 'issue.schema.json');

export const publishedSchemaUrl = (v = version) => `https://unpkg.com/bantin@${v}/schema/issue.schema.json`;

export function schemaReference(outputDir: string, root = packageRoot): string {
  const relative = (file: string) => path.relative(outputDir, file).split(path.sep).join('/');
  // A project that installed bantin: node_modules/bantin above the file.
  for (let dir = outputDir; ; ) {
    const installed = path.join(dir, 'node_modules', 'bantin', SCHEMA);
    if (existsSync(installed)) return relative(installed);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // A clone of bantin itself (the examples): its own schema file.
  if (!root.split(path.sep).includes('node_modules')) return relative(path.join(root, SCHEMA));
  return publishedSchemaUrl();
}
