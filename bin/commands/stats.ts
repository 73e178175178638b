/**
 * `xxgk stats` (monthly roll-up + annual 表三/表四 from the register) and `xxgk log verify`
 * (the hash chain of the very-hidden event log). Host code: parsing, files, printing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RegisterUnreadableError, assertRegisterReadable, loadRegister } from '../../addin/usecases/register.ts';
import { logEvents, rollUpStats, verifyPortLog } from '../../addin/usecases/stats.ts';
import { monthlyCsv, statsText, table3Csv, table4Csv } from '../../forms-lib/stats/index.ts';
import { CliError, type Out, UsageError, format, isoDateOption, noExtraArguments, parse, readInput, todayInChina, writeAtomic } from './common.ts';
import { rulesOf } from '../../addin/usecases/forms.ts';
import { officeCalendar } from '../../forms-lib/templates/index.ts';
import { loadSettingsFile } from './office.ts';

export const STATS_USAGE = `  xxgk stats 登记表.xlsx --year YYYY [--month YYYY-MM] [--format text|json]
            [--out 副本.xlsx] [--csv 目录] [--settings 机关设置.json] [--sheet 申请登记]
            [--catalogue 目录.xlsx [--catalogue-sheet 名称]] [--today YYYY-MM-DD]
                                                          月度统计与年度报告表三 / monthly roll-up and annual table 3
  xxgk log verify 登记表.xlsx                              校验事件日志是否被改动 / verify the event log's hash chain
  xxgk log sync 登记表.xlsx [--operator 姓名] [--settings 机关设置.json]
                                                          把登记表的状态变化记入事件日志 / log the register's state changes`;

/** A register that cannot be read (no header, a required column missing): exit 2, nothing printed as a result. */
async function readable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof RegisterUnreadableError) throw new CliError(e.zh, e.en, 2, 'register-unreadable');
    throw e;
  }
}

