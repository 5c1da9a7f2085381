import type { render as en } from '../en/render.js';

/** Thông điệp của src/render: khuôn mẫu (template) của giao diện đọc không được hoặc gọi thứ không có, và khuôn mẫu hỏng khi đang in. */
export const render: Record<keyof typeof en, string> = {
  'render.template.parse': 'không đọc được khuôn mẫu này: {detail}',
  'render.template.has-errors': 'khuôn mẫu {file} của giao diện có lỗi; chưa ghi tệp PDF nào',
  'render.templates.have-errors': 'các khuôn mẫu của giao diện có lỗi; chưa ghi tệp PDF nào',
  'render.template.partial-by-path': 'khuôn mẫu con được gọi theo tên, không theo đường dẫn',
  'render.template.partial-add': 'giao diện có thể thêm một khuôn mẫu con là partials/{name}.hbs',
  'render.template.unknown-partial': 'không có khuôn mẫu con nào tên "{name}": chỉ có {known} ({how})',
  'render.template.log-hook': '{{{call}}} là hàm gỡ lỗi riêng của Handlebars, ghi ra màn hình của bantin chứ không ra trang: hãy xóa đi',
  'render.template.hook': '{{{call}}} là móc nối riêng của Handlebars, không phải hàm để gọi: hãy xóa đi',
  'render.template.unknown-helper': 'không có hàm nào tên "{name}": chỉ có {known} (giao diện không thêm được hàm)',
  'render.template.lookup': 'lookup cần hai giá trị, ví dụ (lookup issue.labels "contents")',
  'render.template.unknown-label': 'không có nhãn nào tên "{name}": chỉ có {known}',
  'render.template.self': 'khuôn mẫu con "{name}" tự gọi chính nó: sẽ lặp mãi không dừng; khuôn mẫu con không được tự gọi mình',
  'render.template.circle': 'khuôn mẫu con "{name}" gọi lại chính nó qua {route} ({circle}): sẽ lặp mãi không dừng; các khuôn mẫu con không được gọi nhau thành vòng',
  'render.template.stack': 'các khuôn mẫu con gọi nhau không dừng (hết ngăn xếp)',
  'render.template.failed': 'khuôn mẫu {file} của giao diện hỏng khi đang in số bản tin: {reason}; chưa ghi tệp PDF nào (bantin check tìm ra phần lớn lỗi khuôn mẫu trước khi dựng)',
  'render.qr.too-long': '{url} quá dài, không tạo được mã QR',
  'render.helper.outside-render': 'hàm trợ giúp của khuôn mẫu bị gọi ngoài lúc dựng trang',
  'render.helper.no-qr': 'chưa có mã QR nào được tạo cho {url}',
  'render.helper.pageref': 'pageref: không có tin hay phần nào mang id "{id}"',
  'render.helper.no-label': 'không có nhãn nào tên "{name}"',
};
