import { describe, expect, it } from 'vitest';
import type { Application, OutcomeId } from '../../forms-lib/register/types.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../../forms-lib/register/types.ts';
import {
  CHECK_BALANCE,
  CHECK_CARRY,
  CHECK_LEAVES,
  CHECK_ROW_TOTAL,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  buildStats,
  checkTable3,
  table3,
  table3Csv,
  table4Csv,
  statsText,
  table3SheetRows,
} from '../../forms-lib/stats/index.ts';
import type { Table3 } from '../../forms-lib/stats/index.ts';
import { generateRegister } from './gen.ts';

/** The 25 labels exactly as domain.md §2 prints them. */
const OFFICIAL_ROWS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

/** Expected 表三 by plain counting on the ISO strings (independent of the implementation). */
function expectedTable(apps: readonly Application[], year: number): number[][] {
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const m = OFFICIAL_ROWS.map(() => [0, 0, 0, 0, 0, 0, 0]);
  for (const a of apps) {
    const c = APPLICANT_TYPES.indexOf(a.applicantType);
    const closed = a.outcome !== undefined && a.repliedOn !== undefined ? a.repliedOn : undefined;
    const add = (row: number): void => {
      m[row][c]++;
      m[row][6]++;
    };
    if (a.receivedOn >= y0 && a.receivedOn <= y1) add(0);
    if (a.receivedOn < y0 && (closed === undefined || closed >= y0)) add(1);
    if (closed !== undefined && closed >= y0 && closed <= y1) {
      add(2 + OUTCOMES.findIndex((o) => o.id === a.outcome));
      add(23);
    }
    if (a.receivedOn <= y1 && (closed === undefined || closed > y1)) add(24);
  }
  return m;
}

const app = (id: string, receivedOn: string, applicantType: Application['applicantType'], outcome?: OutcomeId, repliedOn?: string, extra: Record<string, string> = {}): Application => ({
  row: 0,
  id,
  receivedOn,
  channel: '网络',
  applicantType,
  applicant: id,
  request: '信息',
  extensionDays: 0,
  ...(outcome ? { outcome } : {}),
  ...(repliedOn ? { repliedOn } : {}),
  extra,
});

