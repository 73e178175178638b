/**
 * The annual report tables of 国办公开办函〔2021〕30号 computed from the register
 * (../shared/docs/domain.md §2): 表三 「收到和处理政府信息公开申请情况」 and 表四 「政府信息公开行政复议、
 * 行政诉讼情况」, with the 勾稽 (consistency) relations checked.
 *
 * 表三 for year Y, per 申请人类型 column:
 * - 一、新收: 收到日期 in Y.
 * - 二、上年结转: 收到日期 before Y and not closed before 1 January of Y.
 * - 办理结果 (21 leaf rows): closed (办理结果 + 答复日期) in Y, by 办理结果; （七）总计 = their sum.
 * - 四、结转下年度继续办理: received by 31 December of Y and not closed by it.
 */
import { dayNumberFromParts } from '../calendar/isoDate.ts';
import type { Application } from '../register/types.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../register/types.ts';
import type { Prepared, StatsWarning } from './prepare.ts';
import { prepare } from './prepare.ts';

export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

export const ROW_NEW = '一、本年新收政府信息公开申请数量';
export const ROW_CARRIED_IN = '二、上年结转政府信息公开申请数量';
export const ROW_RESULTS = '三、本年度办理结果';
export const ROW_TOTAL = '（七）总计';
export const ROW_CARRIED_OUT = '四、结转下年度继续办理';
/** The top-left cell of the printed table. */
export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The 25 data rows in table order: 一, 二, the 21 leaves, （七）总计, 四. */
export const TABLE3_ROW_LABELS: readonly string[] = [ROW_NEW, ROW_CARRIED_IN, ...OUTCOMES.map((o) => o.label), ROW_TOTAL, ROW_CARRIED_OUT];

export interface Table3Row {
  readonly label: string;
  /** Seven numbers: the six applicant columns, then 总计. */
  readonly values: number[];
}

export interface Table3 {
  readonly columns: string[];
  readonly rows: Table3Row[];
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  /** What failed, or what was compared; Chinese first. */
  readonly detail: string;
}

const LEAF0 = 2;
const I_TOTAL = LEAF0 + OUTCOMES.length;
const I_OUT = I_TOTAL + 1;
const NTYPE = APPLICANT_TYPES.length;

/** 表三 of `year` from prepared applications. */
export function table3FromPrepared(prepared: Prepared, year: number): Table3 {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`year must be a four-digit year, got ${year}`);
  const start = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year, 12, 31);
  const m: number[][] = TABLE3_ROW_LABELS.map(() => new Array<number>(NTYPE + 1).fill(0));
  const { received, closed, col, leaf } = prepared;
  for (let i = 0; i < prepared.length; i++) {
    const r = received[i];
    const c = closed[i];
    if (r > end) continue;
    const k = col[i];
    if (r >= start) m[0][k]++;
    else if (c >= start) m[1][k]++;
    if (c >= start && c <= end) m[LEAF0 + leaf[i]][k]++;
    if (c > end) m[I_OUT][k]++;
  }
  for (let k = 0; k < NTYPE; k++) {
    let s = 0;
    for (let i = LEAF0; i < I_TOTAL; i++) s += m[i][k];
    m[I_TOTAL][k] = s;
  }
  for (const row of m) {
    let s = 0;
    for (let k = 0; k < NTYPE; k++) s += row[k];
    row[NTYPE] = s;
  }
  return { columns: [...TABLE3_COLUMNS], rows: TABLE3_ROW_LABELS.map((label, i) => ({ label, values: m[i] })) };
}

export function table3(applications: readonly Application[], year: number): { table: Table3; warnings: StatsWarning[] } {
  const warnings: StatsWarning[] = [];
  return { table: table3FromPrepared(prepare(applications, warnings), year), warnings };
}

export const CHECK_BALANCE = '一+二=（七）总计+四（各列）';
export const CHECK_LEAVES = '（七）总计=21项办理结果之和（各列）';
export const CHECK_ROW_TOTAL = '总计=自然人+法人或其他组织5列之和（各行）';
export const CHECK_CARRY = '本年二=上年四（各列）';

