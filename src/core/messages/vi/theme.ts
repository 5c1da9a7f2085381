import type { theme as en } from '../en/theme.js';

/** Thông điệp của src/theme: tìm và đọc giao diện, logo và phông chữ của nó, và những gì nó cho phép. */
export const theme: Record<keyof typeof en, string> = {
  'theme.link-outside': '"{spec}" là liên kết tới {dir}, nằm ngoài thư mục của số bản tin ({folder})',
  'theme.outside': '"{spec}" ({dir}) nằm ngoài thư mục của số bản tin ({folder})',
  'theme.extends-only': 'giao diện do số bản tin nêu chỉ được kế thừa giao diện có sẵn hoặc một thư mục bên trong thư mục của số bản tin',
  'theme.name-only': 'số bản tin chỉ được nêu giao diện có sẵn hoặc thư mục giao diện bên trong thư mục của chính nó',
  'theme.confined': 'giao diện {where}: {rule}. Muốn dùng, hãy nêu giao diện trên dòng lệnh: --theme {dir}',
  'theme.unknown': 'không có giao diện có sẵn nào tên "{name}": chỉ có {known}, hoặc một thư mục như ./theme',
  'theme.no-folder': 'thư mục giao diện {dir} không tồn tại (tạo bằng: bantin theme new {spec})',
  'theme.no-yaml': 'thư mục giao diện {dir} không có theme.yaml (tạo bằng: bantin theme new {spec})',
  'theme.cannot-read-yaml': 'không đọc được {file}: {reason}; theme.yaml phải là tệp thường nằm trong thư mục giao diện',
  'theme.empty': 'theme.yaml đang trống: cần ít nhất trường name',
  'theme.circle': 'các giao diện kế thừa nhau thành vòng: {chain}',
  'theme.folder-has-errors': 'giao diện trong {dir} có lỗi; chưa ghi tệp PDF nào',
  'theme.has-errors': 'giao diện {name} có lỗi; chưa ghi tệp PDF nào',
  'theme.cannot-read-file': 'không đọc được tệp giao diện {file}: {reason}; khuôn mẫu và bảng kiểu của giao diện phải là tệp thường nằm trong thư mục của nó',
  'theme.too-many-highlights': 'giao diện "{name}" chỉ nêu được tối đa {limit} điểm nổi bật trên trang bìa: hãy bớt {extra}',
  'theme.logo-type': 'logo {file} không phải loại ảnh trang in hiển thị được: hãy dùng tệp .png, .jpg, .webp, .gif hoặc .svg',
  'theme.logo-unusable': 'không dùng được logo {file}: {reason} (đã tìm ở {path})',
  'theme.font-file-unusable': 'không dùng được tệp phông chữ {file}: {reason} (đã tìm ở {path})',
  'theme.font-package-missing': 'gói phông chữ {name} chưa được cài: hãy cài cạnh bantin (npm install {name}; thêm -g nếu bantin được cài bằng -g), hoặc bỏ package để dùng họ phông có sẵn',
  'theme.font-package-unreadable': 'không đọc được {file} của gói phông chữ {name}: {reason}',
  'theme.font-package-no-sheets': 'gói phông chữ {name} không có bảng kiểu nào bantin nạp ({sheets}): hãy chọn một gói fontsource có các độ đậm cố định',
  'theme.low-contrast-body': 'màu chữ {text} ({textColor}) trên nền {on} ({onColor}) chỉ có độ tương phản {ratio}:1; chữ thân bài cần tối thiểu {min}:1: hãy làm một màu đậm hơn hoặc màu kia nhạt hơn',
  'theme.low-contrast-label': 'màu nhãn {text} ({textColor}) trên nền {on} ({onColor}) chỉ có độ tương phản {ratio}:1; nhãn chữ đậm hoặc cỡ lớn cần tối thiểu {min}:1: hãy làm một màu đậm hơn hoặc màu kia nhạt hơn',
  'theme.labels-unreadable': 'không đọc được bộ nhãn của chính bantin {file}: {reason}; hãy cài lại bantin',
};
