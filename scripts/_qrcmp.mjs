import QRCode from 'qrcode';
import { planQr, qrPath } from '../dist/render/qr.js';
const urls = ['https://example.com', 'https://vnexpress.net/abc-def-ghi-12345.html?utm=1&x=2', 'x', 'https://a.b/' + 'x'.repeat(300), 'https://haiphong.gov.vn/tin-tuc/' + 'Đ'.repeat(5)];
for (const u of urls) {
  const svg = await QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const inner = svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>'));
  console.log(inner === qrPath(planQr(u)) ? 'same' : 'DIFF\n' + inner.slice(0, 200) + '\n' + qrPath(planQr(u)).slice(0, 200));
}
