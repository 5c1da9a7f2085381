import type { pdf as en } from '../en/pdf.js';

/** Thông điệp của src/pdf: --cmyk (Ghostscript) và --pdfa. */
export const pdf: Record<keyof typeof en, string> = {
  'pdf.cmyk.converting': 'đang chuyển màu sang CMYK',
  'pdf.cmyk.no-ghostscript': '--cmyk cần Ghostscript, mà máy chưa cài: apt-get install ghostscript (macOS: brew install ghostscript; Windows: cài Ghostscript từ ghostscript.com và thêm thư mục bin của nó vào PATH) (hoặc dựng không có --cmyk và để nhà in tự chuyển màu)',
  'pdf.cmyk.stopped': 'Ghostscript đã bị dừng ({signal})',
  'pdf.cmyk.stopped-timeout': 'Ghostscript đã bị dừng ({signal}, quá --timeout)',
  'pdf.cmyk.failed': 'Ghostscript không chuyển được màu sang CMYK: {reason}',
  'pdf.pdfa.failed': 'không tạo được tệp PDF/A-2b: {problems}; chưa ghi tệp PDF nào',
};
