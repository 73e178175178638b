import { describe, expect, it } from 'vitest';
import { defineRules } from '../calendar/index.ts';
import { HALF_CLOSED, NON_BLOCKING, type RegisterGrid, readRegister } from './readRegister.ts';
import { deriveStatus } from './deriveStatus.ts';
import { REGISTER_COLUMNS, type RegisterColumn } from './types.ts';

type Scalar = string | number | boolean | null;
type Row = Partial<Record<RegisterColumn, Scalar>>;

const TITLE = '某局政府信息公开申请登记';
/** Columns A..W in contract order, header in row 2 under a title row. */
const BASE: Row = {
  登记编号: 'T-001', 收到日期: '2026-09-28', 申请方式: '当面', 申请人类型: '自然人', 申请人: '李华',
  证件类型: '居民身份证', 证件号码: '11010519491231002X', 联系电话: '13900000001', 通信地址: '云南省楚雄市示例路1号',
  邮政编码: '675000', 电子邮箱: 'lihua@example.com', 所需信息: '2025年专项资金分配结果。', 获取方式: '邮寄', 载体形式: '纸质', 承办科室: '办公室',
};

function grid(rows: Row[], special: RegisterGrid['special'] = undefined, header: readonly string[] = REGISTER_COLUMNS): RegisterGrid {
  const values: Scalar[][] = [[TITLE], [...header]];
  for (const r of rows) values.push(header.map((h) => (r as Record<string, Scalar>)[h] ?? null));
  return { sheet: '申请登记', values, ...(special ? { special } : {}) };
}

describe('readRegister: a clean register', () => {
  it('reads the header under a title row and the record with every field', () => {
    const r = readRegister(grid([{ ...BASE, 延期: '15', 办理结果: '予以公开', 答复日期: '2026年11月20日', 备注: '无' }]));
    expect(r.issues).toEqual([]);
    expect(r.header?.row).toBe(2);
    expect(r.header?.columns[0]).toEqual({ col: 1, label: '登记编号', column: '登记编号' });
    expect(r.records).toEqual([
      {
        row: 3, id: 'T-001', receivedOn: '2026-09-28', channel: '当面', applicantType: '自然人', applicant: '李华',
        idType: '居民身份证', idNumber: '11010519491231002X', phone: '13900000001', address: '云南省楚雄市示例路1号', postcode: '675000',
        email: 'lihua@example.com', request: '2025年专项资金分配结果。', delivery: '邮寄', medium: '纸质', department: '办公室',
        extensionDays: 15, outcome: 'disclose', repliedOn: '2026-11-20', note: '无', extra: {},
      },
    ]);
  });

  it('tolerates spaces inside labels, keeps extra columns, skips blank rows, reads date cells and serials', () => {
    const header = ['序号', ' 登记 编号 ', ...REGISTER_COLUMNS.slice(1, 11), '所需\n信息', ...REGISTER_COLUMNS.slice(12), '行政复议'];
    const values: Scalar[][] = [
      ['标题'], [], header,
      [1, 'T-001', '9/28/26', '网上', '公司', '楚雄示例商贸有限公司', '统一社会信用代码', '91350100m000100y43', null, null, null, null, '文件', null, null, null, null, null, '是', 46300, null, null, null, null, '否'],
      [2],
      [null, '   ', null],
    ];
    const r = readRegister({ sheet: '申请登记', values, special: { C4: { kind: 'date', iso: '2026-09-28' } } });
    expect(r.issues).toEqual([]);
    expect(r.header?.row).toBe(3);
    expect(r.header?.columns.at(-1)).toEqual({ col: 25, label: '行政复议', column: null });
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      row: 4, id: 'T-001', receivedOn: '2026-09-28', channel: '网络', applicantType: '商业企业', idNumber: '91350100M000100Y43',
      request: '文件', extensionDays: 20, consultFrom: '2026-10-05', extra: { 序号: '1', 行政复议: '否' },
    });
  });

  it('counts 是 as the office maximum', () => {
    const r = readRegister(grid([{ ...BASE, 延期: '是' }]), { rules: defineRules({ replyDays: 15, maxExtensionDays: 15 }) });
    expect(r.records[0].extensionDays).toBe(15);
  });

  it('infers the ID kind from the applicant type when 证件类型 is blank', () => {
    const r = readRegister(grid([{ ...BASE, 证件类型: null, 证件号码: '110105194912310021' }]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['resident-id-check-digit', 'G3']]);
  });
});

