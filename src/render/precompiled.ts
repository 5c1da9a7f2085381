/**
 * The built-in templates, compiled at `npm run build` (scripts/precompile-templates.js) and
 * found by the hash of their text: a template whose text is not among them (a theme's own)
 * is parsed, checked and compiled at run time as before. Running from sources without that
 * file (tests of the TypeScript alone) simply compiles everything.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../paths.js';

/** The options every theme template is compiled with, at build time and at run time alike. */
export const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

export const PRECOMPILED_FILE = path.join(packageRoot, 'dist', 'templates.precompiled.cjs');

export function templateHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

let table: Readonly<Record<string, TemplateSpecification>> | undefined;

/** The precompiled specification of a template with exactly this text, if it is a built-in one. */
export function precompiledSpec(text: string): TemplateSpecification | undefined {
  table ??= existsSync(PRECOMPILED_FILE) ? (createRequire(import.meta.url)(PRECOMPILED_FILE) as Record<string, TemplateSpecification>) : {};
  return Object.hasOwn(table, templateHash(text)) ? table[templateHash(text)] : undefined;
}
