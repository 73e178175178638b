/**
 * CLI host: argument parsing, file I/O and printing. Decisions live in the use-cases and core.
 * Exit codes: 0 = no errors, 1 = errors found, 2 = cannot read the input / usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { render } from '../addin/catalogue/messages.ts';
import type { Finding } from '../addin/catalogue/types.ts';
import { WorkbookReadError } from '../addin/port/file/errors.ts';
import { type ValidationReport, fixSheet, validateSheet } from '../addin/usecases/catalogue.ts';
import { LogIntegrityError } from '../addin/usecases/stats.ts';
import { MissingGlyphError, BasePdfError, TextDoesNotFitError } from '../forms-lib/pdf/index.ts';
import { StatsInputError } from '../forms-lib/stats/index.ts';
import { DocNumberNotUsedError, DocNumberPatternError, DocNumberTakenError, FillableFieldError, MissingInputError, SettingsError, UnknownFormError, officeCalendar } from '../forms-lib/templates/index.ts';
import { cmdForm, FORM_USAGE } from './commands/form.ts';
import { SAMPLE_SETTINGS, fontsFor, loadSettingsFile } from './commands/office.ts';
import { loadRegister } from '../addin/usecases/register.ts';
import { rollUpStats } from '../addin/usecases/stats.ts';
import { FormRequestError, fittingForms, generateForms, rulesOf } from '../addin/usecases/forms.ts';
import { cmdLog, cmdStats, STATS_USAGE } from './commands/stats.ts';
import { CliError, type Out, UsageError, format, parse, readInput, stdio, writeAtomic } from './commands/common.ts';

export { UsageError };


const USAGE = `用法 / Usage:
  xxgk validate FILE [--sheet 名称] [--format text|json]   校验主动公开事项目录 / validate a catalogue
  xxgk fix FILE --out FILE [--sheet 名称] [--unsafe] [--dry-run] [--format text|json]
                                                          修复并另存（不改原文件）/ fix into a copy
${FORM_USAGE}
${STATS_USAGE}
  xxgk demo [--out DIR]                                   用内置样例演示（默认输出到 demo-output/）/ run on built-in samples
  xxgk help                                               显示本帮助 / this help

退出码 / exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 无法读取或用法错误 cannot read / usage`;

/** Errors about the user's data or settings: reported, never a stack trace. */
const USER_ERRORS: (new (...a: never[]) => Error)[] = [
  FormRequestError, LogIntegrityError, StatsInputError, SettingsError, MissingInputError, DocNumberPatternError, DocNumberTakenError, DocNumberNotUsedError,
  UnknownFormError, FillableFieldError, MissingGlyphError, BasePdfError, TextDoesNotFitError,
];

export async function main(argv: string[], out: Out = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'validate':
        return await cmdValidate(rest, out);
      case 'fix':
        return await cmdFix(rest, out);
      case 'form':
        return await cmdForm(rest, out);
      case 'stats':
        return await cmdStats(rest, out);
      case 'log':
        return await cmdLog(rest, out);
      case 'demo':
        return await cmdDemo(rest, out);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.log(USAGE);
        return cmd ? 0 : 2;
      default:
        throw new UsageError(`未知命令「${cmd}」`, `Unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      out.err(`${e.zh}\n${e.en}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliError) {
      out.err(`错误：${e.zh}\nError: ${e.en}`);
      return e.exitCode;
    }
    if (USER_ERRORS.some((k) => e instanceof k)) {
      // These carry "中文 / English" messages naming the field, cell or JSON path.
      const [zh, ...en] = (e as Error).message.split(' / ');
      out.err(`错误：${zh}${en.length ? `\nError: ${en.join(' / ')}` : ''}`);
      return 2;
    }
    if (e instanceof WorkbookReadError) {
      out.err(`错误：${e.zh}\nError: ${e.en}`);
      return 2;
    }
    throw e;
  }
}