/** Each case: one change to the clean row 3 → exactly these issues. */
const CASES: [string, Row, RegisterGrid['special'] | undefined, [string, string, 'error' | 'warning'][]][] = [
  ['blank id', { 登记编号: null }, undefined, [['value-missing', 'A3', 'error']]],
  ['blank receipt date', { 收到日期: null }, undefined, [['value-missing', 'B3', 'error']]],
  ['blank request', { 所需信息: '  ' }, undefined, [['value-missing', 'L3', 'error']]],
  ['impossible date', { 收到日期: '2026-02-30' }, undefined, [['date-impossible', 'B3', 'error']]],
  ['impossible Chinese date', { 补正告知日期: '2026年9月31日' }, undefined, [['date-impossible', 'P3', 'error']]],
  ['date out of range', { 收到日期: 12 }, undefined, [['date-out-of-range', 'B3', 'error']]],
  ['not a date', { 答复日期: '国庆后', 办理结果: '予以公开' }, undefined, [['date-format', 'V3', 'error']]],
  ['error cell', { 收到日期: null }, { B3: { kind: 'error', error: '#REF!' } }, [['cell-error', 'B3', 'error']]],
  ['ambiguous channel', { 申请方式: '信函' }, undefined, [['channel-ambiguous', 'C3', 'error']]],
  ['unknown channel', { 申请方式: '微信' }, undefined, [['channel-unknown', 'C3', 'error']]],
  ['unknown applicant type', { 申请人类型: '外国人' }, undefined, [['applicant-type-unknown', 'D3', 'error']]],
  ['ambiguous applicant type', { 申请人类型: '法人', 证件类型: '统一社会信用代码', 证件号码: '91350100M000100Y43' }, undefined, [['applicant-type-ambiguous', 'D3', 'error']]],
  ['ID stored as a number', { 证件号码: 110105194912310000 }, undefined, [['id-number-as-number', 'G3', 'error']]],
  ['ID wrong length', { 证件号码: '110105491231002' }, undefined, [['resident-id-format', 'G3', 'error']]],
  ['ID bad region', { 证件号码: '991051194912310023' }, undefined, [['resident-id-region', 'G3', 'error']]],
  ['ID bad birth date', { 证件号码: '532301202602300668' }, undefined, [['resident-id-birth-date', 'G3', 'error']]],
  ['ID bad check digit', { 证件号码: '110105194912310021' }, undefined, [['resident-id-check-digit', 'G3', 'error']]],
  ['credit code bad chars', { 申请人类型: '商业企业', 证件类型: '统一社会信用代码', 证件号码: '91350100M00O100Y43' }, undefined, [['credit-code-format', 'G3', 'error']]],
  ['credit code bad check', { 申请人类型: '商业企业', 证件类型: '统一社会信用代码', 证件号码: '91350100M000100Y44' }, undefined, [['credit-code-check-char', 'G3', 'error']]],
  ['company with an ID card', { 申请人类型: '商业企业' }, undefined, [['id-type-mismatch', 'F3', 'warning']]],
  ['type without number', { 证件号码: null }, undefined, [['id-number-missing', 'G3', 'warning']]],
  ['postcode', { 邮政编码: '67500' }, undefined, [['postcode-format', 'J3', 'warning']]],
  ['email', { 电子邮箱: 'lihua@example' }, undefined, [['email-format', 'K3', 'warning']]],
  ['delivery', { 获取方式: '邮寄、飞鸽传书' }, undefined, [['delivery-unknown', 'M3', 'warning']]],
  ['extension too long', { 延期: '25' }, undefined, [['extension-too-long', 'R3', 'error']]],
  ['extension not understood', { 延期: '看情况' }, undefined, [['extension-invalid', 'R3', 'error']]],
  ['ambiguous outcome', { 办理结果: '不予公开', 答复日期: '2026-10-20' }, undefined, [['outcome-ambiguous', 'U3', 'error']]],
  ['unknown outcome', { 办理结果: '已办结', 答复日期: '2026-10-20' }, undefined, [['outcome-unknown', 'U3', 'error']]],
  ['reply before receipt', { 办理结果: '予以公开', 答复日期: '2026-09-27' }, undefined, [['date-order', 'V3', 'error']]],
  ['reply before supplement', { 补正告知日期: '2026-09-30', 补正收到日期: '2026-10-12', 办理结果: '予以公开', 答复日期: '2026-10-09' }, undefined, [['date-order', 'V3', 'error']]],
  ['notice before receipt', { 补正告知日期: '2026-09-25' }, undefined, [['date-order', 'P3', 'error']]],
  ['supplement before notice', { 补正告知日期: '2026-10-09', 补正收到日期: '2026-10-08' }, undefined, [['date-order', 'Q3', 'error']]],
  ['consultation before receipt', { 征求意见起: '2026-09-01' }, undefined, [['date-order', 'S3', 'error']]],
  ['consultation end before start', { 征求意见起: '2026-10-12', 征求意见止: '2026-10-09' }, undefined, [['date-order', 'T3', 'error']]],
  ['supplement without notice', { 补正收到日期: '2026-10-12' }, undefined, [['supplement-without-notice', 'Q3', 'error']]],
  ['consultation end without start', { 征求意见止: '2026-10-12' }, undefined, [['consultation-without-start', 'T3', 'error']]],
  ['outcome without reply date', { 办理结果: '予以公开' }, undefined, [['reply-date-missing', 'V3', 'error']]],
  ['reply date without outcome', { 答复日期: '2026-10-20' }, undefined, [['outcome-missing', 'U3', 'error']]],
];

