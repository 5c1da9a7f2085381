/**
 * A theme's templates, ready to compile and checked: the built-in ones come precompiled
 * (checked when the package was built, see precompiled.ts), a theme's own are parsed and their
 * partial and label names checked. Used by the renderer and by `bantin check`.
 */
import Handlebars from 'handlebars';
import { readThemeFile, type Theme } from '../theme/theme.js';
import { precompiledSpec } from './precompiled.js';
import { checkTemplates, parseTemplate, type ParsedTemplate } from './template-check.js';

export type ThemeTemplate = { spec: TemplateSpecification } | ParsedTemplate;

/** The theme's issue.hbs then its partials (in theme.partials' order). Throws a UserError naming the template file and line of every problem. */
export function themeTemplates(theme: Theme): ThemeTemplate[] {
  const files = [theme.template, ...theme.partials.values()];
  const texts = files.map((file) => readThemeFile(file));
  const found = files.map((file, i): ThemeTemplate => {
    const spec = precompiledSpec(texts[i]!);
    return spec ? { spec } : parseTemplate(file, texts[i]!);
  });
  const parsed = found.filter((t): t is ParsedTemplate => 'ast' in t);
  // The built-in partials a theme's own ones may call: parsed only to follow their calls.
  const others = new Map<string, hbs.AST.Program>();
  if (parsed.length > 0) found.forEach((t, i) => 'spec' in t && i > 0 && others.set(files[i]!.name, Handlebars.parse(texts[i]!)));
  checkTemplates({ templates: parsed, partials: new Set(theme.partials.keys()), main: theme.template, others, own: (file) => !theme.layers[file.layer]?.builtin });
  return found;
}

/** For `bantin check`: the same checks, nothing compiled. */
export function checkTheme(theme: Theme): void {
  themeTemplates(theme);
}
