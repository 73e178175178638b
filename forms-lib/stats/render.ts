/**
 * The statistics as sheet rows (「月度统计」, 「年度报告表三」, 「年度报告表四」) and as CSV text.
 * Sheet rows are plain values; a WorkbookPort writes them (bold header rows, column widths).
 */
import { CHANNELS } from '../calendar/index.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../register/types.ts';
import type { Check, Table3, Table4 } from './annual.ts';
import { ROW_CARRIED_IN, ROW_CARRIED_OUT, ROW_NEW, ROW_RESULTS, ROW_TOTAL, TABLE3_CORNER } from './annual.ts';
import type { MonthRow } from './monthly.ts';
import { OUTCOME_GROUPS } from './monthly.ts';

export type SheetValue = string | number | null;

export interface SheetRows {
  readonly rows: SheetValue[][];
  /** Leading rows to make bold and freeze. */
  readonly headerRows: number;
  /** Widths in characters by 0-based column. */
  readonly columnWidths: number[];
}

export const MONTHLY_SHEET = '月度统计';
export const TABLE3_SHEET = '年度报告表三';
export const TABLE4_SHEET = '年度报告表四';

/** Column headers of the monthly sheet for these months (form and catalogue columns as present). */
export function monthlyHeader(months: readonly MonthRow[]): string[] {
  const forms = months.length > 0 ? Object.keys(months[0].formsIssued) : [];
  const hasCatalogue = months.some((m) => m.catalogue);
  return [
    '月份',
    '新收申请',
    ...CHANNELS.map((c) => `申请方式·${c}`),
    ...APPLICANT_TYPES.map((t) => `申请人·${t}`),
    '办结',
    ...OUTCOME_GROUPS.map((g) => `办结·${g}`),
    '月末未办结',
    '月末逾期未办结',
    '逾期办结',
    '延期',
    '平均答复用时（工作日）',
    '最长答复用时（工作日）',
    ...forms.map((f) => `文书·${f}`),
    ...(hasCatalogue ? ['主动公开事项', '依申请公开事项'] : []),
  ];
}

/** 'YYYY-MM', or 「2026-12（截至12月4日）」 for the month still running. */
export function monthLabel(m: MonthRow): string {
  if (!m.asOf) return m.month;
  return `${m.month}（截至${Number(m.asOf.slice(5, 7))}月${Number(m.asOf.slice(8, 10))}日）`;
}

function monthValues(m: MonthRow, forms: readonly string[], hasCatalogue: boolean): SheetValue[] {
  return [
    monthLabel(m),
    m.received,
    ...CHANNELS.map((c) => m.receivedByChannel[c]),
    ...APPLICANT_TYPES.map((t) => m.receivedByApplicantType[t]),
    m.closed,
    ...OUTCOME_GROUPS.map((g) => m.closedByOutcome[g]),
    m.openAtMonthEnd,
    m.overdueAtMonthEnd,
    m.closedLate,
    m.extended,
    m.avgWorkingDaysToReply,
    m.maxWorkingDaysToReply,
    ...forms.map((f) => m.formsIssued[f] ?? 0),
    ...(hasCatalogue ? [m.catalogue?.proactive ?? null, m.catalogue?.onRequest ?? null] : []),
  ];
}

/**
 * 「月度统计」: a title row, the header row, one row per month and a 合计 row (flows summed;
 * 月末 figures of the last month; average weighted by replies; longest over all months).
 */
