/**
 * What the bytes are, decided by content (magic numbers, zip entries, CFB streams), with the file
 * name only as a hint for CSV/TSV. Everything we cannot read becomes a WorkbookReadError here,
 * before SheetJS sees it: SheetJS happily "parses" random bytes as a one-column CSV.
 */
import * as XLSX from 'xlsx';
import { readErrors } from './errors.ts';
import type { DecodedText } from './csv.ts';
import { decodeText, looksLikeCsv } from './csv.ts';
import { OoxmlPackage } from './ooxml/package.ts';
import { ZipFormatError, looksLikeZip } from './ooxml/zip.ts';

export type FileFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'html' | 'spreadsheetml';

export type Sniffed =
  | { format: 'xlsx' | 'xlsm' | 'xlsb'; pkg: OoxmlPackage }
  | { format: 'ods'; pkg: OoxmlPackage }
  | { format: 'xls' }
  | { format: 'csv'; decoded: DecodedText }
  | { format: 'html' | 'spreadsheetml'; decoded: DecodedText };

export interface Limits {
  maxBytes: number;
  maxUnpackedBytes: number;
  maxCells: number;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, n: number): string => String.fromCharCode(...b.subarray(0, n));

export function sniff(bytes: Uint8Array, fileName: string, limits: Limits): Sniffed {
  if (bytes.length === 0) throw readErrors.empty(fileName, 'zero-bytes');
  if (bytes.length > limits.maxBytes) throw readErrors.tooLarge(fileName, bytes.length, limits.maxBytes, 'file');

  if (looksLikeZip(bytes)) return sniffZip(bytes, fileName, limits);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffCfb(bytes, fileName);
  if (ascii(bytes, 5) === '%PDF-') throw readErrors.notAWorkbook(fileName, 'PDF');
  if (ascii(bytes, 5) === '{\\rtf') throw readErrors.notAWorkbook(fileName, 'RTF');
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    ascii(bytes, 4) === 'GIF8' ||
    (ascii(bytes, 4) === 'RIFF' && ascii(bytes.subarray(8), 4) === 'WEBP') ||
    ascii(bytes, 2) === 'BM'
  ) {
    throw readErrors.notAWorkbook(fileName, 'image');
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || ascii(bytes, 4) === 'Rar!' || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    throw readErrors.notAWorkbook(fileName, 'compressed archive');
  }
  const decoded = decodeText(bytes);
  if (!decoded) throw readErrors.notAWorkbook(fileName, 'binary');
  const head = decoded.text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { format: 'spreadsheetml', decoded };
    if (/<table[\s>]/.test(decoded.text.slice(0, 1 << 20).toLowerCase())) return { format: 'html', decoded };
    throw readErrors.notAWorkbook(fileName, head.includes('<html') ? 'HTML' : 'XML');
  }
  if (looksLikeCsv(decoded.text, fileName)) return { format: 'csv', decoded };
  throw readErrors.notAWorkbook(fileName, 'text');
}

function sniffZip(bytes: Uint8Array, fileName: string, limits: Limits): Sniffed {
  let pkg: OoxmlPackage;
  try {
    pkg = OoxmlPackage.open(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw readErrors.truncated(fileName, e.message);
    throw e;
  }
  if (pkg.unpackedSize > limits.maxUnpackedBytes) throw readErrors.tooLarge(fileName, pkg.unpackedSize, limits.maxUnpackedBytes, 'unpacked');
  const names = pkg.entryNames;
  const lower = names.map((n) => n.toLowerCase());
  try {
    if (lower.includes('mimetype')) {
      const mime = new TextDecoder().decode(pkg.read('mimetype')).trim();
      if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || mime === 'application/vnd.oasis.opendocument.spreadsheet-template') {
        if (pkg.has('META-INF/manifest.xml') && pkg.readText('META-INF/manifest.xml').includes('encryption-data')) throw readErrors.encrypted(fileName);
        pkg.verify((n) => n.endsWith('.xml'));
        return { format: 'ods', pkg };
      }
      if (mime.startsWith('application/vnd.oasis.opendocument.text')) throw readErrors.notAWorkbook(fileName, 'OpenDocument text (.odt)');
      throw readErrors.notAWorkbook(fileName, `OpenDocument (${mime})`);
    }
    let wbPath = '';
    try {
      wbPath = pkg.workbookPath().toLowerCase();
    } catch {
      wbPath = lower.includes('xl/workbook.xml') ? 'xl/workbook.xml' : lower.includes('xl/workbook.bin') ? 'xl/workbook.bin' : '';
    }
    if (wbPath.startsWith('word/')) throw readErrors.notAWorkbook(fileName, 'Word (.docx)');
    if (wbPath.startsWith('ppt/')) throw readErrors.notAWorkbook(fileName, 'PowerPoint (.pptx)');
    if (!wbPath || !pkg.has(wbPath)) throw readErrors.notAWorkbook(fileName, 'zip archive');
    // Damaged entries: check what the reader will parse (XML/bin parts, not media).
    pkg.verify((n) => !/\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|svg)$/i.test(n));
    if (wbPath.endsWith('.bin')) return { format: 'xlsb', pkg };
    const macro = lower.some((n) => n.endsWith('vbaproject.bin')) || /\.xlsm$/i.test(fileName);
    return { format: macro ? 'xlsm' : 'xlsx', pkg };
  } catch (e) {
    if (e instanceof ZipFormatError) throw readErrors.truncated(fileName, e.message);
    if (e instanceof Error && e.name !== 'WorkbookReadError' && /inflate|invalid|unexpected EOF|zlib/i.test(e.message)) throw readErrors.truncated(fileName, e.message);
    throw e;
  }
}

interface CfbLike {
  FullPaths: string[];
}

function sniffCfb(bytes: Uint8Array, fileName: string): Sniffed {
  let cfb: CfbLike;
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'array' }) as CfbLike;
  } catch (e) {
    throw readErrors.truncated(fileName, e instanceof Error ? e.message : String(e));
  }
  const streams = new Set(cfb.FullPaths.map((p) => p.slice(p.lastIndexOf('/', p.length - 2) + 1).replace(/\/$/, '').toLowerCase()));
  if (streams.has('encryptioninfo') || streams.has('encryptedpackage')) throw readErrors.encrypted(fileName);
  if (streams.has('workbook') || streams.has('book')) return { format: 'xls' };
  if (streams.has('worddocument')) throw readErrors.notAWorkbook(fileName, 'Word (.doc)');
  if (streams.has('powerpoint document')) throw readErrors.notAWorkbook(fileName, 'PowerPoint (.ppt)');
  throw readErrors.notAWorkbook(fileName, 'OLE container');
}
