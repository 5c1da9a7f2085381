/**
 * The parts of qrcode 1.5.4 that QRCode.create() itself uses to size a code; bantin calls them
 * to know a code's size before making it (see qr.ts). Not in @types/qrcode, and not public API:
 * package.json pins qrcode to exactly 1.5.4 and tests/unit/qr.test.ts checks that planQr()
 * still takes QRCode.create()'s steps and gives its version and segments.
 */
declare module 'qrcode/lib/core/segments.js' {
  import type { QRCodeSegment } from 'qrcode';
  const Segments: {
    rawSplit(data: string): QRCodeSegment[];
    fromString(data: string, version: number): QRCodeSegment[];
  };
  export default Segments;
}

declare module 'qrcode/lib/core/version.js' {
  const Version: { getBestVersionForData(segments: unknown, level: unknown): number | undefined };
  export default Version;
}

declare module 'qrcode/lib/core/error-correction-level.js' {
  const ECLevel: { L: unknown; M: unknown; Q: unknown; H: unknown };
  export default ECLevel;
}
