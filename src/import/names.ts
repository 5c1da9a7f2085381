/**
 * Names and acronyms a title keeps in capitals when the import gives it its sentence case back:
 * the places, bodies and names the Vietnamese S&T bulletins print most (taken from the seeds'
 * titles), and the acronyms that read like Vietnamese words ("AI", "EU"). An earlier issue of
 * the series adds its own (`bantin import --from`), and `--names FILE` any others, one a line.
 */
export const KNOWN_NAMES: readonly string[] = [
  // Places
  'Việt Nam', 'Hải Phòng', 'Hà Nội', 'TP Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'Hồ Chí Minh', 'Đà Nẵng', 'Cần Thơ', 'Quảng Ninh',
  'Hà Tĩnh', 'Lạch Huyện', 'Gia Viên', 'Ngô Quyền', 'Phù Liễn', 'Tân Hưng', 'Nghi Dương', 'Đồ Sơn', 'Cát Hải', 'Thủy Nguyên',
  'Việt', 'Quảng Tây', 'Trung Quốc', 'Hàn Quốc', 'Nhật Bản', 'Hoa Kỳ', 'Nga', 'Ấn Độ', 'Thái Lan', 'Lào',
  'Campuchia', 'Hà Lan', 'Australia', 'Singapore', 'Estonia', 'Cuba', 'Israel', 'Malaysia', 'Indonesia', 'Philippines',
  'Liên minh châu Âu', 'châu Âu', 'châu Á', 'Đông Nam Á', 'ASEAN',
  // Bodies and titles
  'Chính phủ', 'Quốc hội', 'Thủ tướng', 'Phó Thủ tướng', 'Tổng Bí thư', 'Chủ tịch nước', 'Bộ Chính trị', 'Trung ương',
  'Bộ Khoa học và Công nghệ', 'Khoa học và Công nghệ', 'Bộ KH&CN', 'Sở Khoa học và Công nghệ', 'Ban Chỉ đạo', 'Hội Phụ nữ',
  'Hải quân', 'Hoàng gia', 'UBND', 'HĐND', 'Thành ủy', 'Nghị quyết', 'Nghị định', 'Đề án', 'Chỉ thị',
  // Names and products
  'Tô Lâm', 'Sao Khuê', 'Smart Hải Phòng', 'Hateco', 'Startup Village', 'Skolkovo', 'Insider One', 'Agentic',
  'Zalo', 'VNeID', 'Viettel', 'VNPT', 'FPT', 'Google', 'Microsoft', 'Apple', 'Meta', 'Facebook', 'YouTube', 'TikTok', 'OpenAI',
  'ChatGPT', 'Nvidia', 'Samsung', 'Intel', 'Top',
  // Words from other languages written in lower case
  'container', 'robot', 'carbon', 'website', 'startup', 'logistics', 'online', 'internet', 'email', 'video', 'camera',
  'blockchain', 'fintech', 'smartphone', 'chip', 'drone', 'podcast', 'app', 'laptop', 'marketing', 'game', 'hacker',
  'virus', 'vaccine', 'data', 'cloud', 'livestream', 'sandbox', 'metaverse', 'chatbot', 'e-commerce', 'start-up',
  // Acronyms that read like Vietnamese words, or that a reader expects in capitals
  'AI', 'EU', 'GDP', 'GRDP', 'FDI', 'USD', 'IoT', 'AR', 'VR', 'ESG', 'APEC', 'WTO', 'UNESCO', 'WIPO', 'OECD', 'SGS', 'DWT',
  'THPT', 'HTX', 'KHCN', 'KH&CN', 'ĐMST', 'CĐS', 'TP', 'PK-KQ', 'E10', 'Web3', 'ICT', 'CNTT', 'SME', 'R&D', 'Big Data',
];

/** Words after which the next one or two are a place's name ("phường Gia Viên"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(['phường', 'xã', 'tỉnh', 'huyện', 'quận']);
