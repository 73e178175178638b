/**
 * Register dates in every cell format an office uses, through the file adapter, in time zones far
 * west and east of Beijing: the same ISO day each time.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { readRegister } from '../../forms-lib/register/index.ts';
import { REGISTER_COLUMNS } from '../../forms-lib/register/types.ts';

const FORMATS: [string, ExcelJS.CellValue, string | undefined][] = [
  ['yyyy-mm-dd', new Date(Date.UTC(2026, 8, 28)), 'yyyy-mm-dd'],
  ['m/d/yy', new Date(Date.UTC(2026, 8, 28)), 'm/d/yy'],
  ['d-mmm-yy', new Date(Date.UTC(2026, 8, 28)), 'd-mmm-yy'],
  ['yyyy/m/d', new Date(Date.UTC(2026, 8, 28)), 'yyyy/m/d'],
  ['Chinese long with weekday', new Date(Date.UTC(2026, 8, 28)), '[$-804]yyyy"年"m"月"d"日" dddd'],
  ['date-time', new Date(Date.UTC(2026, 8, 28, 23, 30)), 'yyyy-mm-dd hh:mm'],
  ['serial in a General cell', 46293, undefined],
  ['yyyymmdd number', 20260928, undefined],
  ['text 2026年9月28日', '2026年9月28日', undefined],
  ['text 2026/9/28', '2026/9/28', undefined],
  ['text 20260928', '20260928', '@'],
];

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申请登记');
  ws.addRow([...REGISTER_COLUMNS]);
  FORMATS.forEach(([, value, fmt], i) => {
    const row = ws.addRow([`T-${i + 1}`, value, '当面', '自然人', '李华', null, null, null, null, null, null, '文件']);
    if (fmt) row.getCell(2).numFmt = fmt;
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const savedTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('收到日期 in every cell format', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s', async (tz) => {
    process.env.TZ = tz;
    const port = readWorkbook(await workbook(), 'dates.xlsx');
    const r = readRegister(await port.readSheet('申请登记'));
    expect(r.issues).toEqual([]);
    expect(r.records.map((a) => a.receivedOn)).toEqual(FORMATS.map(() => '2026-09-28'));
  });
});