/**
 * The 勾稽 relations of a 表三 (ours or one typed in from a published report): per column
 * 一+二 = （七）+四 and （七） = the sum of the 21 leaves; per row 总计 = the six columns; and, given
 * last year's table, this year's 二 = last year's 四.
 */
export function checkTable3(table: Table3, previousYear?: Table3): Check[] {
  const byLabel = new Map(table.rows.map((r) => [r.label, r.values]));
  const get = (label: string): number[] => byLabel.get(label) ?? new Array<number>(NTYPE + 1).fill(0);
  const cols = table.columns;
  const a = get(ROW_NEW);
  const b = get(ROW_CARRIED_IN);
  const t = get(ROW_TOTAL);
  const o = get(ROW_CARRIED_OUT);
  const leaves = OUTCOMES.map((x) => get(x.label));
  const checks: Check[] = [];

  const bad1 = cols.map((c, k) => ({ c, l: a[k] + b[k], r: t[k] + o[k] })).filter((x) => x.l !== x.r);
  checks.push({
    name: CHECK_BALANCE,
    ok: bad1.length === 0,
    detail: bad1.length === 0 ? `各列均相等（总计列：${a[NTYPE]}+${b[NTYPE]}=${t[NTYPE]}+${o[NTYPE]}）` : bad1.map((x) => `${x.c}：${x.l}≠${x.r}`).join('；'),
  });

  const bad2 = cols.map((c, k) => ({ c, s: leaves.reduce((s, v) => s + v[k], 0), t: t[k] })).filter((x) => x.s !== x.t);
  checks.push({
    name: CHECK_LEAVES,
    ok: bad2.length === 0,
    detail: bad2.length === 0 ? `各列均相等（总计列：${t[NTYPE]}）` : bad2.map((x) => `${x.c}：21项之和 ${x.s}≠总计 ${x.t}`).join('；'),
  });

  const bad3 = table.rows.filter((r) => r.values.slice(0, NTYPE).reduce((s, v) => s + v, 0) !== r.values[NTYPE]);
  checks.push({
    name: CHECK_ROW_TOTAL,
    ok: bad3.length === 0,
    detail: bad3.length === 0 ? `${table.rows.length} 行均相等` : bad3.map((r) => `${r.label}：${r.values.slice(0, NTYPE).reduce((s, v) => s + v, 0)}≠${r.values[NTYPE]}`).join('；'),
  });

  if (previousYear) {
    const prevOut = previousYear.rows.find((r) => r.label === ROW_CARRIED_OUT)?.values ?? [];
    const bad4 = cols.map((c, k) => ({ c, now: b[k], prev: prevOut[k] ?? 0 })).filter((x) => x.now !== x.prev);
    checks.push({
      name: CHECK_CARRY,
      ok: bad4.length === 0,
      detail: bad4.length === 0 ? `各列均相等（总计列：${b[NTYPE]}）` : bad4.map((x) => `${x.c}：本年二 ${x.now}≠上年四 ${x.prev}`).join('；'),
    });
  }
  return checks;
}

// ---- 表四 ------------------------------------------------------------------------------------

/** Register extra columns read for 表四. */
export const REVIEW_COLUMN = '行政复议';
export const LITIGATION_COLUMN = '行政诉讼';
export const TABLE4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const TABLE4_GROUPS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;

/**
 * Accepted spellings in the 行政复议 / 行政诉讼 cells (surrounding spaces ignored):
 * 维持 or 结果维持 → 结果维持; 纠正 or 结果纠正 (also 撤销, 确认违法, 责令履行) → 结果纠正;
 * 其他 or 其他结果 (also 驳回, 终止, 撤回) → 其他结果; 未审结 or 尚未审结 (also 审理中) → 尚未审结;
 * empty, 无, 否, '-', '/' → no case. A 行政诉讼 cell may start with 「复议后起诉：」 or 「直接起诉：」;
 * without it, a 行政诉讼 on an application that also has a 行政复议 is counted as 复议后起诉,
 * otherwise as 未经复议直接起诉. Anything else is reported as a warning and not counted.
 */
