import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { readZip } from '../../addin/port/file/ooxml/zip.ts';

/** Raw local record (header + compressed data) of every entry, by name. */
export function rawEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const z = readZip(bytes);
  const starts = z.entries.map((e) => e.localOffset).sort((a, b) => a - b);
  const out = new Map<string, Uint8Array>();
  for (const e of z.entries) {
    const next = starts.find((s) => s > e.localOffset) ?? z.cdOffset;
    out.set(e.name, bytes.slice(e.localOffset, next));
  }
  return out;
}

export function entryOrder(bytes: Uint8Array): string[] {
  return readZip(bytes).entries.map((e) => e.name);
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** A minimal xlsx from literal parts (tests of odd-but-valid XML). */
export function makeXlsx(sheetXml: string, extra: Record<string, string> = {}, sheetName = 'Sheet1'): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="7" r:id="rIdS"/></sheets></workbook>`,
    ),
    // The sheet part is deliberately not called sheet1.xml: the path must come from the rels.
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
    ),
    'xl/worksheets/data.xml': strToU8(sheetXml),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

export const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
