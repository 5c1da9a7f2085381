/** A web address's site, as the bulletins name it: its host without "www." ("vnexpress.net"); undefined when the text is no address. */
export function siteHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