const REVIEW_VALUES: ReadonlyMap<string, number> = new Map([
  ['维持', 0],
  ['结果维持', 0],
  ['纠正', 1],
  ['结果纠正', 1],
  ['撤销', 1],
  ['确认违法', 1],
  ['责令履行', 1],
  ['其他', 2],
  ['其他结果', 2],
  ['驳回', 2],
  ['终止', 2],
  ['撤回', 2],
  ['未审结', 3],
  ['尚未审结', 3],
  ['审理中', 3],
]);
const NO_CASE = new Set(['', '无', '否', '-', '—', '/', '／']);

export interface Table4 {
  readonly columns: string[];
  readonly rows: { label: string; values: number[] }[];
}

function reviewValue(raw: string): number | null | undefined {
  const v = raw.trim();
  if (NO_CASE.has(v)) return null;
  return REVIEW_VALUES.get(v);
}

/**
 * 表四 for `year`, or undefined when the register has no 行政复议 or 行政诉讼 column (`columns`: the
 * register's header labels; without them, when no application carries either column). The
 * register has no dates for 复议/诉讼, so a case is counted in the year of the reply it
 * challenges (答复日期 in `year`).
 */
export function table4FromPrepared(prepared: Prepared, year: number, warnings: StatsWarning[], columns?: readonly string[]): Table4 | undefined {
  let present = columns !== undefined && (columns.includes(REVIEW_COLUMN) || columns.includes(LITIGATION_COLUMN));
  for (const a of columns === undefined ? prepared.apps : []) {
    if (a.extra[REVIEW_COLUMN] !== undefined || a.extra[LITIGATION_COLUMN] !== undefined) {
      present = true;
      break;
    }
  }
  if (!present) return undefined;
  const start = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year, 12, 31);
  const m = TABLE4_GROUPS.map(() => new Array<number>(TABLE4_COLUMNS.length).fill(0));
  for (let i = 0; i < prepared.length; i++) {
    if (prepared.closed[i] < start || prepared.closed[i] > end) continue;
    const p = { app: prepared.apps[i] };
    const warn = (column: string, raw: string): void => {
      warnings.push({
        code: 'unknown-review-value',
        row: p.app.row,
        id: p.app.id,
        column,
        zh: `第 ${p.app.row} 行（${p.app.id}）${column}「${raw}」无法识别，应为 维持 / 纠正 / 其他 / 未审结，未计入表四`,
        en: `row ${p.app.row} (${p.app.id}): ${column} ${JSON.stringify(raw)} is not one of 维持 / 纠正 / 其他 / 未审结; left out of 表四`,
      });
    };
    const rawReview = p.app.extra[REVIEW_COLUMN] ?? '';
    const review = reviewValue(rawReview);
    if (review === undefined) warn(REVIEW_COLUMN, rawReview);
    else if (review !== null) m[0][review]++;
    let rawLit = (p.app.extra[LITIGATION_COLUMN] ?? '').trim();
    let group = review !== null && rawReview.trim() !== '' ? 2 : 1;
    const prefixed = /^(复议后起诉|直接起诉|未经复议直接起诉)[：:]\s*/.exec(rawLit);
    if (prefixed) {
      group = prefixed[1] === '复议后起诉' ? 2 : 1;
      rawLit = rawLit.slice(prefixed[0].length);
    }
    const lit = reviewValue(rawLit);
    if (lit === undefined) warn(LITIGATION_COLUMN, p.app.extra[LITIGATION_COLUMN] ?? '');
    else if (lit !== null) m[group][lit]++;
  }
  for (const row of m) row[4] = row[0] + row[1] + row[2] + row[3];
  return { columns: [...TABLE4_COLUMNS], rows: TABLE4_GROUPS.map((label, i) => ({ label, values: m[i] })) };
}

/** 表四's relation: in each group, 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
export function checkTable4(table: Table4): Check[] {
  const bad = table.rows.filter((r) => r.values[0] + r.values[1] + r.values[2] + r.values[3] !== r.values[4]);
  return [
    {
      name: '表四：总计=维持+纠正+其他结果+尚未审结（各组）',
      ok: bad.length === 0,
      detail: bad.length === 0 ? '三组均相等' : bad.map((r) => `${r.label}：${r.values.slice(0, 4).reduce((s, v) => s + v, 0)}≠${r.values[4]}`).join('；'),
    },
  ];
}