describe('readRegister: every issue at its cell', () => {
  it.each(CASES)('%s', (_name, patch, special, expected) => {
    const r = readRegister(grid([{ ...BASE, ...patch }], special));
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual(expected);
    const blocking = r.issues.some((i) => i.severity === 'error' && !NON_BLOCKING.has(i.column) && !HALF_CLOSED.has(i.code));
    expect(blocking).toBe(expected.some(([code, , sev]) => sev === 'error' && !/^(resident-id|credit-code|id-number|reply-date-missing|outcome-missing)/.test(code)));
    expect(r.records).toHaveLength(blocking ? 0 : 1);
    expect(r.rejectedRows).toEqual(blocking ? [3] : []);
    expect(r.rejected.map((x) => x.row)).toEqual(r.rejectedRows);
    for (const i of r.issues) {
      expect(i.sheet).toBe('申请登记');
      expect(i.row).toBe(3);
      expect(i.zh).not.toBe('');
      expect(i.en).not.toBe('');
    }
  });

  it('keeps a half-closed row (办理结果 without 答复日期, or the reverse) as an open application', () => {
    const r = readRegister(grid([{ ...BASE, 办理结果: '予以公开' }, { ...BASE, 登记编号: 'T-002', 答复日期: '2026-10-20' }]));
    expect(r.rejectedRows).toEqual([]);
    expect(r.records.map((a) => [a.id, a.outcome ?? null, a.repliedOn ?? null])).toEqual([
      ['T-001', 'disclose', null],
      ['T-002', null, '2026-10-20'],
    ]);
    expect(r.records.map((a) => deriveStatus(a, { today: '2026-10-21' }).state)).toEqual(['open', 'open']);
  });

  it('names the column and the first row of a duplicated 登记编号', () => {
    const r = readRegister(grid([BASE, { ...BASE, 登记编号: 'T-002' }, BASE]));
    expect(r.issues).toEqual([
      {
        severity: 'error', sheet: '申请登记', row: 5, col: 1, cell: 'A5', column: '登记编号', code: 'id-duplicate',
        zh: '登记编号「T-001」与第 3 行重复。', en: 'Registration number "T-001" duplicates row 3.',
      },
    ]);
    expect(r.records.map((a) => a.row)).toEqual([3, 4]);
  });

  it('names the impossible date and its cell', () => {
    const r = readRegister(grid([{ ...BASE, 收到日期: '2026年2月30日' }]));
    expect(r.issues[0]).toMatchObject({ cell: 'B3', column: '收到日期', zh: '「收到日期」"2026年2月30日" 不是存在的日期。' });
  });

  it('reports the expected check digit and keeps the row (statistics still count it)', () => {
    const r = readRegister(grid([{ ...BASE, 证件号码: '110105194912310021' }]));
    expect(r.issues[0].zh).toBe('居民身份证号码「110105194912310021」校验码错误（按 GB 11643 应为 X），请核对。');
    expect(r.issues[0].severity).toBe('error');
    expect(r.records.map((a) => [a.row, a.idNumber])).toEqual([[3, '110105194912310021']]);
    expect(r.rejectedRows).toEqual([]);
  });

  it('an ID stored as a number keeps the row without the lost digits', () => {
    const r = readRegister(grid([{ ...BASE, 证件号码: 110105194912310000 }]));
    expect(r.records).toHaveLength(1);
    expect(r.records[0].idNumber).toBeUndefined();
  });
});

