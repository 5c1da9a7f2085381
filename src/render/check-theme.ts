/**
 * A theme's templates, ready to compile and checked: the built-in ones come precompiled
 * (checked when the package was built, see precompiled.ts), a theme's own are parsed and their
 * partial and label names checked. Used by the renderer and by `bantin check`.
 */
import { readThemeFile, type Theme } from '../theme/theme.js';
import { precompiledSpec } from './precompiled.js';
import { checkTemplates, parseTemplate, type ParsedTemplate } from './template-check.js';

export type ThemeTemplate = { spec: TemplateSpecification } | ParsedTemplate;

/** The theme's issue.hbs then its partials (in theme.partials' order). Throws a UserError naming the template file and line of every problem. */
export function themeTemplates(theme: Theme): ThemeTemplate[] {
  const files = [theme.template, ...theme.partials.values()];
  const found = files.map((file): ThemeTemplate => {
    const text = readThemeFile(file);
    const spec = precompiledSpec(text);
    return spec ? { spec } : parseTemplate(file, text);
  });
  checkTemplates(
    found.filter((t): t is ParsedTemplate => 'ast' in t),
    new Set(theme.partials.keys()),
  );
  return found;
}

/** For `bantin check`: the same checks, nothing compiled. */
export function checkTheme(theme: Theme): void {
  themeTemplates(theme);
}