describe('表三 from a generated register of 260 applications over 2024–2025', () => {
  const apps = generateRegister({ count: 260, seed: 20250101, from: '2023-11-15', to: '2025-12-31' });

  it('covers every outcome, type and the year ends (the test data is what it claims)', () => {
    expect(apps.length).toBe(260);
    expect(new Set(apps.filter((a) => a.outcome).map((a) => a.outcome)).size).toBe(21);
    expect(new Set(apps.map((a) => a.applicantType)).size).toBe(6);
    const crossing = apps.filter((a) => a.receivedOn <= '2024-12-31' && a.repliedOn !== undefined && a.repliedOn >= '2025-01-01');
    expect(crossing.length).toBeGreaterThan(3);
    expect(apps.filter((a) => !a.outcome && a.receivedOn <= '2024-12-31').length).toBeGreaterThan(3);
  });

  for (const year of [2024, 2025]) {
    it(`gives exactly the counted values for ${year}, with the official columns and labels`, () => {
      const { table, warnings } = table3(apps, year);
      expect(warnings).toEqual([]);
      expect(table.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
      expect(table.rows.map((r) => r.label)).toEqual(OFFICIAL_ROWS);
      expect(table.rows.map((r) => r.values)).toEqual(expectedTable(apps, year));
      for (const c of checkTable3(table)) expect(c, c.name).toMatchObject({ ok: true });
    });
  }

  it('carries over across the year end: 2025 二 = 2024 四, and the check says so', () => {
    const t24 = table3(apps, 2024).table;
    const t25 = table3(apps, 2025).table;
    const out24 = t24.rows[24].values;
    expect(t25.rows[1].values).toEqual(out24);
    expect(out24[6]).toBeGreaterThan(5);
    const report = buildStats({ applications: apps, year: 2025 });
    expect(report.json.checks.map((c) => [c.name, c.ok])).toEqual([
      [CHECK_BALANCE, true],
      [CHECK_LEAVES, true],
      [CHECK_ROW_TOTAL, true],
      [CHECK_CARRY, true],
    ]);
    expect(report.previousTable3).toEqual(t24);
    // 2024's carry-in comes from the 2023 receipts
    const in24 = apps.filter((a) => a.receivedOn < '2024-01-01' && !(a.repliedOn && a.outcome && a.repliedOn < '2024-01-01')).length;
    expect(t24.rows[1].values[6]).toBe(in24);
  });
});

describe('表三: hand-written register', () => {
  // 2024: A received and closed; B received, closed 2025 (carried); C received 2023, closed 2024;
  // D received 2023, closed 2023 (not in 2024 at all); E received 2024, open; F received 2025.
  const apps = [
    app('A', '2024-03-01', '自然人', 'disclose', '2024-03-20'),
    app('B', '2024-12-20', '商业企业', 'refuse-safety', '2025-01-10'),
    app('C', '2023-12-28', '法律服务机构', 'not-handled-repeat', '2024-01-05'),
    app('D', '2023-05-01', '自然人', 'partial', '2023-05-10'),
    app('E', '2024-07-07', '其他'),
    app('F', '2025-02-01', '科研机构', 'other', '2025-02-10'),
    app('G', '2024-12-31', '社会公益组织', 'unable-not-held', '2024-12-31'),
  ];
  const row = (t: Table3, label: string): number[] => t.rows.find((r) => r.label === label)?.values ?? [];

  it('counts each cell as the definitions say', () => {
    const t = table3(apps, 2024).table;
    expect(row(t, '一、本年新收政府信息公开申请数量')).toEqual([1, 1, 0, 1, 0, 1, 4]);
    expect(row(t, '二、上年结转政府信息公开申请数量')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(row(t, '（一）予以公开')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(t, '2.重复申请')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(row(t, '1.本机关不掌握相关政府信息')).toEqual([0, 0, 0, 1, 0, 0, 1]);
    expect(row(t, '3.危及“三安全一稳定”')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(t, '（七）总计')).toEqual([1, 0, 0, 1, 1, 0, 3]);
    expect(row(t, '四、结转下年度继续办理')).toEqual([0, 1, 0, 0, 0, 1, 2]);
    const t25 = table3(apps, 2025).table;
    expect(row(t25, '二、上年结转政府信息公开申请数量')).toEqual([0, 1, 0, 0, 0, 1, 2]);
    expect(row(t25, '3.危及“三安全一稳定”')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(t25, '3.其他')).toEqual([0, 0, 1, 0, 0, 0, 1]);
    expect(row(t25, '四、结转下年度继续办理')).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });

  it('reports register rows that cannot be counted as written, and the checks then fail', () => {
    const bad = [...apps, { ...app('H', '2024-05-05', '自然人', 'disclose', '2023-12-01'), row: 9 }, { ...app('I', '2024-06-01', '自然人', 'disclose'), row: 10 }];
    const { table, warnings } = table3(bad, 2024);
    expect(warnings.map((w) => [w.row, w.code, w.column])).toEqual([
      [9, 'closed-before-received', '答复日期'],
      [10, 'closed-without-date', '答复日期'],
    ]);
    expect(warnings[0].zh).toBe('第 9 行（H）答复日期 2023-12-01 早于收到日期 2024-05-05');
    const checks = checkTable3(table);
    expect(checks[0]).toEqual({ name: CHECK_BALANCE, ok: false, detail: '自然人：3≠2；总计：7≠6' });
    expect(checks[1].ok).toBe(true);
  });
});

describe('rows that cannot be dated', () => {
  it('leaves out an application without a valid 收到日期 and keeps the rest in order', () => {
    const apps = [
      { ...app('A', '2024-03-01', '自然人', 'disclose', '2024-03-20'), row: 2 },
      { ...app('X', '2024-02-30', '商业企业'), row: 3 },
      { ...app('B', '2024-04-01', '其他', 'partial', '2024-13-01'), row: 4 },
      { ...app('C', '2024-05-01', '其他', 'other', '2024-05-10', { 行政复议: '维持' }), row: 5 },
    ];
    const r = buildStats({ applications: apps, year: 2024 });
    expect(r.warnings.map((w) => [w.row, w.code, w.column])).toEqual([
      [3, 'bad-date', '收到日期'],
      [4, 'bad-date', '答复日期'],
    ]);
    expect(r.json.table3.rows[0].values).toEqual([1, 0, 0, 0, 0, 2, 3]);
    expect(r.json.table3.rows[24].values).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(r.json.table4?.rows[0].values).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('buildStats input', () => {
  it('names the bad field', () => {
    expect(() => buildStats({ applications: [], year: 25 })).toThrowError(/\(year\)/);
    expect(() => buildStats({ applications: [], year: 2025, month: '2025/03' })).toThrowError(/\(month\)/);
    const empty = buildStats({ applications: [], year: 2025 });
    expect(empty.json.monthly).toHaveLength(12);
    expect(empty.json.table3.rows.every((r) => r.values.every((v) => v === 0))).toBe(true);
    expect(empty.json.checks.every((c) => c.ok)).toBe(true);
  });
});

describe('勾稽 checks on typed-in tables', () => {
  it('name the failing column or row', () => {
    const t = table3([app('A', '2024-03-01', '自然人', 'disclose', '2024-03-20')], 2024).table;
    const broken: Table3 = { columns: t.columns, rows: t.rows.map((r) => ({ label: r.label, values: r.values.slice() })) };
    broken.rows[2].values[0] = 2; // （一） for 自然人 typed as 2
    broken.rows[2].values[6] = 2;
    const checks = checkTable3(broken);
    expect(checks.map((c) => c.ok)).toEqual([true, false, true]);
    expect(checks[1].detail).toBe('自然人：21项之和 2≠总计 1；总计：21项之和 2≠总计 1');
    broken.rows[0].values[6] = 9;
    expect(checkTable3(broken)[2].detail).toBe('一、本年新收政府信息公开申请数量：1≠9');
    const prev: Table3 = { columns: t.columns, rows: t.rows.map((r) => ({ label: r.label, values: r.label.startsWith('四') ? [1, 0, 0, 0, 0, 0, 1] : r.values })) };
    expect(checkTable3(t, prev)[3]).toEqual({ name: CHECK_CARRY, ok: false, detail: '自然人：本年二 0≠上年四 1；总计：本年二 0≠上年四 1' });
  });
});

describe('表三 rendering', () => {
  const t = table3([app('A', '2024-03-01', '自然人', 'disclose', '2024-03-20'), app('B', '2024-04-01', '其他')], 2024).table;

  it('prints the official layout with heading rows and the checks', () => {
    const s = table3SheetRows(t, checkTable3(t), 2024);
    expect(s.headerRows).toBe(4);
    expect(s.rows[0]).toEqual(['2024年度 收到和处理政府信息公开申请情况']);
    expect(s.rows[1][0]).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(s.rows[2]).toEqual([null, '自然人', '法人或其他组织', null, null, null, null, '总计']);
    expect(s.rows[3]).toEqual([null, null, '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', null]);
    const labels = s.rows.slice(4, 34).map((r) => r[0]);
    expect(labels).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开',
      ...OFFICIAL_ROWS.slice(4, 12),
      '（四）无法提供',
      ...OFFICIAL_ROWS.slice(12, 15),
      '（五）不予处理',
      ...OFFICIAL_ROWS.slice(15, 20),
      '（六）其他处理',
      ...OFFICIAL_ROWS.slice(20, 23),
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    expect(s.rows[4]).toEqual(['一、本年新收政府信息公开申请数量', 1, 0, 0, 0, 0, 1, 2]);
    expect(s.rows[6]).toEqual(['三、本年度办理结果', null, null, null, null, null, null, null]);
    expect(s.rows[35]).toEqual(['勾稽关系校验', '结果', '说明']);
    expect(s.rows[36]).toEqual([CHECK_BALANCE, '通过', '各列均相等（总计列：2+0=1+1）']);
  });

  it('writes CSV with the official labels and JSON with exactly 7 numbers per row', () => {
    const csv = table3Csv(t).split('\r\n');
    expect(csv[0]).toBe('项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计');
    expect(csv[1]).toBe('一、本年新收政府信息公开申请数量,1,0,0,0,0,1,2');
    expect(csv[3]).toBe('（一）予以公开,1,0,0,0,0,0,1');
    expect(csv[4]).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）,0,0,0,0,0,0,0');
    expect(csv).toHaveLength(27);
    const json = JSON.parse(JSON.stringify(t)) as Table3;
    expect(json.columns).toEqual([...TABLE3_COLUMNS]);
    expect(json.rows.map((r) => r.label)).toEqual([...TABLE3_ROW_LABELS]);
    expect(json.rows.every((r) => r.values.length === 7 && Object.keys(r).join() === 'label,values')).toBe(true);
  });
});

describe('表四 from 行政复议 / 行政诉讼 columns', () => {
  it('counts accepted spellings by the year of the reply and warns on others', () => {
    const apps = [
      app('A', '2024-02-01', '自然人', 'disclose', '2024-02-20', { 行政复议: '维持' }),
      app('B', '2024-02-01', '自然人', 'partial', '2024-03-01', { 行政复议: '结果纠正', 行政诉讼: '未审结' }),
      app('C', '2024-02-01', '自然人', 'other', '2024-04-01', { 行政诉讼: '维持' }),
      app('D', '2024-02-01', '自然人', 'other', '2024-04-02', { 行政诉讼: '复议后起诉：其他' }),
      app('E', '2024-02-01', '自然人', 'other', '2024-04-03', { 行政复议: '尚未审结', 行政诉讼: '' }),
      app('F', '2024-02-01', '自然人', 'other', '2024-04-04', { 行政复议: '胜诉' }),
      app('G', '2023-02-01', '自然人', 'other', '2023-04-04', { 行政复议: '维持' }),
      app('H', '2024-02-01', '自然人', 'other', '2024-04-05', { 行政复议: '无' }),
    ].map((a, i) => ({ ...a, row: i + 2 }));
    const r = buildStats({ applications: apps, year: 2024 });
    expect(r.json.table4).toEqual({
      columns: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      rows: [
        { label: '行政复议', values: [1, 1, 0, 1, 3] },
        { label: '行政诉讼·未经复议直接起诉', values: [1, 0, 0, 0, 1] },
        { label: '行政诉讼·复议后起诉', values: [0, 0, 1, 1, 2] },
      ],
    });
    expect(r.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[7, '行政复议', 'unknown-review-value']]);
    expect(r.json.checks.at(-1)).toEqual({ name: '表四：总计=维持+纠正+其他结果+尚未审结（各组）', ok: true, detail: '三组均相等' });
    expect(buildStats({ applications: apps.map((a) => ({ ...a, extra: {} })), year: 2024 }).json.table4).toBeUndefined();
    // with the header known: the column decides, even when every cell is blank (a report of zeros)
    expect(buildStats({ applications: apps.map((a) => ({ ...a, extra: {} })), year: 2024, columns: ['登记编号', '行政复议'] }).json.table4?.rows[0].values).toEqual([0, 0, 0, 0, 0]);
    expect(buildStats({ applications: apps, year: 2024, columns: ['登记编号'] }).json.table4).toBeUndefined();
    expect(table4Csv(r.json.table4!)).toBe('类别,结果维持,结果纠正,其他结果,尚未审结,总计\r\n行政复议,1,1,0,1,3\r\n行政诉讼·未经复议直接起诉,1,0,0,0,1\r\n行政诉讼·复议后起诉,0,0,1,1,2\r\n');
  });
});

describe('statsText', () => {
  it('prints the months, the 25 rows of 表三 under their headings (三、 and (三)–(六), no numbers) and the checks', () => {
    const apps = [app('A', '2024-03-01', '自然人', 'disclose', '2024-03-20'), app('B', '2024-04-01', '其他')];
    const r = buildStats({ applications: apps, year: 2024, month: '2024-03' });
    const lines = statsText(r.json, 2024).split('\n');
    expect(lines[0]).toBe('月度统计 / monthly');
    expect(lines[2]).toBe('  2024-03     1     1           0         0         0     0        13        13');
    expect(lines[4]).toBe('2024年度 表三 收到和处理政府信息公开申请情况');
    expect(lines[6].startsWith('  一、本年新收政府信息公开申请数量')).toBe(true);
    expect(lines[6].replace(/\s+/g, ' ').trim()).toBe('一、本年新收政府信息公开申请数量 1 0 0 0 0 1 2');
    expect(lines.filter((l) => /^ {2}\S.*\d$/.test(l) && !l.startsWith('  2024-') && !l.startsWith('  月份') && !/[✓✗]/.test(l))).toHaveLength(25);
    // the headings stand alone, as in the official table, right above their numbered rows
    const headings = lines.filter((l) => /^ {2}(三、|（[三四五六]）)\S*$/.test(l));
    expect(headings).toEqual(['  三、本年度办理结果', '  （三）不予公开', '  （四）无法提供', '  （五）不予处理', '  （六）其他处理']);
    expect(lines[lines.indexOf('  （三）不予公开') + 1].startsWith('  1.属于国家秘密')).toBe(true);
    expect(lines[lines.indexOf('  三、本年度办理结果') + 1].startsWith('  （一）予以公开')).toBe(true);
    expect(lines.slice(-6)).toEqual([
      '勾稽关系校验 / checks',
      `  ✓ ${CHECK_BALANCE}`,
      `  ✓ ${CHECK_LEAVES}`,
      `  ✓ ${CHECK_ROW_TOTAL}`,
      `  ✓ ${CHECK_CARRY}`,
      '',
    ]);
  });
});
