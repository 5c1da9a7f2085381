/** A theme's templates parsed and checked without rendering (for `bantin check`). */
import { readThemeFile, type Theme } from '../theme/theme.js';
import { checkTemplates, parseTemplate } from './template-check.js';

/** Throws a UserError naming the template file and line of every problem. */
export function checkTheme(theme: Theme): void {
  const files = [theme.template, ...theme.partials.values()];
  checkTemplates(files.map((file) => parseTemplate(file, readThemeFile(file))), new Set(theme.partials.keys()));
}
