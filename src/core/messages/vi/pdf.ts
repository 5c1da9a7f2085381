import type { pdf as en } from '../en/pdf.js';

/** Thông điệp của src/pdf: --cmyk (Ghostscript) và --pdfa. */
export const pdf: Record<keyof typeof en, string> = {
  'pdf.cmyk.converting': 'đang chuyển màu sang CMYK',
  'pdf.cmyk.no-ghostscript': '--cmyk cần Ghostscript, mà máy chưa cài: apt-get install ghostscript (macOS: brew install ghostscript; Windows: cài Ghostscript từ ghostscript.com và thêm thư mục bin của nó vào PATH) (hoặc dựng không có --cmyk và để nhà in tự chuyển màu)',
  'pdf.cmyk.stopped': 'Ghostscript đã bị dừng ({signal})',
  'pdf.cmyk.stopped-timeout': 'Ghostscript đã bị dừng ({signal}, quá --timeout)',
  'pdf.cmyk.failed': 'Ghostscript không chuyển được màu sang CMYK: {reason}',
  'pdf.pdfa.failed': 'không tạo được tệp PDF/A-2b: {problems}; chưa ghi tệp PDF nào',
  'pdf.pdfa.encrypted': 'tệp được mã hóa',
  'pdf.pdfa.no-id': 'tệp không có mã định danh tài liệu (ID)',
  'pdf.pdfa.javascript': 'tệp chứa JavaScript',
  'pdf.pdfa.embedded-files': 'tệp có tệp đính kèm bên trong',
  'pdf.pdfa.open-action': 'tệp chạy một hành động khi mở',
  'pdf.pdfa.font-not-embedded': 'phông chữ {font} không được nhúng',
  'pdf.pdfa.alternates': 'một ảnh có ảnh thay thế',
  'pdf.pdfa.postscript': 'tệp có nội dung PostScript hoặc OPI',
  'pdf.pdfa.transfer': 'một trạng thái đồ họa có hàm chuyển đổi',
  'pdf.pdfa.action': 'một liên kết chạy hành động {action}',
  'pdf.pdfa.external-file': 'tệp tham chiếu tới một tệp bên ngoài',
  'pdf.pdfa.annotation': 'tệp có chú thích loại {subtype}',
  'pdf.pdfa.no-appearance': 'một chú thích loại {subtype} không có hình hiển thị',
};
