import { readFileSync } from 'node:fs';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { loadIssue } from '../dist/issue/load.js';
import { themeIssue } from '../dist/theme/choose.js';
import { pageGeometry } from '../dist/issue/page.js';
import { finishPdf } from '../dist/pdf/finish.js';
const loaded = await loadIssue('/work/main/examples/so-20-2026.yaml');
const { issue, theme } = await themeIssue(loaded.issue, loaded.source, undefined);
const geometry = pageGeometry('A4', issue.page.margins ?? { top: 15, bottom: 15, inner: 15, outer: 15 }, 0);
const html = readFileSync('/tmp/sp/a.html', 'utf8');
const raw = { t: readFileSync('/tmp/sp/raw-t.pdf'), u: readFileSync('/tmp/sp/raw-u.pdf') };
const res = {};
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (let i = 0; i < Number(process.env.N ?? 8); i++) for (const k of (process.env.K ?? 't,u').split(',')) {
  let t0 = cpu();
  const doc = await PDFDocument.load(raw[k], { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const t1 = cpu();
  const out = await finishPdf(raw[k], issue, { parsed: doc, source: html, profile: 'print', geometry, labels: theme.labels });
  const t2 = cpu();
  (res[k] ??= []).push([t1 - t0, t2 - t1, out.length]);
}
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1].toFixed(0);
for (const [k, v] of Object.entries(res)) console.log(k, 'parse', med(v.map((x) => x[0])), 'finish', med(v.map((x) => x[1])), 'bytes', v[0][2]);
