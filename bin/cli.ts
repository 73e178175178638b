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
import { CliError, type Out, UsageError, format, fsReason, noExtraArguments, outputExists, parse, readInput, stdio, unwritablePath, writeAtomic } from './commands/common.ts';

export { UsageError };


const VALIDATE_USAGE = `  xxgk validate FILE [--sheet 名称] [--format text|json]   校验主动公开事项目录 / validate a catalogue`;
const FIX_USAGE = `  xxgk fix FILE --out FILE [--sheet 名称] [--unsafe] [--dry-run] [--force] [--format text|json]
                                                          修复并另存（不改原文件）/ fix into a copy`;
const DEMO_USAGE = `  xxgk demo [--out DIR]                                   用内置样例演示（默认输出到 demo-output/）/ run on built-in samples`;
const EXIT_CODES = '退出码 / exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 无法读取或用法错误 cannot read / usage';

const USAGE = `用法 / Usage:
${VALIDATE_USAGE}
${FIX_USAGE}
${FORM_USAGE}
${STATS_USAGE}
${DEMO_USAGE}
  xxgk help                                               显示本帮助 / this help
  xxgk 命令 --help                                         某个命令的用法 / one command's usage

退出码 / exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 无法读取或用法错误 cannot read / usage`;

/** Errors about the user's data or settings: reported, never a stack trace. */
const USER_ERRORS: (new (...a: never[]) => Error)[] = [
  FormRequestError, LogIntegrityError, StatsInputError, SettingsError, MissingInputError, DocNumberPatternError, DocNumberTakenError, DocNumberNotUsedError,
  UnknownFormError, FillableFieldError, MissingGlyphError, BasePdfError, TextDoesNotFitError,
];

/** `xxgk CMD --help`: that command's lines of the usage. */
const COMMAND_USAGE: Record<string, string> = {
  validate: VALIDATE_USAGE,
  fix: FIX_USAGE,
  form: FORM_USAGE,
  stats: STATS_USAGE,
  log: STATS_USAGE,
  demo: DEMO_USAGE,
};

/** --help / -h among a command's arguments (before a `--` that ends the options). */
function asksHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** --format json given: a fatal error is then also printed as a JSON object on stdout. */
function wantsJson(args: string[]): boolean {
  const end = args.indexOf('--');
  const a = end < 0 ? args : args.slice(0, end);
  return a.some((x, i) => x === '--format=json' || (x === '--format' && a[i + 1] === 'json'));
}

type Failure = { code: string; zh: string; en: string; text: string; exit: number };

/** A known failure → what to print and the exit code; undefined for a bug (rethrown: stack trace). */
function describeFailure(e: unknown, cmd: string | undefined): Failure | undefined {
  if (e instanceof UsageError) {
    const help = cmd && COMMAND_USAGE[cmd] ? `xxgk ${cmd} --help` : 'xxgk --help';
    return { code: e.code, zh: e.zh, en: e.en, exit: 2, text: `用法错误：${e.zh} / Usage error: ${e.en}\n查看用法 / usage: ${help}` };
  }
  if (e instanceof CliError || e instanceof WorkbookReadError) {
    const exit = e instanceof CliError ? e.exitCode : 2;
    return { code: e.code, zh: e.zh, en: e.en, exit, text: `错误：${e.zh}\nError: ${e.en}` };
  }
  const kind = USER_ERRORS.find((k) => e instanceof k);
  if (kind) {
    // These carry "中文 / English" messages naming the field, cell or JSON path.
    const [zh = '', ...rest] = (e as Error).message.split(' / ');
    const en = rest.join(' / ');
    const code = kind.name.replace(/Error$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    return { code, zh, en, exit: 2, text: `错误：${zh}${en ? `\nError: ${en}` : ''}` };
  }
  const io = e as NodeJS.ErrnoException;
  if (e instanceof Error && typeof io.code === 'string' && typeof io.syscall === 'string' && typeof io.path === 'string') {
    // a file-system call in a command (e.g. creating an --out or --csv folder): the path and the reason in words
    const r = fsReason(e, io.path);
    const writing = ['mkdir', 'write', 'rename', 'copyfile', 'unlink', 'rm', 'rmdir', 'link', 'symlink'].includes(io.syscall);
    const zh = `${io.syscall === 'mkdir' ? '无法创建文件夹' : writing ? '无法写入' : '无法读取'}「${io.path}」：${r.zh}。`;
    const en = `${io.syscall === 'mkdir' ? 'Cannot create the folder' : writing ? 'Cannot write' : 'Cannot read'} "${io.path}": ${r.en}.`;
    return { code: writing ? 'cannot-write' : 'cannot-read', zh, en, exit: 2, text: `错误：${zh}\nError: ${en}` };
  }
  return undefined;
}

export async function main(argv: string[], out: Out = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd && COMMAND_USAGE[cmd] && asksHelp(rest)) {
      out.log(`用法 / Usage:\n${COMMAND_USAGE[cmd]}\n\n${EXIT_CODES}`);
      return 0;
    }
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
    const json = wantsJson(rest);
    const f = describeFailure(e, cmd);
    if (!f) {
      if (json) {
        const msg = e instanceof Error ? e.message : String(e);
        out.log(JSON.stringify({ error: { code: 'internal', zh: `内部错误：${msg}`, en: `Internal error: ${msg}` } }, null, 2));
      }
      throw e;
    }
    out.err(f.text);
    if (json) out.log(JSON.stringify({ error: { code: f.code, zh: f.zh, en: f.en } }, null, 2));
    return f.exit;
  }
}

