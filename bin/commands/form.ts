/**
 * `xxgk form`: official 依申请公开 documents as PDFs from a row of the 申请登记 register.
 *
 *   xxgk form --list
 *   xxgk form TYPE --register FILE --id 登记编号 --out FILE.pdf [--settings office.json] [--today YYYY-MM-DD]
 *             [--doc-number 文号] [--extra 键=值 …] [--log [--operator 姓名]] [--sheet 申请登记]
 *   xxgk form TYPE --register FILE --all-open --out DIR …
 *
 * With --log the event (type, 登记编号, 文号) is appended to the register workbook's very-hidden log,
 * saved atomically and losslessly; 文号 are always allocated past those already in that log.
 *
 * Exit codes: 0 all made; 1 --all-open left out rows with errors (listed on stderr, the others
 * made); 2 nothing made: usage, a register without its header or a required column, the --id
 * row missing or with errors, a bad --extra. What the register says against a document (formWarnings:
 * an extension past the reply limit, a late 补正告知书 …) is printed on stderr as 警告 / Warning and
 * in the JSON `warnings`; it does not change the exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listForms, officeCalendar } from '../../forms-lib/templates/index.ts';
import { type SkippedRow, generateForms, openApplications, rulesOf, skippedRowsMessage } from '../../addin/usecases/forms.ts';
import { RegisterUnreadableError } from '../../addin/usecases/register.ts';
import { CliError, type Out, UsageError, isoDateOption, noExtraArguments, parse, readInput, todayInChina, writeAtomic } from './common.ts';
import { SAMPLE_SETTINGS, fontsFor, loadSettingsFile } from './office.ts';

export const FORM_USAGE = `  xxgk form --list                                         列出文书类型 / list form types
  xxgk form 类型 --register 登记表.xlsx --id 登记编号 --out 文件.pdf
            [--settings 机关设置.json] [--today YYYY-MM-DD] [--doc-number 文号]
            [--extra 键=值]… [--log [--operator 姓名]] [--sheet 申请登记] [--force] [--format text|json]
                                                          按登记表一行生成文书 / one form from a register row
  xxgk form 类型 --register 登记表.xlsx --all-open --out 目录   对所有未办结申请批量生成 / batch for every open application`;

function extras(v: unknown): Record<string, string> {
  const list = v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [String(v)];
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`--extra 应写作 键=值，而不是「${item}」`, `--extra must be key=value, not "${item}"`);
    out[item.slice(0, i).trim()] = item.slice(i + 1);
  }
  return out;
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export async function cmdForm(args: string[], out: Out): Promise<number> {
  try {
    return await formCommand(args, out);
  } catch (e) {
    // a register that cannot be read is not an empty one: exit 2 naming the header row
    if (e instanceof RegisterUnreadableError) throw new CliError(e.zh, e.en, 2, 'register-unreadable');
    throw e;
  }
}

async function formCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    list: { type: 'boolean' },
    register: { type: 'string' },
    id: { type: 'string' },
    'all-open': { type: 'boolean' },
    out: { type: 'string' },
    settings: { type: 'string' },
    today: { type: 'string' },
    'doc-number': { type: 'string' },
    extra: { type: 'string', multiple: true },
    log: { type: 'boolean' },
    operator: { type: 'string' },
    sheet: { type: 'string' },
    format: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.list) {
    for (const f of listForms()) out.log(`${f.id}\t${f.zh}`);
    return 0;
  }
  const type = positionals[0];
  noExtraArguments(positionals, 1, 'form');
  const known = listForms();
  if (!type) throw new UsageError('缺少文书类型（xxgk form --list 可查看）', 'Missing the form TYPE (see xxgk form --list)');
  if (!known.some((f) => f.id === type)) {
    throw new UsageError(`未知的文书类型「${type}」（xxgk form --list 可查看）`, `Unknown form type "${type}" (see xxgk form --list)`);
  }
  const registerFile = values.register as string | undefined;
  if (!registerFile) throw new UsageError('缺少 --register 登记表文件', 'Missing --register FILE');
  const all = !!values['all-open'];
  const id = values.id as string | undefined;
  if (all === !!id) throw new UsageError('请给出 --id 登记编号 或 --all-open 之一', 'Give exactly one of --id or --all-open');
  const dest = values.out as string | undefined;
  if (!dest) throw new UsageError(all ? '--all-open 需要 --out 目录' : '缺少 --out 输出 PDF 文件', all ? '--all-open needs --out DIR' : 'Missing --out FILE.pdf');
  if (path.resolve(dest) === path.resolve(registerFile)) throw new UsageError('--out 不能是登记表本身', '--out must not be the register file');
  const today = isoDateOption(values.today, 'today') ?? todayInChina();
  const settings = loadSettingsFile((values.settings as string | undefined) ?? SAMPLE_SETTINGS.pathname);
  if (!values.settings) out.err('提示：未给出 --settings，使用内置示例机关设置（楚雄州商务局（示例））。 / Note: no --settings given, using the bundled sample office.');
  const wb = readInput(registerFile);
  const sheet = values.sheet as string | undefined;
  const calendar = officeCalendar(settings);
  const open = all ? await openApplications(wb, today, sheet, rulesOf(settings), calendar) : undefined;
  const ids = open ? open.ids : [id!];
  const skipped: SkippedRow[] = open?.skipped ?? [];
  // rows with errors get no form, and are said (exit 1) however the others turn out
  const reportSkipped = (): void => {
    if (!skipped.length) return;
    const m = skippedRowsMessage(skipped);
    out.err(`错误：${m.zh}\nError: ${m.en}`);
  };
  if (ids.length === 0) {
    out.log(skipped.length ? `没有可生成文书的未办结申请（${today}）。 / No open application to make a form for on ${today}.` : `没有未办结的申请（${today}）。 / No open applications on ${today}.`);
    reportSkipped();
    return skipped.length ? 1 : 0;
  }
  // an issued document is never replaced by accident: a PDF already there would lose the copy of
  // a 文号 the log records as issued (checked before anything is generated or logged)
  const fileOf = (appId: string) => (all ? path.join(dest, `${safeName(appId)}-${type}.pdf`) : dest);
  const existing = values.force ? [] : ids.map(fileOf).filter((f) => fs.existsSync(f));
  if (existing.length) {
    const list = existing.slice(0, 3).join('、') + (existing.length > 3 ? ` 等 ${existing.length} 个` : '');
    throw new UsageError(`输出文件已存在：${list}。请换一个 --out，或加 --force 覆盖`, `Output already exists: ${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ` and ${existing.length - 3} more` : ''}; choose another --out or add --force`);
  }
  const results = await generateForms(wb, ids, {
    type,
    settings,
    fonts: fontsFor(settings),
    today,
    calendar,
    docNumber: values['doc-number'] as string | undefined,
    extra: extras(values.extra),
    sheet,
    log: values.log ? { operator: values.operator as string | undefined } : undefined,
  });
  const written: { id: string; file: string; docNumber?: string; pages: number; provisional: boolean; warnings?: { code: string; zh: string; en: string }[] }[] = [];
  if (all) fs.mkdirSync(dest, { recursive: true });
  for (const r of results) {
    const file = fileOf(r.application.id);
    writeAtomic(file, r.pdf);
    written.push({ id: r.application.id, file, docNumber: r.docNumber, pages: r.pages, provisional: r.provisional, ...(r.warnings.length ? { warnings: r.warnings.map(({ code, zh, en }) => ({ code, zh, en })) } : {}) });
  }
  // what the register says against a document (an extension past the limit …): said, not refused
  for (const r of results) for (const w of r.warnings) out.err(`警告：${r.application.id}：${w.zh}\nWarning: ${r.application.id}: ${w.en}`);
  if (values.log) writeAtomic(registerFile, wb.save());
  if (values.format === 'json') {
    const skippedJson = skipped.map((x) => ({ row: x.row, ...(x.id ? { id: x.id } : {}), errors: x.errors.map((i) => ({ cell: i.cell, code: i.code, zh: i.zh, en: i.en })) }));
    out.log(JSON.stringify({ type, today, logged: !!values.log, forms: written, ...(all ? { skipped: skippedJson } : {}) }, null, 2));
  } else {
    const zh = known.find((f) => f.id === type)!.zh;
    for (const w of written) {
      out.log(`${zh}：${w.id} → ${w.file}（${w.pages} 页${w.docNumber ? `，文号 ${w.docNumber}` : ''}${w.provisional ? '，含暂定日期' : ''}）`);
    }
    if (values.log) out.log(`已记入登记表的事件日志：${registerFile}`);
    else if (results.some((r) => r.docNumber)) out.err('提示：未加 --log，本次文号未登记，之后可能重号。 / Note: without --log the 文号 issued are not recorded and could be issued again.');
  }
  reportSkipped();
  return skipped.length ? 1 : 0;
}
