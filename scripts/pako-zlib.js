// pako's API on Node's own zlib, for the bundle (scripts/bundle.js puts it where pdf-lib and
// its PNG and font helpers require "pako"). pako compresses in JavaScript; Node's zlib is the
// C library: finishing so-20 deflates ~1 MB of object streams, ~100 ms with pako, ~15 ms here.
// Same formats: deflate/inflate are zlib-wrapped (RFC 1950), the Raw ones bare (RFC 1951).
import { deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';

const bytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
const level = (options) => ({ level: options?.level ?? 6 });

export const deflate = (data, options) => bytes(deflateSync(data, level(options)));
export const deflateRaw = (data, options) => bytes(deflateRawSync(data, level(options)));
export const inflate = (data) => bytes(inflateSync(data));
export const inflateRaw = (data) => bytes(inflateRawSync(data));
export default { deflate, deflateRaw, inflate, inflateRaw };
