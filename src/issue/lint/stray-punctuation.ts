/** stray-punctuation: a paragraph that starts with ".", ",", ";" or ":", left over from copy and paste. */
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
      ctx.warn(path, `this paragraph starts with "${stray[1]}", left over from copy and paste: delete it`, 'stray-punctuation', offset);
    });
  }
}
