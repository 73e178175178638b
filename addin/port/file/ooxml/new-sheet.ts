/**
 * Sheets the product writes whole (the very-hidden event log, 「月度统计」, 「年度报告表三」): the
 * worksheet XML, adding it to the package (part, content-type override, workbook relationship,
 * <sheet> entry), replacing a product sheet's part, and one bold cell style for header rows.
 * Every other part of the package is left byte for byte as it was.
 */
import type { OoxmlPackage, SheetRef } from './package.ts';
import { REL_WORKSHEET, relsPathFor } from './package.ts';
import { attr, colLetters, elementPrefix, escapeCellText } from './sheet-xml.ts';

export type SheetCell = string | number | null;

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_R_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export class SheetWriteError extends Error {
  readonly code: 'bad-sheet-name' | 'not-product-sheet' | 'no-such-log' | 'cannot-write';
  readonly zh: string;
  readonly en: string;
  constructor(code: SheetWriteError['code'], zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'SheetWriteError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of \ / ? * [ ] :, not 'History'. */
export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw new SheetWriteError(
      'bad-sheet-name',
      `工作表名称「${name}」无效：应为 1–31 个字符，且不含 \\ / ? * [ ] :`,
      `sheet name ${JSON.stringify(name)} is invalid: 1–31 characters without \\ / ? * [ ] :`,
    );
  }
}

