/**
 * The outlet's name for a drafted item, as the issue already writes it: one outlet under two
 * names ("VnExpress" and "Báo VnExpress") is what source-name-variant warns about. A name the
 * issue (then the previous issue) already gives to a page of the same site wins; then a name of
 * the same outlet by the alias table (lint/outlets.ts, the checks.outlets); then the
 * site's usual name (HOST_NAMES); then what the page says; then its host.
 */
import { siteHost } from '../../core/site-host.js';
import { outletGroups, outletKey } from '../../issue/lint/source-names.js';

export interface KnownSource {
  name: string;
  url?: string;
}

/** The names the bulletins use for sites whose pages name them poorly (og:site_name "VnExpress - Tin nhanh…"). */
const HOST_NAMES: Record<string, string> = {
  'vnexpress.net': 'VnExpress',
  'tuoitre.vn': 'Tuổi Trẻ',
  'thanhnien.vn': 'Thanh Niên',
  'dantri.com.vn': 'Dân trí',
  'vietnamnet.vn': 'Vietnamnet',
  'nhandan.vn': 'Nhân Dân',
  'baochinhphu.vn': 'Báo Chính phủ',
  'chinhphu.vn': 'Cổng TTĐT Chính phủ',
  'mst.gov.vn': 'Bộ KH&CN',
  'vietnamplus.vn': 'Vietnam+',
  'vov.vn': 'VOV',
  'vtv.vn': 'VTV',
  'sggp.org.vn': 'SGGP',
  'tienphong.vn': 'Tiền Phong',
  'nld.com.vn': 'Người Lao động',
  'plo.vn': 'PLO',
  'vneconomy.vn': 'VnEconomy',
  'baohaiphong.vn': 'Báo Hải Phòng',
  'haiphong.gov.vn': 'Cổng TTĐT TP Hải Phòng',
  'sokhcn.haiphong.gov.vn': 'Sở KH&CN Hải Phòng',
  'thp.org.vn': 'Đài PT&TH Hải Phòng',
  'vjst.vn': 'Tạp chí KHCN',
  'khoahocphattrien.vn': 'Khoa học và Phát triển',
};

const hostOf = (url: string | undefined): string | undefined => (url ? siteHost(url)?.toLowerCase() : undefined);

/** The site's usual name by its host or a parent domain of it (news.mst.gov.vn → Bộ KH&CN). */
function usualName(host: string): string | undefined {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (HOST_NAMES[h]) return HOST_NAMES[h];
  return undefined;
}

/** The most used of the names, the first met on a tie. */
function mostUsed(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > counts.get(best)!) best = name;
  return best;
}

export function outletName(options: { pageName?: string; url: string; known: ReadonlyArray<readonly KnownSource[]>; aliases?: readonly (readonly string[])[] }): string {
  const host = hostOf(options.url)!;
  const groups = outletGroups(options.aliases);
  const group = (name: string) => groups.get(outletKey(name)) ?? outletKey(name);
  const candidates = [options.pageName, usualName(host)].filter((n): n is string => !!n);
  // This names first, then the previous issue's; of two names for one site, the one the page's name is a spelling of.
  for (const sources of options.known) {
    const sameSite = sources.filter((s) => hostOf(s.url) === host).map((s) => s.name);
    const spelled = sameSite.filter((name) => candidates.some((c) => group(c) === group(name)));
    const chosen = mostUsed(spelled.length ? spelled : sameSite);
    if (chosen) return chosen;
  }
  for (const candidate of candidates) {
    for (const sources of options.known) {
      const same = mostUsed(sources.filter((s) => group(s.name) === group(candidate)).map((s) => s.name));
      if (same) return same;
    }
  }
  // A site's own long name ("VnExpress - Tin nhanh Việt Nam", "TUOI TRE ONLINE") gives way to its usual one.
  return usualName(host) ?? options.pageName ?? host;
}
