/** Thông điệp của `bantin add` (src/commands/add): vì sao một liên kết không thêm được hay bị bỏ qua, cần xem lại gì trong tin nháp, chữ của dòng lệnh. */
import type { add as en } from '../en/add.js';

export const add: Record<keyof typeof en, string> = {
  // Dòng lệnh.
  'add.cli.description': 'tải trang bài viết và thêm mỗi bài một tin nháp vào một phần của số bản tin (tiêu đề, ngày, nguồn và tóm tắt lấy từ trang; `bantin check` nhắc cho đến khi từng tin được đọc lại)',
  'add.cli.arg.issue': 'số-bản-tin',
  'add.cli.arg.links': 'liên-kết',
  'add.cli.issue': 'tệp số bản tin (.yaml, .yml hoặc .md); tệp được ghi lại tại chỗ, một lần, với mọi tin thêm vào',
  'add.cli.links': 'địa chỉ các bài viết (http hoặc https)',
  'add.cli.part': 'phần cần thêm vào: số thứ tự (1 = phần đầu) hoặc tên phần; bắt buộc khi số bản tin có nhiều phần chứa tin',
  'add.cli.from-file': 'đọc thêm liên kết từ tệp này, mỗi dòng một liên kết (bỏ qua dòng trống và dòng bắt đầu bằng #)',
  'add.cli.offline': 'đọc trang của liên kết từ tệp HTML đã lưu này thay vì tải về (mỗi liên kết một lần, theo cùng thứ tự)',
  'add.out.added': '+ {title} ({outlet}, {date})',
  'add.out.no-date': 'không có ngày',
  'add.out.note': '    cần xem: {note}',
  'add.out.skipped': '= bỏ qua {url}: {reason}',
  'add.out.failed': '✗ {url}: {reason}',
  'add.out.done': 'đã thêm {added}/{total} liên kết vào phần {number} ({title}) của {file}, dưới dạng tin nháp: đọc lại từng tin rồi xóa dòng "draft: true" hoặc "Nháp: có" của tin đó (bantin check liệt kê các tin nháp)',
  'add.out.nothing': 'không thêm được tin nào: {file} giữ nguyên',
  'add.some-failed': '{failed}/{total} liên kết không thêm được (xem ở trên); các tin còn lại đã có trong số bản tin',

  // Lỗi trước khi tải trang.
  'add.unknown-format': 'không rõ {file} thuộc dạng nào: tệp số bản tin có đuôi .yaml, .yml hoặc .md',
  'add.no-links': 'chưa có liên kết nào: ghi địa chỉ các bài viết sau tên tệp số bản tin, hoặc một danh sách với --from-file',
  'add.offline-count': '--offline cho {pages} trang đã lưu cho {links} liên kết: mỗi liên kết cần một trang đã lưu, theo cùng thứ tự',
  'add.symlink': '{file} là liên kết tượng trưng: bantin add ghi lại tệp số bản tin, việc đó sẽ thay liên kết bằng một bản sao; hãy nêu tệp mà liên kết trỏ tới',
  'add.invalid': '{file} đang có lỗi: sửa trước (bantin check), rồi mới thêm liên kết',
  'add.cannot-read-list': 'không đọc được danh sách liên kết {file}: {reason}',
  'add.part.summary': 'tổng kết',
  'add.part.which': 'thêm vào phần nào? Số bản tin này có nhiều phần chứa tin: chọn một phần bằng --part SỐ hoặc --part "TÊN PHẦN" ({parts})',
  'add.part.none': 'số bản tin này không có phần nào chứa tin, chỉ có phần tổng kết ({parts}): hãy thêm một phần tin trước',
  'add.part.unknown': 'không có phần "{part}": chọn phần theo số thứ tự hoặc tên ({parts})',
  'add.part.is-summary': 'phần {part} là phần tổng kết, gồm các mục, không chứa tin: chọn một phần chứa tin ({parts})',
  'add.no-articles-list': 'phần được chọn không có danh sách tin (articles) để thêm vào',
  'add.flow-list': 'phần được chọn ghi danh sách tin trên một dòng, trong ngoặc vuông: hãy viết thành danh sách, mỗi tin một mục "- ", rồi chạy lại bantin add',
  'add.changed': '{file} đã bị sửa trong lúc tải các trang: chưa ghi gì; hãy chạy lại bantin add',
  'add.bug.read-back': 'bantin add tạo ra một số bản tin khi đọc lại không đúng bằng số cũ cộng các tin mới; {file} giữ nguyên',

  // Vì sao một liên kết không thêm được.
  'add.fail.not-address': 'không phải địa chỉ trang web',
  'add.fail.scheme': 'chỉ thêm được trang http và https, không phải {scheme}:',
  'add.fail.redirects': 'chuyển hướng quá {max} lần',
  'add.fail.bad-redirect': 'máy chủ chuyển hướng tới một địa chỉ không hợp lệ',
  'add.fail.not-found': 'trang không tồn tại (HTTP {status})',
  'add.fail.status': 'máy chủ trả lời HTTP {status}',
  'add.fail.not-html': 'không phải trang web mà là {type}',
  'add.fail.not-html-text': 'nội dung nhận về không phải trang HTML',
  'add.fail.too-big': 'trang lớn hơn {max}',
  'add.fail.timeout': 'không nhận đủ trả lời trong {seconds} giây',
  'add.fail.no-host': 'không tìm thấy máy chủ (kiểm tra địa chỉ hoặc kết nối mạng)',
  'add.fail.refused': 'máy chủ từ chối kết nối',
  'add.fail.reset': 'kết nối bị ngắt giữa chừng',
  'add.fail.tls': 'kết nối bảo mật không thành công ({code})',
  'add.fail.network': 'không tải được trang ({code})',
  'add.fail.no-title': 'trang không có tiêu đề (không có headline, og:title hay <title>)',
  'add.fail.invalid-item': 'thông tin trên trang không tạo được một tin hợp lệ ({field}: {problem})',
  'add.fail.saved-page': 'không đọc được trang đã lưu {file}: {reason}',

  // Vì sao một liên kết bị bỏ qua.
  'add.skip.in-issue': 'số bản tin đã có bài này ({where})',
  'add.skip.in-previous': 'số trước, {file}, đã có bài này ({where})',
  'add.skip.twice': 'cùng bài với {url}, chỉ thêm một lần',

  // Những gì biên tập viên cần xem lại trong tin nháp.
  'add.note.date-implausible': 'trang ghi ngày {date}, quá xa kỳ này nên không thể đúng: chưa ghi ngày',
  'add.note.date-outside': 'ngày {date} nằm ngoài kỳ này ({start} – {end})',
  'add.note.no-date-set': 'trang không ghi ngày: tạm ghi {date}, ngày đầu kỳ; hãy sửa lại',
  'add.note.no-date': 'trang không ghi ngày',
  'add.note.no-summary': 'trang không có phần tóm tắt: hãy viết nội dung tin',

  // Ghi chú đặt trên mỗi tin nháp.
  'add.comment.yaml': 'tin nháp do bantin add soạn từ trang bài viết: đối chiếu với bài gốc, rồi xóa "draft: true"',
  'add.comment.md': 'tin nháp do bantin add soạn từ trang bài viết: đối chiếu với bài gốc, rồi xóa dòng "Nháp: có"',
};