export async function cmdStats(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    month: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    settings: { type: 'string' },
    sheet: { type: 'string' },
    catalogue: { type: 'string' },
    'catalogue-sheet': { type: 'string' },
    today: { type: 'string' },
  });
  const fmt = format(values.format);
  const file = positionals[0];
  noExtraArguments(positionals, 1, 'stats');
  const yearText = values.year as string | undefined;
  const month = values.month as string | undefined;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month 应为 YYYY-MM，而不是「${month}」`, `--month must be YYYY-MM, not "${month}"`);
  const yearGiven = yearText ?? month?.slice(0, 4);
  if (!yearGiven || !/^\d{4}$/.test(yearGiven)) throw new UsageError('需要 --year YYYY（四位年份）', 'Need --year YYYY (four digits)');
  const year = Number(yearGiven);
  if (month && month.slice(0, 4) !== yearGiven) throw new UsageError(`--month ${month} 不在 --year ${year} 内`, `--month ${month} is not in --year ${year}`);
  const dest = values.out as string | undefined;
  if (dest && file && path.resolve(dest) === path.resolve(file)) throw new UsageError('--out 不能与输入文件相同：原文件不会被改写', '--out must differ from the input: the input is never overwritten');
  const today = isoDateOption(values.today, 'today') ?? todayInChina();
  if (values['catalogue-sheet'] !== undefined && values.catalogue === undefined) throw new UsageError('--catalogue-sheet 需要与 --catalogue 一起使用', '--catalogue-sheet needs --catalogue');
  const wb = readInput(file);
  const catalogue = values.catalogue ? await readInput(values.catalogue as string).readSheet(values['catalogue-sheet'] as string | undefined) : undefined;
  const office = values.settings ? loadSettingsFile(values.settings as string) : undefined;
  const rules = office ? rulesOf(office) : undefined;
  const calendar = office ? officeCalendar(office) : undefined;
  const res = await readable(() => rollUpStats(wb, { year, month, today, rules, calendar, sheet: values.sheet as string | undefined, catalogue }));
  const reg = res.register;
  for (const i of reg.issues.filter((x) => x.severity === 'error')) out.err(`登记表 ${i.cell}：${i.zh} / ${i.en}`);
  if (reg.rejectedRows.length) out.err(`提示：登记表有 ${reg.rejectedRows.length} 行因错误未计入统计（第 ${reg.rejectedRows.join('、')} 行）。 / ${reg.rejectedRows.length} register rows with errors were not counted.`);
  if (values.catalogue && !res.catalogue) out.err(`提示：「${values.catalogue as string}」中没有识别出目录表头，未统计目录事项。 / no catalogue header found in ${values.catalogue as string}; catalogue items not counted.`);
  if (dest) writeAtomic(dest, wb.save());
  if (values.csv) {
    const dir = values.csv as string;
    fs.mkdirSync(dir, { recursive: true });
    const bom = (t: string) => new TextEncoder().encode('\uFEFF' + t);
    writeAtomic(path.join(dir, `表三-${year}.csv`), bom(table3Csv(res.json.table3)));
    if (res.json.table4) writeAtomic(path.join(dir, `表四-${year}.csv`), bom(table4Csv(res.json.table4)));
    writeAtomic(path.join(dir, `月度统计-${month ?? year}.csv`), bom(monthlyCsv(res.json.monthly)));
  }
  // a damaged log makes the forms-per-month counts untrustworthy: said in both formats, exit 1
  const logOk = !res.log || res.log.ok;
  if (fmt === 'json') {
    const log = res.log
      ? { ok: res.log.ok, rowCount: res.log.rowCount, head: res.log.head, warnings: res.log.warnings.map((w) => w.code), ...(res.log.ok ? {} : { firstBrokenRow: res.log.firstBrokenRow, code: res.log.code, reason: res.log.reason }) }
      : null;
    out.log(JSON.stringify({ ...res.json, log, catalogue: res.catalogue }, null, 2));
  } else {
    out.log(`${file} · ${year} 年${month ? ` · ${month}` : ''}\n`);
    out.log(statsText(res.json, year).trimEnd());
    if (!res.json.monthly.length) out.log(`（${month ?? year} 尚未开始（今天是 ${today}），没有月度数据 / not begun yet on ${today}: no monthly figures）`);
    if (res.catalogue) out.log(`\n目录「${res.catalogue.sheet}」：事项 ${res.catalogue.counts.proactive} 项主动公开${res.catalogue.counts.onRequest !== undefined ? `，${res.catalogue.counts.onRequest} 项依申请公开` : ''}（计入 ${today.slice(0, 7)}）`);
    if (!res.log) out.log('\n事件日志：尚无（未生成过文书）');
    else if (res.log.ok) out.log(`\n事件日志：完整，共 ${res.log.rowCount} 条，末行哈希 ${res.log.head.slice(0, 16)}`);
    else out.log(`\n事件日志：第 ${res.log.firstBrokenRow} 行断开，文书件数不可信：${res.log.reason?.zh ?? ''}`);
    if (dest) out.log(`\n已写入工作表 ${res.sheets.map((s) => `「${s}」`).join('')} → ${dest}`);
  }
  for (const w of res.log?.warnings ?? []) out.err(`警告：${w.zh} / ${w.en}`);
  if (!logOk) out.err(`警告：事件日志校验未通过（第 ${res.log!.firstBrokenRow} 行）：${res.log!.reason?.zh ?? ''} / the event log does not verify: ${res.log!.reason?.en ?? ''}`);
  // rows left out for errors make the tables short by them, however well they add up: exit 1
  return res.json.checks.every((c) => c.ok) && logOk && reg.rejectedRows.length === 0 ? 0 : 1;
}

export async function cmdLog(args: string[], out: Out): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'sync') return cmdLogSync(rest, out);
  if (sub !== 'verify') throw new UsageError(`未知的 log 子命令「${sub ?? ''}」（可用：verify、sync）`, `Unknown log subcommand "${sub ?? ''}" (known: verify, sync)`);
  const { values, positionals } = parse(rest, { format: { type: 'string' } });
  const fmt = format(values.format);
  const file = positionals[0];
  noExtraArguments(positionals, 1, 'log verify');
  const wb = readInput(file);
  const v = await verifyPortLog(wb);
  if (fmt === 'json') out.log(JSON.stringify({ file, ...v }, null, 2));
  else if (!v.exists) out.log(`${file}：没有事件日志（尚未记录过事件）。 / no event log yet.`);
  else if (v.ok) out.log(`${file}：事件日志完整，共 ${v.rowCount} 条，哈希链校验通过，末行哈希 ${v.head.slice(0, 16)}。 / event log intact: ${v.rowCount} events, hash chain holds, head ${v.head.slice(0, 16)}.`);
  else out.log(`${file}：事件日志在第 ${v.firstBrokenRow} 行断开：${v.reason?.zh ?? ''}\n/ event log broken at row ${v.firstBrokenRow}: ${v.reason?.en ?? ''}`);
  for (const w of v.warnings) out.err(`警告：${w.zh} / ${w.en}`);
  return v.ok ? 0 : 1;
}

/**
 * `xxgk log sync FILE`: append the register's state changes the log has not seen (registered,
 * 补正, 延期, 征求意见, closed …) to the workbook's own log, saved atomically and losslessly. A broken
 * log is refused (exit 2) and the file left as it was.
 */
async function cmdLogSync(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { operator: { type: 'string' }, sheet: { type: 'string' }, settings: { type: 'string' }, format: { type: 'string' } });
  const fmt = format(values.format);
  const file = positionals[0];
  noExtraArguments(positionals, 1, 'log sync');
  const wb = readInput(file);
  const office = values.settings ? loadSettingsFile(values.settings as string) : undefined;
  const reg = await loadRegister(wb, values.sheet as string | undefined, { rules: office ? rulesOf(office) : undefined, calendar: office ? officeCalendar(office) : undefined });
  await readable(async () => assertRegisterReadable(reg));
  if (reg.rejectedRows.length) out.err(`提示：登记表有 ${reg.rejectedRows.length} 行因错误未记录（第 ${reg.rejectedRows.join('、')} 行）。 / ${reg.rejectedRows.length} register rows with errors were not logged.`);
  const r = await logEvents(wb, [], { register: reg.records, operator: values.operator as string | undefined });
  if (r.rows.length) writeAtomic(file!, wb.save());
  const counts: Record<string, number> = {};
  for (const row of r.rows) counts[row[3]!] = (counts[row[3]!] ?? 0) + 1;
  if (fmt === 'json') out.log(JSON.stringify({ file, appended: r.rows.length, byType: counts, created: r.created }, null, 2));
  else if (!r.rows.length) out.log(`${file}：登记表与事件日志一致，无需记录。 / the log is up to date with the register.`);
  else {
    const zh: Record<string, string> = { registered: '登记', 'state-changed': '状态变化', closed: '办结' };
    const parts = Object.entries(counts).map(([k, n]) => `${zh[k] ?? k} ${n}`).join('，');
    out.log(`${file}：已记入事件日志 ${r.rows.length} 条（${parts}）。 / ${r.rows.length} events logged.`);
  }
  return 0;
}
