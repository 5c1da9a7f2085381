import type { print as en } from '../en/print.js';

/** Thông điệp của src/print: tìm và khởi động trình duyệt, và các kiểu trình duyệt hỏng khi đang in. */
export const print: Record<keyof typeof en, string> = {
  'print.start-failed': 'không khởi động được trình duyệt: {reason}',
  'print.start-failed-at': 'không khởi động được trình duyệt {file}: {reason}',
  'print.no-temp-folder': 'không tạo được thư mục trong thư mục tạm {dir} ({code})',
  'print.tmp-full': 'thư mục tạm {dir} đã đầy (còn trống {mb} MB), mà trình duyệt lưu tệp của nó ở đó: hãy giải phóng chỗ trống, hoặc đặt TMPDIR trỏ tới một thư mục trên ổ đĩa còn chỗ',
  'print.memory': 'trình duyệt cần hơn {limit} bộ nhớ (một tiến trình của nó đã chiếm {held}), nên bantin đã dừng nó; chưa ghi gì. Một ảnh hay phông chữ của số bản tin hoặc giao diện đòi quá nhiều: hãy tìm ảnh hay tệp SVG rất lớn, hoặc tệp phông chữ rất lớn',
  'print.timeout': 'trình duyệt chưa xong sau {seconds} giây (--timeout); chưa ghi gì. Số bản tin rất dài có thể cần --timeout lớn hơn',
  'print.stopped-full': 'trình duyệt đã dừng khi đang in: {reason}; chưa ghi gì',
  'print.stopped': 'trình duyệt đã dừng khi đang in (bị treo hoặc bị tắt); chưa ghi gì. Hãy thử lại; nếu vẫn lặp lại, chạy với --verbose và báo lỗi',
  'print.browser-missing': 'không có trình duyệt {file} (lấy từ {from})',
  'print.not-found': 'không tìm thấy trình duyệt Chromium: bantin in PDF bằng Chromium chạy ẩn (hoặc Google Chrome, hoặc Microsoft Edge).',
  'print.not-found.install': 'Hãy cài một trong các cách sau:',
  'print.not-found.debian': '  • Debian/Ubuntu:  sudo apt-get install chromium-headless-shell   (hoặc: chromium)',
  'print.not-found.mac-windows': '  • macOS, Windows: Google Chrome, Chromium hoặc Microsoft Edge, ở chỗ cài đặt thông thường',
  'print.not-found.internet': '  • máy nào có mạng:  npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer',
  'print.not-found.point': 'hoặc chỉ cho bantin một trình duyệt:  bantin build --browser /đường/dẫn/tới/chrome   (hoặc đặt BANTIN_BROWSER)',
  'print.cannot-decode': 'trình duyệt không giải mã được {files}',
  'print.no-destination': 'không có đích trong PDF cho {ids}: một đích liên kết không được in ra',
  'print.page-numbers-unsettled': 'số trang vẫn chưa ổn định sau {n} lượt in',
};
