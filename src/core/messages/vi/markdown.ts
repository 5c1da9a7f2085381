import type { markdown as en } from '../en/markdown.js';

export const markdown: Record<keyof typeof en, string> = {
  'markdown.frontMatter.unclosed': 'phần đầu tệp (front matter) mở bằng dòng --- này chưa được đóng: thêm một dòng chỉ gồm ba dấu gạch ngang (---) trước tiêu đề phần đầu tiên',
  'markdown.frontMatter.notFields': 'phần đầu tệp phải gồm các trường dạng khoá: giá trị, như series: và issue:',
  'markdown.partsTwice': 'các phần được viết hai lần, vừa là parts: ở phần đầu tệp vừa là các tiêu đề #: chỉ giữ một cách',
  'markdown.beforeFirstPart': 'đoạn chữ này không thuộc phần nào: thêm tiêu đề phần ở phía trên, ví dụ # Tin trong nước',
  'markdown.itemOutsidePart': 'tin này đứng trước phần đầu tiên: thêm tiêu đề phần ở phía trên, ví dụ # Tin trong nước',
  'markdown.textBeforeItem': 'đoạn chữ này không thuộc tin nào: mở đầu mỗi tin bằng tiêu đề ## (## 25/05: tiêu đề); phần tổng kết xu hướng cần dòng "Loại: tổng kết" ngay dưới tiêu đề #',
  'markdown.kindUnknown': 'không có loại phần "{value}": hãy viết một trong các loại {kinds} (hoặc summary, news, spotlight, digest)',
  'markdown.attributeTwice': 'dòng "{label}:" được viết hai lần dưới tiêu đề này: chỉ giữ một dòng',
  'markdown.fieldTwice': 'trường {field} được ghi hai lần (dưới tiêu đề và trong khối ```bantin, hoặc trong hai khối): chỉ giữ một',
  'markdown.fence.unclosed': 'khối ```bantin này chưa được đóng: kết thúc khối bằng một dòng {fence}',
  'markdown.fence.notFields': 'khối ```bantin chứa các trường dạng khoá: giá trị, ví dụ type: quote',
  'convert.format.yaml': 'YAML',
  'convert.format.md': 'Markdown',
  'convert.unknownFormat': 'không xác định được định dạng của {file}: tệp số bản tin phải có đuôi .yaml, .yml hoặc .md',
  'convert.sameFormat': '{file} đã ở dạng {format}: không có gì để chuyển (dùng --to {other} để chuyển sang dạng kia)',
  'convert.invalid': '{file} còn lỗi: hãy sửa trước (bantin check {file}), rồi mới chuyển đổi',
  'convert.outputExtension': '{output} không có đuôi {ext} trong khi tệp kết quả ở dạng {format}: đặt tên có đuôi {ext}, hoặc bỏ --to',
  'convert.exists': '{output} đã tồn tại: bantin convert chỉ ghi đè tệp được nêu tên bằng -o; hãy dùng -o nếu muốn thay tệp này',
  'convert.notLossless': 'bantin convert không ghi được {file} mà không làm mất nội dung nên chưa ghi gì. Đây là lỗi của bantin: vui lòng báo lỗi kèm tệp số bản tin',
};
