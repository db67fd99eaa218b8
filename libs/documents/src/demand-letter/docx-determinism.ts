import { escapeXml } from '../text/xml-safe.ts';

/**
 * The docx package stamps the package with the wall clock twice: `dcterms:created/modified` in
 * docProps/core.xml and every ZIP entry's modification time. Both are set to the letter date
 * here so that rendering the same input twice gives the same bytes (the caller stores and
 * compares documents by content). docx offers no option for either, hence these two steps.
 */
export function coreProperties(title: string, letterDate: string): { readonly path: string; readonly data: string } {
  const stamp = `${letterDate}T00:00:00Z`;
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Themis</dc:creator><cp:lastModifiedBy>Themis</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>';
  return { path: 'docProps/core.xml', data };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS date and time (the ZIP format's), midnight of the given day; ZIP cannot date anything before 1980. */
function dosDateTime(letterDate: string): { date: number; time: number } {
  const [year = 1980, month = 1, day = 1] = letterDate.split('-').map(Number);
  return { date: ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day, time: 0 };
}

/**
 * Rewrites the modification time of every entry, in the central directory and in each local
 * header, walking the archive by its own directory (APPNOTE 4.3.12 and 4.3.7). The entry data
 * and CRCs do not cover these fields, so nothing else changes.
 */
export function fixZipTimestamps(zip: Buffer, letterDate: string): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(letterDate);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw new RangeError('docx output is not a ZIP archive: no end-of-central-directory record');
  const count = out.readUInt16LE(end + 10);
  let entry = out.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (out.readUInt32LE(entry) !== CENTRAL_ENTRY) throw new RangeError(`docx output has a malformed central directory at entry ${i}`);
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new RangeError(`docx output has a malformed local header for entry ${i}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
