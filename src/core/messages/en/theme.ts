/**
 * Messages of src/theme: finding and reading a theme (layers.ts, theme.ts), its logo and fonts
 * (assets.ts), and what it allows (apply.ts). The theme schema's messages (schema.ts) are still
 * to move: see tests/unit/cli-language.test.ts.
 */
export const theme = {
  'theme.link-outside': '"{spec}" is a link to {dir}, outside the issue\'s folder ({folder})',
  'theme.outside': '"{spec}" ({dir}) is outside the issue\'s folder ({folder})',
  'theme.extends-only': "a theme the issue names may extend only a built-in theme or a folder inside the issue's folder",
  'theme.name-only': 'an issue may name only a built-in theme or a theme folder inside its own folder',
  'theme.confined': 'the theme {where}: {rule}. To use it, name the theme on the command line: --theme {dir}',
  'theme.unknown': 'no built-in theme is called "{name}": expected one of {known}, or a folder such as ./theme',
  'theme.no-folder': 'the theme folder {dir} does not exist (make one with: bantin theme new {spec})',
  'theme.no-yaml': 'the theme folder {dir} has no theme.yaml (make one with: bantin theme new {spec})',
  'theme.cannot-read-yaml': 'cannot read {file}: {reason}; theme.yaml must be an ordinary file inside its theme folder',
  'theme.empty': 'theme.yaml is empty: expected at least name',
  'theme.circle': 'the themes extend each other in a circle: {chain}',
  'theme.folder-has-errors': 'the theme in {dir} has errors; no PDF was written',
  'theme.has-errors': 'the theme {name} has errors; no PDF was written',
  'theme.cannot-read-file': "cannot read the theme file {file}: {reason}; a theme's templates and stylesheets must be ordinary files inside its folder",
  'theme.too-many-highlights': 'the theme "{name}" shows at most {limit} cover highlights: remove {extra}',
  'theme.logo-type': 'the logo {file} is not an image the page can show: use a .png, .jpg, .webp, .gif or .svg file',
  'theme.logo-unusable': 'the logo {file} cannot be used: {reason} (looked for {path})',
  'theme.font-file-unusable': 'the font file {file} cannot be used: {reason} (looked for {path})',
  'theme.font-package-missing': 'the font package {name} is not installed: install it beside bantin (npm install {name}; add -g if bantin was installed with -g), or remove package to use a bundled family',
  'theme.font-package-unreadable': 'cannot read {file} of the font package {name}: {reason}',
  'theme.font-package-no-sheets': 'the font package {name} has none of the stylesheets bantin loads ({sheets}): choose a fontsource package with static weights',
  'theme.low-contrast-body': 'the text colour {text} ({textColor}) on {on} ({onColor}) has a contrast of {ratio}:1; body text needs at least {min}:1: make one of the two darker or the other lighter',
  'theme.low-contrast-label': 'the label colour {text} ({textColor}) on {on} ({onColor}) has a contrast of {ratio}:1; bold and large labels need at least {min}:1: make one of the two darker or the other lighter',
  'theme.labels-unreadable': "cannot read bantin's own label set {file}: {reason}; reinstall bantin",
} as const;
