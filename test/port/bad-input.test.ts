import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, WorkbookReadError } from '../../addin/port/file/index.ts';
import type { ReadOptions, WorkbookReadErrorCode } from '../../addin/port/file/index.ts';
import { makeRichWorkbook } from '../fixtures/make-rich.ts';
import { makeXlsx, SHEET_NS } from './helpers.ts';

function readError(bytes: Uint8Array, name: string, options?: ReadOptions): WorkbookReadError {
  try {
    readWorkbook(bytes, name, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`expected WorkbookReadError, got ${String(e)}`);
  }
  throw new Error('expected readWorkbook to throw');
}

function expectError(e: WorkbookReadError, code: WorkbookReadErrorCode, zhWords: string[], enWords: string[]): void {
  expect(e.code).toBe(code);
  for (const w of zhWords) expect(e.zh).toContain(w);
  for (const w of enWords) expect(e.en.toLowerCase()).toContain(w.toLowerCase());
  expect(e.message.startsWith(e.zh)).toBe(true); // Chinese first
}

/** Deterministic pseudo-random bytes (no flaky tests). */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('readWorkbook: bad input', () => {
  let rich: Uint8Array;
  beforeAll(async () => {
    rich = await makeRichWorkbook();
  });

  it('random bytes: not-a-workbook (SheetJS alone would "parse" them as CSV)', () => {
    for (const seed of [1, 2, 3, 42]) {
      const e = readError(randomBytes(4096, seed), 'catalogue.xlsx');
      expectError(e, 'not-a-workbook', ['「catalogue.xlsx」不是电子表格文件'], ['not a spreadsheet']);
    }
  });

  it('a PDF: not-a-workbook naming PDF', () => {
    const pdf = strToU8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const e = readError(pdf, '目录.pdf');
    expectError(e, 'not-a-workbook', ['PDF', '不是电子表格文件'], ['PDF']);
    expect(e.details.detected).toBe('PDF');
  });

  it('a prose text file: not-a-workbook, even when named .xlsx', () => {
    const prose = strToU8('关于做好政府信息公开工作的通知\n\n各单位：为进一步做好政府信息公开工作，现将有关事项通知如下。请认真贯彻落实。\n');
    for (const name of ['notes.txt', 'catalogue.xlsx']) {
      const e = readError(prose, name);
      expectError(e, 'not-a-workbook', ['不是电子表格文件', '普通文本'], ['text']);
    }
  });

  it('a Word .docx and a plain zip: not-a-workbook naming what they are', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expectError(readError(docx, 'a.docx'), 'not-a-workbook', ['Word'], ['Word']);
    expectError(readError(zipSync({ 'a.txt': strToU8('x') }), 'a.zip'), 'not-a-workbook', ['ZIP'], ['zip']);
  });

  it('a password-protected xlsx (CFB with EncryptionInfo): encrypted, detected before SheetJS', () => {
    const enc = new Uint8Array(officeCrypto.encrypt(Buffer.from(rich), { password: '123456' }));
    expect([...enc.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const e = readError(enc, '目录.xlsx');
    expectError(e, 'encrypted', ['已加密', '密码'], ['encrypted', 'password']);
  });

  it('a truncated zip (first 60% of a real xlsx): truncated', () => {
    const e = readError(rich.slice(0, Math.floor(rich.length * 0.6)), '目录.xlsx');
    expectError(e, 'truncated', ['不完整或已损坏'], ['incomplete']);
  });

  it('a zip whose worksheet data is corrupt: truncated (damaged), not a crash', () => {
    const bad = rich.slice();
    // Corrupt the deflate stream of the first sheet.
    const name = strToU8('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i < bad.length - name.length; i++) {
      if (bad[i] === 0x50 && bad[i + 1] === 0x4b && bad[i + 2] === 3 && bad[i + 3] === 4 && name.every((b, k) => bad[i + 30 + k] === b)) {
        at = i;
        break;
      }
    }
    expect(at).toBeGreaterThan(-1);
    const data = at + 30 + name.length + (bad[at + 28] | (bad[at + 29] << 8));
    for (let i = 0; i < 40; i++) bad[data + 10 + i] = 0xff;
    const e = readError(bad, '目录.xlsx');
    expectError(e, 'truncated', ['不完整或已损坏'], ['damaged']);
    expect(e.details.cause).toMatch(/sheet1\.xml/);
  });

  it('a zero-byte file: empty', () => {
    expectError(readError(new Uint8Array(0), '目录.xlsx'), 'empty', ['空文件'], ['empty']);
  });

  it('a workbook with no sheets: empty', () => {
    const xml = `<worksheet xmlns="${SHEET_NS}"><sheetData/></worksheet>`;
    const bytes = makeXlsx(xml);
    // Strip the <sheet> element from workbook.xml.
    const noSheets = makeXlsx(xml, {
      'xl/workbook.xml':
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>',
    });
    expect(readWorkbook(bytes, 'ok.xlsx').readSheetSync().values).toEqual([]);
    const e = readError(noSheets, 'nosheets.xlsx');
    expectError(e, 'empty', ['没有任何工作表'], ['no worksheets']);
  });

  it('an empty sheet and an empty CSV-named file with only whitespace: empty grid, no throw', async () => {
    const e = new ExcelJS.Workbook();
    e.addWorksheet('Sheet1');
    const g = await readWorkbook(new Uint8Array(await e.xlsx.writeBuffer()), 'blank.xlsx').readSheet();
    expect(g.values).toEqual([]);
    expect(g.merges).toEqual([]);
    expect(readWorkbook(strToU8('\r\n'), 'blank.csv').readSheetSync().values).toEqual([]);
  });

  it('an unknown sheet name: no-such-sheet naming the sheets that exist', async () => {
    const wb = readWorkbook(rich, 'rich.xlsx');
    const err = (await wb.readSheet('Sheet1').catch((x: unknown) => x)) as WorkbookReadError;
    expectError(err, 'no-such-sheet', ['「Sheet1」', '「目录」', '「隐藏」'], ['"Sheet1"', '"目录"']);
    expect(err.details.sheets).toEqual(['目录', '说明', '隐藏', '日志']);
  });

  it('too large: file bytes, unpacked size (zip bomb) and cell count over the limits', () => {
    expectError(readError(rich, 'rich.xlsx', { maxBytes: 1000 }), 'too-large', ['过大', '上限'], ['too large']);
    // 40 MB of one repeated row compresses to a few tens of KB.
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const bomb = makeXlsx(`<worksheet xmlns="${SHEET_NS}"><sheetData>${row.repeat(40_000_000 / row.length)}</sheetData></worksheet>`);
    expect(bomb.length).toBeLessThan(1_000_000);
    expectError(readError(bomb, 'bomb.xlsx', { maxUnpackedBytes: 16 * 1024 * 1024 }), 'too-large', ['解压后的内容'], ['unpacked']);
    const wb = readWorkbook(rich, 'rich.xlsx', { maxCells: 10 });
    let err: unknown;
    try {
      wb.readSheetSync('目录');
    } catch (x) {
      err = x;
    }
    expectError(err as WorkbookReadError, 'too-large', ['非空单元格', '上限 10'], ['non-empty cells']);
  });

  it('unsupported write: xls and ods refuse save() with a zh/en explanation', () => {
    // covered with real xls/ods bytes in file-read.test.ts; here the message itself.
    const e = new WorkbookReadError('unsupported-write', 'z', 'e');
    expect(e.code).toBe('unsupported-write');
    expect(e.name).toBe('WorkbookReadError');
  });

  it('never hangs or crashes on small garbage of every length', () => {
    for (let n = 1; n < 64; n++) {
      for (const head of [[], [0x50, 0x4b, 3, 4], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]) {
        const b = new Uint8Array(n + head.length);
        b.set(head);
        b.set(randomBytes(n, n), head.length);
        try {
          readWorkbook(b, 'x.xlsx');
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookReadError);
        }
      }
    }
  });
});
