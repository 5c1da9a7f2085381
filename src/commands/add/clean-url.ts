/**
 * An article's address without what only tracks its readers: utm_* (campaigns), fbclid
 * (Facebook), gclid/dclid/gbraid/wbraid (Google Ads), msclkid (Bing), igshid (Instagram),
 * mc_cid/mc_eid (Mailchimp), zarsrc/gidzl (links shared on Zalo), _ga/_gl. Everything else —
 * the path, the parameters that choose the article, the #anchor — is kept as it was.
 */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|igshid|mc_cid|mc_eid|zarsrc|gidzl|_ga|_gl|_hsenc|_hsmi|mkt_tok|yclid|ocid)$/i;

export function withoutTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  if (kept.length === [...parsed.searchParams].length) return url;
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}
