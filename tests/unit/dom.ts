/** HTML → DOM for structure checks (linkedom: small, no browser). Kept apart so only render tests load it. */
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