export function monthlySheetRows(months: readonly MonthRow[], title = '政府信息公开申请月度统计'): SheetRows {
  const header = monthlyHeader(months);
  const forms = months.length > 0 ? Object.keys(months[0].formsIssued) : [];
  const hasCatalogue = months.some((m) => m.catalogue);
  const rows: SheetValue[][] = [[title], header];
  for (const m of months) rows.push(monthValues(m, forms, hasCatalogue));
  if (months.length > 1) {
    const body = rows.slice(2);
    const total: SheetValue[] = header.map((h, k) => {
      if (k === 0) return '合计';
      if (h === '月末未办结' || h === '月末逾期未办结' || h === '主动公开事项' || h === '依申请公开事项') return body[body.length - 1][k];
      if (h === '最长答复用时（工作日）') {
        const xs = months.map((m) => m.maxWorkingDaysToReply).filter((x): x is number => x !== null);
        return xs.length > 0 ? Math.max(...xs) : null;
      }
      if (h === '平均答复用时（工作日）') {
        const closed = months.reduce((s, m) => s + m.closed, 0);
        const sum = months.reduce((s, m) => s + (m.avgWorkingDaysToReply ?? 0) * m.closed, 0);
        return closed > 0 ? Math.round((sum / closed) * 10) / 10 : null;
      }
      return body.reduce((s, r) => s + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
    });
    rows.push(total);
  }
  return { rows, headerRows: 2, columnWidths: header.map((h, k) => (k === 0 ? 10 : Math.max(8, Math.min(24, h.length * 2 + 2)))) };
}

/**
 * 「年度报告表三」 as printed: title, the three header rows (申请人情况 / 自然人, 法人或其他组织, 总计 /
 * the five organisation columns), the result rows with the heading rows 三、（三）…（六） that
 * carry no numbers, then the 勾稽 checks.
 */
export function table3SheetRows(table: Table3, checks: readonly Check[], year: number): SheetRows {
  const n = table.columns.length;
  const blank = (): SheetValue[] => new Array<SheetValue>(n).fill(null);
  const rows: SheetValue[][] = [
    [`${year}年度 收到和处理政府信息公开申请情况`],
    [TABLE3_CORNER, '申请人情况', ...new Array<SheetValue>(n - 1).fill(null)],
    [null, '自然人', '法人或其他组织', null, null, null, null, '总计'],
    [null, null, ...table.columns.slice(1, 6), null],
  ];
  const values = new Map(table.rows.map((r) => [r.label, r.values]));
  const line = (label: string): void => {
    rows.push([label, ...(values.get(label) ?? blank())]);
  };
  line(ROW_NEW);
  line(ROW_CARRIED_IN);
  rows.push([ROW_RESULTS, ...blank()]);
  let group = '';
  for (const o of OUTCOMES) {
    if (o.group !== group) {
      group = o.group;
      // groups with sub-rows ((三)–(六)) print a heading row without numbers
      if (o.group !== o.label) rows.push([group, ...blank()]);
    }
    line(o.label);
  }
  line(ROW_TOTAL);
  line(ROW_CARRIED_OUT);
  rows.push([]);
  rows.push(['勾稽关系校验', '结果', '说明']);
  for (const c of checks) rows.push([c.name, c.ok ? '通过' : '不符', c.detail]);
  return { rows, headerRows: 4, columnWidths: [62, 12, 14, 12, 14, 14, 10, 10] };
}

/** 「年度报告表四」: 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉), 5 columns each. */
export function table4SheetRows(table: Table4, checks: readonly Check[], year: number): SheetRows {
  const rows: SheetValue[][] = [
    [`${year}年度 政府信息公开行政复议、行政诉讼情况`],
    ['类别', ...table.columns],
    ...table.rows.map((r) => [r.label, ...r.values]),
    [],
    ['勾稽关系校验', '结果', '说明'],
    ...checks.map((c) => [c.name, c.ok ? '通过' : '不符', c.detail]),
  ];
  return { rows, headerRows: 2, columnWidths: [30, 10, 10, 10, 10, 10] };
}

function csvField(v: SheetValue | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends, no BOM: the caller adds one for Excel if it wants). */
export function toCsv(rows: readonly (readonly SheetValue[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** 表三 as CSV: a header line 「项目,自然人,…,总计」 and the 25 data rows. */
export function table3Csv(table: Table3): string {
  return toCsv([['项目', ...table.columns], ...table.rows.map((r) => [r.label, ...r.values])]);
}

/** 表四 as CSV: 「类别,结果维持,…,总计」 and the three groups. */
export function table4Csv(table: Table4): string {
  return toCsv([['类别', ...table.columns], ...table.rows.map((r) => [r.label, ...r.values])]);
}

/** The monthly roll-up as CSV: the header line and one line per month. */
export function monthlyCsv(months: readonly MonthRow[]): string {
  const s = monthlySheetRows(months);
  return toCsv(s.rows.slice(1));
}

function pad(s: string, width: number): string {
  // CJK characters take two columns in a terminal
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

/**
 * Plain-text report for a terminal (`--format text`): the months, 表三 with its 25 rows and the
 * checks (✓ / ✗ with the detail of a failure).
 */
export function statsText(json: { monthly: readonly MonthRow[]; table3: Table3; checks: readonly Check[]; table4?: Table4 }, year: number): string {
  const out: string[] = [];
  out.push(`月度统计 / monthly`);
  out.push(`  月份      新收  办结  月末未办结  月末逾期  逾期办结  延期  平均用时  最长用时`);
  for (const m of json.monthly) {
    const avg = m.avgWorkingDaysToReply === null ? '-' : String(m.avgWorkingDaysToReply);
    const max = m.maxWorkingDaysToReply === null ? '-' : String(m.maxWorkingDaysToReply);
    out.push(
      `  ${m.month}  ${String(m.received).padStart(4)}  ${String(m.closed).padStart(4)}  ${String(m.openAtMonthEnd).padStart(10)}  ${String(m.overdueAtMonthEnd).padStart(8)}  ${String(m.closedLate).padStart(8)}  ${String(m.extended).padStart(4)}  ${avg.padStart(8)}  ${max.padStart(8)}${m.asOf ? `  （截至 ${m.asOf}）` : ''}`,
    );
  }
  out.push('');
  out.push(`${year}年度 表三 收到和处理政府信息公开申请情况`);
  const labelWidth = 44;
  out.push(`  ${pad('', labelWidth)}${json.table3.columns.map((c) => pad(c, 13)).join('')}`);
  // the rows as the official table prints them: 三、 and the (三)–(六) headings without numbers
  const sheet = table3SheetRows(json.table3, [], year).rows;
  for (const r of sheet.slice(4, sheet.findIndex((x, i) => i >= 4 && x.length === 0))) {
    const text = String(r[0] ?? '');
    const label = text.length > 21 ? `${text.slice(0, 20)}…` : text;
    const values = r.slice(1);
    out.push(values.every((v) => v === null) ? `  ${label}` : `  ${pad(label, labelWidth)}${values.map((v) => pad(String(v), 13)).join('')}`);
  }
  if (json.table4) {
    out.push('');
    out.push(`${year}年度 表四 行政复议、行政诉讼情况`);
    out.push(`  ${pad('', 30)}${json.table4.columns.map((c) => pad(c, 10)).join('')}`);
    for (const r of json.table4.rows) out.push(`  ${pad(r.label, 30)}${r.values.map((v) => pad(String(v), 10)).join('')}`);
  }
  out.push('');
  out.push('勾稽关系校验 / checks');
  for (const c of json.checks) out.push(`  ${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `：${c.detail}`}`);
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}
