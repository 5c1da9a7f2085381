import type { viewer as en } from '../en/viewer.js';

/** Chữ trên trang xem trước (viewer/), gửi tới trang theo ngôn ngữ giao diện. */
export const viewer: Record<keyof typeof en, string> = {
  'viewer.title': '{file} — bantin xem trước',
  'viewer.prev': 'Trang trước',
  'viewer.next': 'Trang sau',
  'viewer.page': 'Trang',
  'viewer.of': '/',
  'viewer.zoom-out': 'Thu nhỏ',
  'viewer.zoom-in': 'Phóng to',
  'viewer.fit': 'Vừa bề ngang',
  'viewer.fit-title': 'Vừa bề ngang trang',
  'viewer.starting': 'đang khởi động…',
  'viewer.rebuilding': 'đang dựng lại…',
  'viewer.failed': 'có lỗi — hãy sửa tệp số bản tin; bản xem trước tự cập nhật',
  'viewer.last-good': 'Bên dưới là bản PDF đúng gần nhất.',
  'viewer.cannot-show': 'không hiển thị được bản PDF: {reason}',
  'viewer.on-page': 'Trên trang này',
  'viewer.on-page-none': 'Không có tin nào bắt đầu ở trang này.',
  'viewer.problems': 'Lỗi và cảnh báo',
  'viewer.no-problems': 'Không có lỗi hay cảnh báo nào.',
  'viewer.error': 'lỗi',
  'viewer.warning': 'cảnh báo',
  'viewer.edit': 'sửa',
  'viewer.edit-title': 'Mở dòng {line} của tệp số bản tin trong trình soạn thảo',
  'viewer.go-title': 'Đến tin này',
};
