import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
if (process.env.ZLIB) { const shim = await import('./pako-zlib.js'); require('pako'); require.cache[require.resolve('pako')].exports = shim.default; }
const { PDFDocument, ParseSpeeds } = await import('pdf-lib');
const { completeTags } = await import('../dist/pdf/tagged.js');
const raw = readFileSync(process.env.F ?? '/tmp/sp/raw-t.pdf');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const wall = () => performance.now();
let t = cpu(), w = wall();
const doc = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
const r = [];
r.push(['parse', cpu() - t, wall() - w]); t = cpu(); w = wall();
if (!process.env.NOTAG) await completeTags(doc, new Map());
r.push(['tags', cpu() - t, wall() - w]); t = cpu(); w = wall();
const out = await doc.save({ useObjectStreams: process.env.NOOS ? false : true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
r.push(['save', cpu() - t, wall() - w, out.length]);
console.log(r.map((x) => `${x[0]} ${x[1].toFixed(0)}/${x[2].toFixed(0)}${x[3] ? ' ' + x[3] : ''}`).join(' | '));
