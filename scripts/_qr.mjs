import QRCode from 'qrcode';
import { readFileSync } from 'node:fs';
const urls = [...new Set([...readFileSync('examples/so-20-2026.yaml', 'utf8').matchAll(/url:\s*"?(https?:\/\/[^\s"]+)/g)].map((m) => m[1]))];
const mode = process.argv[2];
let t = performance.now();
if (mode === 'create') for (const u of urls) QRCode.create(u, { errorCorrectionLevel: 'M' });
if (mode === 'fixed') for (const u of urls) QRCode.create(u, { errorCorrectionLevel: 'M', maskPattern: 0 });
if (mode === 'both') { for (const u of urls) QRCode.create(u, { errorCorrectionLevel: 'M' }); for (const u of urls) await QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }); }
console.log(mode, urls.length, (performance.now() - t).toFixed(0), 'ms');
