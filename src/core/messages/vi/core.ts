import type { core as en } from '../en/core.js';

export const core: Record<keyof typeof en, string> = {
  'report.error': 'lỗi',
  'report.warning': 'cảnh báo',
  'report.errors.one': '{n} lỗi',
  'report.errors.many': '{n} lỗi',
  'report.warnings.one': '{n} cảnh báo',
  'report.warnings.many': '{n} cảnh báo',
  'core.read.folder': 'đó là một thư mục',
  'core.read.fifo': 'đó là một FIFO (ống có tên), không phải tệp',
  'core.read.socket': 'đó là một socket, không phải tệp',
  'core.read.device': 'đó là một thiết bị, không phải tệp',
  'core.read.not-regular': 'đó không phải tệp thường',
  'core.read.no-such-file': 'không có tệp này',
  'core.read.permission': 'không có quyền',
  'core.read.socket-or-device': 'đó là socket hoặc thiết bị, không phải tệp',
  'core.read.became-link': 'tệp đã thành liên kết trong lúc bantin mở nó; hãy thử lại',
  'core.read.too-large': 'tệp nặng {size}, quá mức {max} mà bantin đọc',
  'core.read.more-than': 'tệp nặng hơn mức {max} mà bantin đọc',
  'core.read.link-outside': 'đó là liên kết dẫn ra ngoài {root} (tới {real}); hãy chép tệp vào thư mục đó',
  'core.read.no-size': 'đó không phải tệp thường có kích thước (một phần của hệ thống, như /proc hay /sys)',
  'core.read.grew': 'tệp lớn thêm trong lúc bantin đọc; hãy thử lại khi tệp đã được lưu xong',
};
