/**
 * The links a finished PDF may carry: to the web (http, https), to a mail address (mailto) and
 * within the document. Whatever a theme lets into the page (a template that prints an issue's
 * field with `{{{ }}}` turns its `<a href="javascript:…">` or `file:///…` into markup, and
 * Chromium into a link annotation), every other link annotation is removed here (a relative
 * link too: it points at the page's virtual origin, https://bantin.invalid), its place in
 * the structure tree with it, and named so that the build can say so.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { ORIGIN } from '../render/urls.js';
import { t } from '../core/i18n.js';

const N = (name: string) => PDFName.of(name);
const KEPT_SCHEMES = /^(https?|mailto):/i;

/** Why a link annotation goes (what it points at, as a reader would be shown it), or undefined when it stays. */
export function foreignTarget(annot: PDFDict): string | undefined {
  if (annot.has(N('AA'))) return t('pdf.link.viewer-action');
  const action = annot.lookupMaybe(N('A'), PDFDict);
  if (!action) return annot.has(N('Dest')) ? undefined : t('pdf.link.nothing');
  if (action.has(N('Next'))) return t('pdf.link.chain');
  const kind = action.lookupMaybe(N('S'), PDFName)?.decodeText();
  if (kind === 'GoTo' && action.has(N('D'))) return undefined;
  if (kind !== 'URI') return kind ? t('pdf.link.action', { kind }) : t('pdf.link.nameless-action');
  const uri = text(action.lookup(N('URI')));
  if (uri !== undefined && KEPT_SCHEMES.test(uri) && !onPageOrigin(uri)) return undefined;
  return uri ?? t('pdf.link.no-address');
}

/** A relative link in the page resolves against its virtual origin, which no reader can open. */
function onPageOrigin(uri: string): boolean {
  try {
    return new URL(uri).host === PAGE_HOST;
  } catch {
    return false;
  }
}

const PAGE_HOST = new URL(ORIGIN).host;

/** Removes every link whose target is not http(s), mailto or inside the document; returns their targets, in page order. */
export function dropForeignLinks(doc: PDFDocument): string[] {
  const dropped: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    if (!annots) continue;
    const gone: Array<{ at: number; target: string }> = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.lookupMaybe(N('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      const target = foreignTarget(annot);
      if (target !== undefined) gone.push({ at: i, target });
    }
    for (const { at } of [...gone].reverse()) {
      const ref = annots.get(at);
      const annot = annots.lookup(at, PDFDict);
      annots.remove(at);
      if (ref instanceof PDFRef) {
        untag(doc, annot, ref);
        doc.context.delete(ref);
      }
    }
    dropped.push(...gone.map((g) => g.target));
    if (annots.size() === 0) page.node.delete(N('Annots'));
  }
  return dropped;
}

/**
 * The annotation's place in the structure tree goes with it: its object reference leaves the
 * Link element that held it (which, left with only text, becomes a Span) and the parent tree.
 */
function untag(doc: PDFDocument, annot: PDFDict, ref: PDFRef): void {
  const key = annot.lookupMaybe(N('StructParent'), PDFNumber)?.asNumber();
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(N('ParentTree'), PDFDict);
  if (key === undefined || !tree) return;
  const leaf = numberTreeLeaf(tree, key);
  if (!leaf) return;
  const nums = leaf.lookup(N('Nums'), PDFArray);
  let element: PDFDict | undefined;
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    if (nums.lookupMaybe(i, PDFNumber)?.asNumber() !== key) continue;
    element = nums.lookupMaybe(i + 1, PDFDict);
    nums.remove(i + 1);
    nums.remove(i);
    break;
  }
  if (!element) return;
  const isObjr = (o: PDFObject | undefined) => o instanceof PDFDict && o.get(N('Type')) === N('OBJR') && o.get(N('Obj')) === ref;
  const kids = element.get(N('K'));
  const list = kids instanceof PDFRef ? doc.context.lookup(kids) : kids;
  if (list instanceof PDFArray) {
    for (let i = list.size() - 1; i >= 0; i--) if (isObjr(list.lookup(i))) list.remove(i);
  } else if (isObjr(list)) element.delete(N('K'));
  const left = element.lookup(N('K'));
  const holdsLink = (o: PDFObject | undefined) => o instanceof PDFDict && o.get(N('Type')) === N('OBJR');
  const stillLinks = left instanceof PDFArray ? left.asArray().some((_, i) => holdsLink(left.lookup(i))) : holdsLink(left);
  if (!stillLinks && element.get(N('S')) === N('Link')) element.set(N('S'), N('Span'));
}

/** The leaf of a number tree whose range holds `key`. */
function numberTreeLeaf(node: PDFDict, key: number, depth = 0): PDFDict | undefined {
  if (node.has(N('Nums'))) return node;
  const kids = node.lookupMaybe(N('Kids'), PDFArray);
  if (!kids || depth > 32) return undefined;
  for (let i = 0; i < kids.size(); i++) {
    const kid = kids.lookupMaybe(i, PDFDict);
    const limits = kid?.lookupMaybe(N('Limits'), PDFArray);
    const [low, high] = [0, 1].map((j) => limits?.lookupMaybe(j, PDFNumber)?.asNumber());
    if (kid && (low === undefined || high === undefined || (low <= key && key <= high))) {
      const found = numberTreeLeaf(kid, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function text(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
}