async function cmdValidate(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { sheet: { type: 'string' }, format: { type: 'string' } });
  const fmt = format(values.format);
  const file = positionals[0];
  const wb = readInput(file);
  const rep = await validateSheet(wb, values.sheet as string | undefined);
  if (fmt === 'json') out.log(JSON.stringify(toJson(file!, rep), null, 2));
  else out.log(textReport(file!, rep));
  return rep.stats.errors > 0 ? 1 : 0;
}

async function cmdFix(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    sheet: { type: 'string' },
    out: { type: 'string' },
    unsafe: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
  });
  const fmt = format(values.format);
  const file = positionals[0];
  const dest = values.out as string | undefined;
  const dry = !!values['dry-run'];
  if (!dest && !dry) throw new UsageError('fix 需要 --out 指定输出文件（不会改写原文件）', 'fix needs --out FILE (the input is never overwritten)');
  if (dest && file && path.resolve(dest) === path.resolve(file)) throw new UsageError('--out 不能与输入文件相同：原文件不会被改写', '--out must differ from the input: the input is never overwritten');
  const wb = readInput(file);
  const rep = await fixSheet(wb, { sheet: values.sheet as string | undefined, unsafe: !!values.unsafe, dryRun: dry });
  if (!dry && dest) {
    writeAtomic(dest, wb.save());
  }
  if (fmt === 'json') {
    out.log(JSON.stringify({ file, out: dry ? null : dest, dryRun: dry, unsafe: !!values.unsafe, passes: rep.passes, edits: rep.edits, skipped: rep.apply?.skipped ?? [], remaining: toJson(dest ?? file!, rep.after) }, null, 2));
  } else {
    const lines: string[] = [];
    lines.push(`${dry ? '试运行（未写文件）' : '已修复'}：${file} → ${dry ? '—' : dest}`);
    lines.push(`修改 ${rep.edits.length} 个单元格，共 ${rep.passes} 轮${rep.stoppedOnCycle ? '（检测到循环，已停止）' : ''}${rep.apply?.skipped.length ? `；${rep.apply.skipped.length} 处因单元格已变化而跳过` : ''}`);
    for (const e of rep.edits.slice(0, 200)) lines.push(`  ${e.cell.padEnd(6)} 「${short(e.expect)}」 → 「${short(e.set)}」`);
    if (rep.edits.length > 200) lines.push(`  …… 另有 ${rep.edits.length - 200} 处`);
    lines.push('');
    lines.push('修复后仍需人工处理：');
    lines.push(textReport(dest ?? file!, rep.after));
    out.log(lines.join('\n'));
  }
  return rep.after.stats.errors > 0 ? 1 : 0;
}

function short(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return s.length > 24 ? s.slice(0, 24) + '…' : s;
}

export function toJson(file: string, rep: ValidationReport) {
  return {
    file,
    sheet: rep.sheet,
    header: rep.header ? { row: rep.header.row, columns: rep.header.columns.map((c) => ({ col: c.col, field: c.field, label: c.label })) } : null,
    findings: rep.findings.map((f) => ({ ...f, message: render(f, 'zh-CN'), messageEn: render(f, 'en') })),
    stats: { items: rep.stats.items, errors: rep.stats.errors, warnings: rep.stats.warnings, infos: rep.stats.infos, ms: rep.stats.ms },
  };
}

const SEV_ZH: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

export function textReport(file: string, rep: ValidationReport): string {
  const lines: string[] = [];
  const h = rep.header;
  lines.push(`${file} · 工作表「${rep.sheet}」${h ? ` · 表头第 ${h.rows.join('–')} 行 · 事项 ${rep.stats.items} 行` : ''}`);
  for (const sev of ['error', 'warning', 'info'] as const) {
    const fs_ = rep.findings.filter((f) => f.severity === sev);
    if (!fs_.length) continue;
    lines.push('');
    lines.push(`${SEV_ZH[sev]}（${fs_.length}）`);
    for (const f of fs_) {
      const tag = f.fix ? (f.fix.applicability === 'safe' ? ' [可自动修复]' : ' [可修复，需 --unsafe]') : '';
      lines.push(`  ${f.cell.padEnd(6)} ${render(f)}  (${f.ruleId})${tag}`);
    }
  }
  lines.push('');
  const { errors, warnings, infos, fixable } = rep.stats;
  lines.push(`合计：错误 ${errors}，警告 ${warnings}，提示 ${infos}${fixable.safe ? `；其中 ${fixable.safe} 处可用 xxgk fix 自动修复` : ''}${fixable.unsafe ? `，${fixable.unsafe} 处加 --unsafe 可修复` : ''}。`);
  return lines.join('\n');
}

