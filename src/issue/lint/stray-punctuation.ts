/** stray-punctuation: a paragraph that starts with ".", ",", ";" or ":", left over from copy and paste. */
import { t } from '../../core/i18n.js';
import type { LintContext } from './context.js';
import { fieldPieces } from './markdown-pieces.js';

/** After an optional list marker; "..." and "…" (an ellipsis opening a quote) are not stray. */
const STRAY = /^(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__|[*_])?\s*([,;:]|\.(?!\.))/;

export function strayPunctuation(ctx: LintContext): void {
  for (const { path, pieces, offsets } of fieldPieces(ctx)) {
    pieces.forEach((piece, i) => {
      const stray = STRAY.exec(piece.first);
      if (!stray || piece.heading) return;
      const offset = offsets[i]! + piece.first.indexOf(stray[1]!);
      ctx.warn(path, t('lint.stray-punctuation', { mark: stray[1]! }), 'stray-punctuation', offset);
    });
  }
}