describe('readRegister: rows left out keep their 登记编号', () => {
  it('names the 登记编号 of each rejected row when it can be read, and none when it is blank or an error value', () => {
    const r = readRegister(
      grid([
        { ...BASE, 登记编号: 'T-001', 申请人: null },
        { ...BASE, 登记编号: 'T-002', 收到日期: '2026-02-30' },
        { ...BASE, 登记编号: null },
        { ...BASE, 登记编号: '#N/A' },
        { ...BASE, 登记编号: 'T-005' },
      ], { A6: { kind: 'error', error: '#N/A' } }),
    );
    expect(r.records.map((a) => a.id)).toEqual(['T-005']);
    expect(r.rejectedRows).toEqual([3, 4, 5, 6]);
    expect(r.rejected).toEqual([{ row: 3, id: 'T-001' }, { row: 4, id: 'T-002' }, { row: 5 }, { row: 6 }]);
  });
});

describe('readRegister: header problems', () => {
  it('no header row', () => {
    const r = readRegister({ sheet: '申请登记', values: [['登记编号', '收到日期', '申请人'], ['A', 'B', 'C']] });
    expect(r.header).toBeNull();
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['header-not-found', 'A1']]);
  });

  it('a missing required column is an error naming it; a missing optional one a warning', () => {
    const header = REGISTER_COLUMNS.filter((c) => c !== '申请方式' && c !== '邮政编码');
    const r = readRegister(grid([BASE], undefined, header));
    // the issue sits on the header row's first cell, not on a cell past its end
    expect(r.issues.map((i) => [i.code, i.cell, i.column, i.severity])).toEqual([
      ['column-missing', 'A2', '申请方式', 'error'],
      ['column-missing-optional', 'A2', '邮政编码', 'warning'],
    ]);
    expect(r.issues[0].zh).toBe('缺少必需的列「申请方式」：表头在第 2 行（A2:U2），其中没有「申请方式」。');
    expect(r.issues[0].en).toBe('Required column "申请方式" is missing: the header is row 2 (A2:U2) and has no "申请方式".');
    expect(r.issues[1].zh).toBe('缺少列「邮政编码」（表头在第 2 行，A2:U2），按空白处理。');
    expect(r.records).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('a renamed required column: the message names the look-alike label and its cell, not an unrelated extra column', () => {
    const header = ['序号', ...REGISTER_COLUMNS.map((c) => (c === '收到日期' ? '收件日期' : c)), '行政复议'];
    const r = readRegister(grid([BASE], undefined, header));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['column-missing', 'A2']]);
    expect(r.issues[0].zh).toBe('缺少必需的列「收到日期」：表头在第 2 行（A2:Y2），其中没有「收到日期」；表头中的「收件日期」（C2）如是这一列，请改名为「收到日期」。');
    expect(r.issues[0].en).toBe('Required column "收到日期" is missing: the header is row 2 (A2:Y2) and has no "收到日期"; if "收件日期" (C2) is that column, rename it "收到日期".');
    expect(r.records).toEqual([]);
  });

  it('an optional column missing still reads records', () => {
    const header = REGISTER_COLUMNS.filter((c) => c !== '邮政编码');
    const r = readRegister(grid([BASE], undefined, header));
    expect(r.issues.map((i) => i.code)).toEqual(['column-missing-optional']);
    expect(r.records).toHaveLength(1);
    expect(r.records[0].postcode).toBeUndefined();
  });

  it('a duplicated header label', () => {
    const r = readRegister(grid([BASE], undefined, [...REGISTER_COLUMNS, '申请人']));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['column-duplicate', 'X2']]);
  });
});
