/** The part of subset-font's API bantin calls (the package ships no types). */
declare module 'subset-font' {
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt'; noHinting?: boolean; noLayoutClosure?: boolean }): Promise<Buffer>;
}
