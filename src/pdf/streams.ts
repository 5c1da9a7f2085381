/** Stream data in and out, for finishing's edits of the print (artifacts, CMYK). */
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFContext, type PDFRef, type PDFStream } from 'pdf-lib';
import { t } from '../core/i18n.js';

const N = (name: string) => PDFName.of(name);

/** The decoded data of a stream (Flate through Node's zlib, anything else through pdf-lib). */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.lookup(N('Filter'));
  const single = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
  const params = stream.dict.lookup(N('DecodeParms'));
  const predictor = (params instanceof PDFArray ? params.lookup(0) : params) instanceof PDFDict ? ((params instanceof PDFArray ? params.lookup(0) : params) as PDFDict).lookup(N('Predictor')) : undefined;
  if (predictor instanceof PDFNumber && predictor.asNumber() > 1) throw new Error(t('pdf.cmyk.predictor'));
  if (single === undefined) return stream.contents;
  if (single === N('FlateDecode')) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** Replaces the stream at ref by one with the same dictionary and new data, Flate-compressed. */
export function writeStream(context: PDFContext, ref: PDFRef, stream: PDFStream, data: Uint8Array): void {
  const dict = stream.dict;
  dict.delete(N('DecodeParms'));
  dict.set(N('Filter'), N('FlateDecode'));
  context.assign(ref, PDFRawStream.of(dict, deflateSync(data)));
}
