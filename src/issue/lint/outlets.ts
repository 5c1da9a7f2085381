/**
 * Spellings of the same outlet that editors mix in one issue. One group per outlet; the first
 * name is the one the message suggests. Case, accents, spacing and punctuation ("KH&CN",
 * "KH-CN", "KH CN") are already ignored, and so are a leading "Báo" / "Báo điện tử" and a
 * trailing "Online": list only what differs beyond that.
 *
 * A theme extends the table with `LintOptions.outletAliases` (context.ts), an issue with
 * `checks.outlets` in its YAML; both are added to these groups, names shared between groups
 * merge them.
 */
export const OUTLET_ALIASES: readonly (readonly string[])[] = [
  ['Bộ KH&CN', 'Bộ KHCN', 'Bộ Khoa học và Công nghệ', 'Bộ Khoa học Công nghệ'],
  ['Bộ TT&TT', 'Bộ TTTT', 'Bộ Thông tin và Truyền thông'],
  ['Sở KH&CN Hải Phòng', 'Sở KHCN Hải Phòng', 'Sở Khoa học và Công nghệ Hải Phòng', 'Sở Khoa học và Công nghệ thành phố Hải Phòng'],
  ['Đài PT&TH Hải Phòng', 'PTTH Hải Phòng', 'PT&TH Hải Phòng', 'Đài Phát thanh và Truyền hình Hải Phòng', 'Truyền hình Hải Phòng', 'THP'],
  ['Cổng TTĐT TP Hải Phòng', 'Cổng TTĐT Hải Phòng', 'Cổng thông tin điện tử thành phố Hải Phòng', 'Cổng thông tin điện tử Hải Phòng'],
  ['Cổng TTĐT Chính phủ', 'Cổng thông tin điện tử Chính phủ'],
  ['Báo Chính phủ', 'Báo CP', 'Báo điện tử Chính phủ', 'Chinhphu.vn'],
  ['TTXVN', 'Thông tấn xã Việt Nam', 'TTX Việt Nam'],
  ['VOV', 'Đài Tiếng nói Việt Nam', 'VOV.VN'],
  ['VTV', 'Đài Truyền hình Việt Nam'],
  ['Tạp chí KHCN', 'Tạp chí KH&CN', 'Tạp chí Khoa học và Công nghệ Việt Nam', 'Tạp chí KH&CN Việt Nam', 'VJST'],
  ['TTO', 'Tuổi Trẻ', 'Tuổi Trẻ Online'],
  ['TPO', 'Tiền Phong'],
  ['CAND', 'Công an nhân dân'],
  ['QĐND', 'Quân đội nhân dân'],
  ['NLĐ', 'Người Lao động'],
  ['PLO', 'Pháp luật TP.HCM', 'Pháp luật Thành phố Hồ Chí Minh'],
  ['SGGP', 'Sài Gòn Giải phóng'],
  ['Vietnamnet', 'VietNamNet', 'VNN'],
  ['VnEconomy', 'Tạp chí Kinh tế Việt Nam'],
  ['Vietnam+', 'VietnamPlus', 'Vietnam Plus'],
  ['VCCI', 'Phòng Thương mại và Công nghiệp Việt Nam'],
  ['Tạp chí DNKTX', 'Tạp chí Doanh nghiệp và Kinh tế xanh', 'Doanh nghiệp và Kinh tế xanh'],
  ['Diễn đàn doanh nghiệp', 'DĐDN'],
];
