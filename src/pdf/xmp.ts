/**
 * The XMP metadata stream: the Info dictionary's fields again, in the form archives and PDF/A
 * read (ISO 16684-1), and the PDF/A identification when the file claims it.
 */
import { PDFName, type PDFDocument } from 'pdf-lib';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creatorTool: string;
  producer: string;
  language: string;
  date: Date;
  /** The document ID (hex), also in the trailer. */
  id: string;
  /** PDF/A part and conformance, e.g. { part: 2, conformance: 'B' }. */
  pdfa?: { part: number; conformance: string };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XMP dates: ISO 8601 to the second, in UTC. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const uuid = (hex: string) => `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export function xmpPacket(info: DocumentInfo): string {
  const lang = escape(info.language);
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(value)}</rdf:li></rdf:Alt>`;
  const pdfa = info.pdfa
    ? `
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>${info.pdfa.part}</pdfaid:part>
   <pdfaid:conformance>${escape(info.pdfa.conformance)}</pdfaid:conformance>
  </rdf:Description>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(info.title)}</dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description>${alt(info.subject)}</dc:description>
   <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${escape(info.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${xmpDate(info.date)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(info.date)}</xmp:ModifyDate>
   <xmp:MetadataDate>${xmpDate(info.date)}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${escape(info.producer)}</pdf:Producer>
   <pdf:Keywords>${escape(info.keywords)}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <xmpMM:DocumentID>${uuid(info.id)}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${uuid(info.id)}</xmpMM:InstanceID>
  </rdf:Description>${pdfa}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Puts the packet in the catalog as an uncompressed metadata stream (PDF/A wants it readable as is). */
export function setXmp(doc: PDFDocument, info: DocumentInfo): void {
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(info)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}