const SAMPLES = new URL('../test/fixtures/samples/', import.meta.url);

/**
 * The README's main command: validate and fix the bundled real catalogues, then, from the bundled
 * sample register, every form that fits each application (numbered and logged in a copy of the
 * register) and the statistics, all into demo-output/.
 */
async function cmdDemo(args: string[], out: Out): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = path.resolve((values.out as string | undefined) ?? 'demo-output');
  fs.mkdirSync(dir, { recursive: true });
  const samples = ['shangdang-district-catalogue.xlsx', 'changzhi-commerce-catalogue.xlsx'];
  for (const name of samples) {
    const src = new URL(name, SAMPLES).pathname;
    const dest = path.join(dir, name.replace(/\.xlsx$/, '.fixed.xlsx'));
    out.log(`\n=== 校验 / validate: ${name} ===`);
    await cmdValidate([src], out);
    out.log(`\n=== 修复 / fix: ${name} → ${dest} ===`);
    await cmdFix([src, '--out', dest], out);
  }
  await demoForms(dir, out);
  out.log(`\n输出目录 / output: ${dir}`);
  return 0;
}

async function demoForms(dir: string, out: Out): Promise<void> {
  const register = path.join(dir, 'register-sample.xlsx');
  fs.copyFileSync(new URL('register-sample.xlsx', SAMPLES), register);
  const extras = JSON.parse(fs.readFileSync(new URL('demo-extras.json', SAMPLES), 'utf8')) as Record<string, Record<string, string>>;
  const settings = loadSettingsFile(SAMPLE_SETTINGS.pathname);
  const formsDir = path.join(dir, 'forms');
  fs.rmSync(formsDir, { recursive: true, force: true });
  fs.mkdirSync(formsDir, { recursive: true });
  out.log(`\n=== 文书 / forms: 样例登记表 register-sample.xlsx（${DEMO_TODAY}）→ ${formsDir} ===`);
  const wb = readInput(register);
  const calendar = officeCalendar(settings);
  const reg = await loadRegister(wb, undefined, { today: DEMO_TODAY, rules: rulesOf(settings), calendar });
  let count = 0;
  for (const [i, app] of reg.records.entries()) {
    const fitting = fittingForms(app, reg.statuses[i]!);
    for (const f of fitting) {
      const [r] = await generateForms(wb, [app.id], { type: f.id, settings, fonts: fontsFor(settings), today: DEMO_TODAY, calendar, extra: extras[f.id], log: { operator: '演示' } });
      const file = path.join(formsDir, `${app.id}-${f.id}.pdf`);
      writeAtomic(file, r!.pdf);
      count++;
    }
    out.log(`  ${app.id} ${app.applicant}（${STATE_ZH[reg.statuses[i]!.state]}）：${fitting.map((f) => f.zh).join('、')}`);
  }
  const stats = await rollUpStats(wb, { year: Number(DEMO_TODAY.slice(0, 4)), today: DEMO_TODAY, rules: rulesOf(settings), calendar });
  writeAtomic(register, wb.save());
  out.log(`共生成 ${count} 份 PDF；文号与事件已记入 ${register} 的隐藏日志，统计写入「${stats.sheets.join('」「')}」。`);
  out.log(`Generated ${count} PDFs; 文号 and events logged in the register copy, statistics sheets written.`);
}

const DEMO_TODAY = '2026-11-20';
const STATE_ZH: Record<string, string> = {
  open: '办理中', 'awaiting-correction': '待补正', consulting: '征求意见中', extended: '已延期', 'due-soon': '即将到期', overdue: '已逾期', closed: '已办结',
};
