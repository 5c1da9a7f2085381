/**
 * An sRGB ICC profile (version 2.1, display class), made here from the sRGB definition
 * (IEC 61966-2-1): D50-adapted primaries (Bradford) and the sRGB tone curve as a 1024-entry
 * table. A PDF/A file must embed the profile of its output intent; making it from the standard's
 * numbers means bantin ships no third-party profile and needs no Ghostscript for it.
 */

/** The name of the output condition, as PDF/A files conventionally give it. */
export const SRGB_NAME = 'sRGB IEC61966-2.1';

const D50 = [0.9642, 1.0, 0.8249];
const PRIMARIES = {
  rXYZ: [0.4360747, 0.2225045, 0.0139322],
  gXYZ: [0.3850649, 0.7168786, 0.0971045],
  bXYZ: [0.1430804, 0.0606169, 0.7141733],
};
const CURVE_POINTS = 1024;

class Writer {
  private bytes: number[] = [];
  get length() {
    return this.bytes.length;
  }
  u8(n: number) {
    this.bytes.push(n & 0xff);
  }
  u16(n: number) {
    this.u8(n >>> 8);
    this.u8(n);
  }
  u32(n: number) {
    this.u16(n >>> 16);
    this.u16(n & 0xffff);
  }
  ascii(s: string) {
    for (const ch of s) this.u8(ch.charCodeAt(0));
  }
  s15f16(v: number) {
    this.u32(Math.round(v * 65536) >>> 0);
  }
  pad() {
    while (this.bytes.length % 4) this.u8(0);
  }
  toBytes() {
    return Uint8Array.from(this.bytes);
  }
}

function xyz(values: number[]): Uint8Array {
  const w = new Writer();
  w.ascii('XYZ ');
  w.u32(0);
  for (const v of values) w.s15f16(v);
  return w.toBytes();
}

function description(text: string): Uint8Array {
  const w = new Writer();
  w.ascii('desc');
  w.u32(0);
  w.u32(text.length + 1);
  w.ascii(text);
  w.u8(0);
  w.u32(0); // Unicode language code
  w.u32(0); // Unicode count
  w.u16(0); // ScriptCode code
  w.u8(0); // ScriptCode count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.toBytes();
}

function textTag(text: string): Uint8Array {
  const w = new Writer();
  w.ascii('text');
  w.u32(0);
  w.ascii(text);
  w.u8(0);
  return w.toBytes();
}

function srgbCurve(): Uint8Array {
  const w = new Writer();
  w.ascii('curv');
  w.u32(0);
  w.u32(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) {
    const x = i / (CURVE_POINTS - 1);
    const y = x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    w.u16(Math.round(y * 65535));
  }
  return w.toBytes();
}

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const curve = srgbCurve();
  const tags: Array<[string, Uint8Array]> = [
    ['desc', description(SRGB_NAME)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyz(D50)],
    ['rXYZ', xyz(PRIMARIES.rXYZ)],
    ['gXYZ', xyz(PRIMARIES.gXYZ)],
    ['bXYZ', xyz(PRIMARIES.bXYZ)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  // Lay out the tag data after the header and the tag table; the three curves share one copy.
  const offsets = new Map<Uint8Array, number>();
  let at = 128 + 4 + tags.length * 12;
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, at);
    at += Math.ceil(data.length / 4) * 4;
  }
  const size = at;
  const w = new Writer();
  w.u32(size);
  w.u32(0); // preferred CMM
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr');
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const n of [2026, 1, 1, 0, 0, 0]) w.u16(n); // a fixed date: the same bytes every build
  w.ascii('acsp');
  for (let i = 0; i < 5; i++) w.u32(0); // platform, flags, manufacturer, model, attributes (high)
  w.u32(0); // attributes (low)
  w.u32(0); // rendering intent: perceptual
  for (const v of D50) w.s15f16(v); // PCS illuminant
  while (w.length < 128) w.u8(0);
  w.u32(tags.length);
  for (const [signature, data] of tags) {
    w.ascii(signature);
    w.u32(offsets.get(data)!);
    w.u32(data.length);
  }
  for (const data of offsets.keys()) {
    for (const b of data) w.u8(b);
    w.pad();
  }
  cached = w.toBytes();
  return cached;
}
