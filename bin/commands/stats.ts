/**
 * `xxgk stats` (monthly roll-up + annual 表三/表四 from the register) and `xxgk log verify`
 * (the hash chain of the very-hidden event log). Host code: parsing, files, printing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadRegister } from '../../addin/usecases/register.ts';
import { verifyPortLog, writeStats } from '../../addin/usecases/stats.ts';
import { TABLE3_CORNER, monthlyCsv, table3Csv } from '../../forms-lib/stats/index.ts';
import type { MonthRow } from '../../forms-lib/stats/index.ts';
import { type Out, UsageError, format, parse, readInput, writeAtomic } from './common.ts';
import { rulesOf } from '../../addin/usecases/forms.ts';
import { loadSettingsFile } from './office.ts';

export const STATS_USAGE = `  xxgk stats 登记表.xlsx --year YYYY [--month YYYY-MM] [--format text|json]
            [--out 副本.xlsx] [--csv 目录] [--settings 机关设置.json] [--sheet 申请登记]
                                                          月度统计与年度报告表三 / monthly roll-up and annual table 3
  xxgk log verify 登记表.xlsx                              校验事件日志是否被改动 / verify the event log's hash chain`;

export async function cmdStats(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    month: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    settings: { type: 'string' },
    sheet: { type: 'string' },
  });
  const fmt = format(values.format);
  const file = positionals[0];
  const yearText = values.year as string | undefined;
  const month = values.month as string | undefined;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month 应为 YYYY-MM，而不是「${month}」`, `--month must be YYYY-MM, not "${month}"`);
  const yearGiven = yearText ?? month?.slice(0, 4);
  if (!yearGiven || !/^\d{4}$/.test(yearGiven)) throw new UsageError('需要 --year YYYY（四位年份）', 'Need --year YYYY (four digits)');
  const year = Number(yearGiven);
  if (month && month.slice(0, 4) !== yearGiven) throw new UsageError(`--month ${month} 不在 --year ${year} 内`, `--month ${month} is not in --year ${year}`);
  const dest = values.out as string | undefined;
  if (dest && file && path.resolve(dest) === path.resolve(file)) throw new UsageError('--out 不能与输入文件相同：原文件不会被改写', '--out must differ from the input: the input is never overwritten');
  const wb = readInput(file);
  const rules = values.settings ? rulesOf(loadSettingsFile(values.settings as string)) : undefined;
  const reg = await loadRegister(wb, values.sheet as string | undefined, { rules });
  for (const i of reg.issues.filter((x) => x.severity === 'error')) out.err(`登记表 ${i.cell}：${i.zh} / ${i.en}`);
  if (reg.rejectedRows.length) out.err(`提示：登记表有 ${reg.rejectedRows.length} 行因错误未计入统计（第 ${reg.rejectedRows.join('、')} 行）。 / ${reg.rejectedRows.length} register rows with errors were not counted.`);
  const res = await writeStats(wb, { applications: reg.records, year, month, rules });
  if (dest) writeAtomic(dest, wb.save());
  if (values.csv) {
    const dir = values.csv as string;
    fs.mkdirSync(dir, { recursive: true });
    writeAtomic(path.join(dir, `表三-${year}.csv`), new TextEncoder().encode('\uFEFF' + table3Csv(res.json.table3)));
    writeAtomic(path.join(dir, `月度统计-${month ?? year}.csv`), new TextEncoder().encode('\uFEFF' + monthlyCsv(res.json.monthly)));
  }
  if (fmt === 'json') {
    out.log(JSON.stringify(res.json, null, 2));
  } else {
    out.log(statsText(file!, year, res.json.monthly, res.json.table3, res.json.checks));
    if (res.log && !res.log.ok) out.err(`警告：事件日志校验未通过（第 ${res.log.firstBrokenRow} 行）：${res.log.reason?.zh ?? ''}`);
    if (dest) out.log(`\n已写入工作表 ${res.sheets.map((s) => `「${s}」`).join('')} → ${dest}`);
  }
  return res.json.checks.every((c) => c.ok) ? 0 : 1;
}

function pad(s: string | number, n: number): string {
  const str = String(s);
  const w = [...str].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return ' '.repeat(Math.max(0, n - w)) + str;
}

export function statsText(
  file: string,
  year: number,
  monthly: readonly MonthRow[],
  table3: { columns: readonly string[]; rows: readonly { label: string; values: readonly number[] }[] },
  checks: readonly { name: string; ok: boolean; detail?: string }[],
): string {
  const lines: string[] = [`${file} · ${year} 年`, '', '月度统计：', `${pad('月份', 8)}${pad('新收', 6)}${pad('办结', 6)}${pad('月末在办', 10)}${pad('月末逾期', 10)}${pad('延期', 6)}${pad('平均用时', 10)}${pad('最长用时', 10)}`];
  for (const m of monthly) {
    lines.push(`${pad(m.month, 8)}${pad(m.received, 6)}${pad(m.closed, 6)}${pad(m.openAtMonthEnd, 10)}${pad(m.overdueAtMonthEnd, 10)}${pad(m.extended, 6)}${pad(m.avgWorkingDaysToReply ?? '—', 10)}${pad(m.maxWorkingDaysToReply ?? '—', 10)}`);
  }
  lines.push('', `年度报告表三 ${TABLE3_CORNER}`, `${' '.repeat(2)}${table3.columns.map((c) => pad(c, 14)).join('')}  项目`);
  for (const r of table3.rows) lines.push(`  ${r.values.map((v) => pad(v, 14)).join('')}  ${r.label}`);
  lines.push('', '勾稽关系：');
  for (const c of checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.name}${!c.ok && c.detail ? `：${c.detail}` : ''}`);
  return lines.join('\n');
}

export async function cmdLog(args: string[], out: Out): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(`未知的 log 子命令「${sub ?? ''}」（可用：verify）`, `Unknown log subcommand "${sub ?? ''}" (known: verify)`);
  const { values, positionals } = parse(rest, { format: { type: 'string' } });
  const fmt = format(values.format);
  const file = positionals[0];
  const wb = readInput(file);
  const v = await verifyPortLog(wb);
  if (fmt === 'json') out.log(JSON.stringify({ file, ...v }, null, 2));
  else if (!v.exists) out.log(`${file}：没有事件日志（尚未记录过事件）。 / no event log yet.`);
  else if (v.ok) out.log(`${file}：事件日志完整，共 ${v.rowCount} 条，哈希链校验通过。 / event log intact: ${v.rowCount} events, hash chain holds.`);
  else out.log(`${file}：事件日志在第 ${v.firstBrokenRow} 行断开：${v.reason?.zh ?? ''}\n/ event log broken at row ${v.firstBrokenRow}: ${v.reason?.en ?? ''}`);
  for (const w of v.warnings) out.err(`警告：${w.zh} / ${w.en}`);
  return v.ok ? 0 : 1;
}