function escAttr(s: string): string {
  return escapeCellText(s).replace(/"/g, '&quot;');
}

function cellXml(ref: string, v: SheetCell, style: number | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (v === null || v === '') return style === undefined ? '' : `<c r="${ref}"${s}/>`;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${s}><v>${v}</v></c>`;
  const text = String(v);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

export interface WorksheetOptions {
  readonly headerRows?: number;
  readonly columnWidths?: readonly number[];
  /** cellXfs index of the bold style for header rows (none: header rows are plain). */
  readonly boldStyle?: number;
}

/** A complete worksheet part for `rows` (strings as inline strings, numbers as numbers). */
export function worksheetXml(rows: readonly (readonly SheetCell[])[], options: WorksheetOptions = {}): string {
  const headerRows = options.headerRows ?? 0;
  let maxCol = 1;
  const body: string[] = [];
  rows.forEach((r, i) => {
    const n = i + 1;
    const style = n <= headerRows ? options.boldStyle : undefined;
    let cells = '';
    r.forEach((v, k) => {
      const c = cellXml(`${colLetters(k + 1)}${n}`, v, style);
      if (c) {
        cells += c;
        if (k + 1 > maxCol) maxCol = k + 1;
      }
    });
    if (cells) body.push(`<row r="${n}">${cells}</row>`);
  });
  const lastRow = Math.max(1, rows.length);
  const views =
    headerRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRows + 1}" sqref="A${headerRows + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const widths = options.columnWidths ?? [];
  const cols = widths.some((w) => w > 0)
    ? `<cols>${widths
        .map((w, k) => (w > 0 ? `<col min="${k + 1}" max="${k + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>` : ''))
        .join('')}</cols>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="A1:${colLetters(maxCol)}${lastRow}"/>` +
    views +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    (body.length > 0 ? `<sheetData>${body.join('')}</sheetData>` : '<sheetData/>') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/**
 * Add a worksheet part and its <sheet> entry (at the end of the sheet list, so no sheet index
 * such as bookViews' activeTab or a local defined name's localSheetId moves).
 */
export function addWorksheet(pkg: OoxmlPackage, name: string, state: 'visible' | 'hidden' | 'veryHidden', xml: string): string {
  const wbPath = pkg.workbookPath();
  const wbDir = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : '';
  const existing = pkg.relationships(wbPath).filter((r) => r.type.endsWith('/worksheet'));
  const relType = existing[0]?.type ?? REL_WORKSHEET;
  let k = 1;
  while (pkg.has(`${wbDir}worksheets/sheet${k}.xml`)) k++;
  const path = `${wbDir}worksheets/sheet${k}.xml`;
  pkg.write(path, xml);
  pkg.addOverride(path, CT_WORKSHEET);
  const rId = pkg.addRelationship(wbPath, relType, `worksheets/sheet${k}.xml`);

  const wb = pkg.readText(wbPath);
  const p = elementPrefix(wb, 'workbook');
  const root = new RegExp(`<${p.replace(/[.-]/g, '\\$&')}workbook\\b([^>]*)>`).exec(wb);
  const rootAttrs = root?.[1] ?? '';
  const nsDecl = /\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let rPrefix: string | undefined;
  for (const m of rootAttrs.matchAll(nsDecl)) {
    const uri = m[2] ?? m[3];
    if (uri === NS_R || uri === NS_R_STRICT) rPrefix = m[1];
  }
  const ids = [...wb.matchAll(new RegExp(`<${p.replace(/[.-]/g, '\\$&')}sheet\\b([^>]*?)/?>`, 'g'))].map((m) => Number(attr(m[1], 'sheetId') ?? 0));
  const sheetId = Math.max(0, ...ids.filter((n) => Number.isFinite(n))) + 1;
  const stateAttr = state === 'visible' ? '' : ` state="${state}"`;
  const idAttr = rPrefix ? `${rPrefix}:id="${rId}"` : `xmlns:r="${NS_R}" r:id="${rId}"`;
  const el = `<${p}sheet name="${escAttr(name)}" sheetId="${sheetId}"${stateAttr} ${idAttr}/>`;
  const close = wb.indexOf(`</${p}sheets>`);
  if (close < 0) throw new SheetWriteError('cannot-write', `workbook.xml 中找不到工作表列表，无法添加「${name}」`, `workbook.xml has no sheet list; cannot add "${name}"`);
  pkg.write(wbPath, wb.slice(0, close) + el + wb.slice(close));
  return path;
}

/** Relationships of a sheet part that replacing its XML would orphan (tables, drawings, comments …). */
export function sheetDependents(pkg: OoxmlPackage, sheet: SheetRef): string[] {
  if (!pkg.has(relsPathFor(sheet.path))) return [];
  return pkg.relationships(sheet.path).map((r) => r.type.slice(r.type.lastIndexOf('/') + 1));
}

/** Replace a product sheet's part; drops the calcChain entries of its former formula cells. */
export function replaceWorksheet(pkg: OoxmlPackage, sheet: SheetRef, xml: string): void {
  const old = pkg.readText(sheet.path);
  const formulaCells: string[] = [];
  for (const m of old.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    if (m[2] && /<(?:[\w.-]+:)?f[\s/>]/.test(m[2])) {
      const r = attr(m[1], 'r');
      if (r) formulaCells.push(r);
    }
  }
  pkg.write(sheet.path, xml);
  pkg.dropCalcChainCells(sheet.sheetId, formulaCells);
}

/**
 * A cellXfs entry like the default one with a bold font, added once to styles.xml; its index,
 * or undefined when the workbook has no usable styles part (header rows are then left plain).
 */
export function addBoldStyle(pkg: OoxmlPackage): number | undefined {
  const wbPath = pkg.workbookPath();
  const rel = pkg.relationships(wbPath).find((r) => r.type.endsWith('/styles'));
  if (!rel || !pkg.has(rel.path)) return undefined;
  const xml = pkg.readText(rel.path);
  const p = elementPrefix(xml, 'styleSheet').replace(/[.-]/g, '\\$&');
  const fonts = new RegExp(`<${p}fonts\\b([^>]*)>([\\s\\S]*?)</${p}fonts>`).exec(xml);
  const xfs = new RegExp(`<${p}cellXfs\\b([^>]*)>([\\s\\S]*?)</${p}cellXfs>`).exec(xml);
  if (!fonts || !xfs || fonts.index > xfs.index) return undefined;
  const fontEls = [...fonts[2].matchAll(new RegExp(`<${p}font\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${p}font>)`, 'g'))].map((m) => m[0]);
  if (fontEls.length === 0) return undefined;
  const first = fontEls[0];
  const prefix = elementPrefix(xml, 'styleSheet');
  let bold: string;
  if (new RegExp(`<${p}b\\b`).test(first)) bold = first;
  else if (first.endsWith('/>')) bold = `${first.slice(0, -2)}><${prefix}b/></${prefix}font>`;
  else bold = first.replace(/>/, `><${prefix}b/>`);
  const fontId = fontEls.length;
  const xfCount = [...xfs[2].matchAll(new RegExp(`<${p}xf\\b`, 'g'))].length;
  const setCount = (attrs: string, n: number): string => (/\scount\s*=/.test(attrs) ? attrs.replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, ` count="${n}"`) : `${attrs} count="${n}"`);
  const newFonts = `<${prefix}fonts${setCount(fonts[1], fontId + 1)}>${fonts[2]}${bold}</${prefix}fonts>`;
  const newXf = `<${prefix}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
  const newXfs = `<${prefix}cellXfs${setCount(xfs[1], xfCount + 1)}>${xfs[2]}${newXf}</${prefix}cellXfs>`;
  const next = xml.slice(0, fonts.index) + newFonts + xml.slice(fonts.index + fonts[0].length, xfs.index) + newXfs + xml.slice(xfs.index + xfs[0].length);
  pkg.write(rel.path, next);
  return xfCount;
}