async function cmdValidate(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { sheet: { type: 'string' }, format: { type: 'string' } });
  const fmt = format(values.format);
  noExtraArguments(positionals, 1, 'validate');
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
    force: { type: 'boolean' },
  });
  const fmt = format(values.format);
  noExtraArguments(positionals, 1, 'fix', { zh: '输出文件请用 --out 给出', en: 'give the output file with --out' });
  const file = positionals[0];
  const dest = values.out as string | undefined;
  const dry = !!values['dry-run'];
  const force = !!values.force;
  if (!dest && !dry) throw new UsageError('fix 需要 --out 指定输出文件（不会改写原文件）', 'fix needs --out FILE (the input is never overwritten)', 'missing-out');
  if (dest && file && sameFile(dest, file)) throw new UsageError('--out 不能与输入文件相同：原文件不会被改写', '--out must differ from the input: the input is never overwritten', 'out-is-input');
  const wb = readInput(file);
  // refused before any work: a folder or a file in the way, an --out not named like what is written,
  // an existing file (a register with its event log, …) that would be replaced by accident
  const bad = dest && !dry ? unwritablePath(dest) : undefined;
  if (bad) throw bad;
  if (dest && wb.writable) checkOutExtension(dest, path.extname(wb.suggestedFileName));
  if (dest && !dry && !force && fs.existsSync(dest)) throw outputExists(dest);
  const rep = await fixSheet(wb, { sheet: values.sheet as string | undefined, unsafe: !!values.unsafe, dryRun: dry });
  if (!dry && dest) {
    writeAtomic(dest, wb.save(), { overwrite: force });
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

/** The same file by path, or (when both exist) through a link. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/** The fixed copy is written in the input's own format: an --out named otherwise (.csv, .pdf, .ods …) is refused. */
function checkOutExtension(dest: string, ext: string): void {
  const given = path.extname(dest);
  if (given.toLowerCase() === ext.toLowerCase()) return;
  const fmt = ext.slice(1);
  const suggestion = `${given ? dest.slice(0, -given.length) : dest}${ext}`;
  const named = given ? `扩展名 ${given}` : '没有扩展名';
  const namedEn = given ? `ends in ${given}` : 'has no extension';
  throw new UsageError(
    `--out「${dest}」${named}，但修复后的副本与输入文件同为 ${fmt} 格式：请用 ${ext} 结尾的文件名（如「${suggestion}」）`,
    `--out "${dest}" ${namedEn}, but the fixed copy is ${fmt} like the input: give a file name ending in ${ext} (e.g. "${suggestion}")`,
    'output-extension',
  );
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
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  noExtraArguments(positionals, 0, 'demo', { zh: '输出目录请用 --out 给出', en: 'give the output folder with --out' });
  const dir = path.resolve((values.out as string | undefined) ?? 'demo-output');
  fs.mkdirSync(dir, { recursive: true });
  const samples = ['shangdang-district-catalogue.xlsx', 'changzhi-commerce-catalogue.xlsx'];
  for (const name of samples) {
    const src = new URL(name, SAMPLES).pathname;
    const dest = path.join(dir, name.replace(/\.xlsx$/, '.fixed.xlsx'));
    out.log(`\n=== 校验 / validate: ${name} ===`);
    await cmdValidate([src], out);
    out.log(`\n=== 修复 / fix: ${name} → ${dest} ===`);
    await cmdFix([src, '--out', dest, '--force'], out);
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
