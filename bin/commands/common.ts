/**
 * Shared CLI plumbing: usage errors, argument parsing, reading inputs, atomic writes, today's
 * date in China. Host code only (Node built-ins allowed here, never in the core).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type FileWorkbook, readWorkbook } from '../../addin/port/file/index.ts';

/** A mistake on the command line: exit 2, with a one-line hint to the command's --help. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** For programs (the `--format json` error object): 'usage', 'unknown-option', 'output-exists' … */
    readonly code = 'usage',
  ) {
    super(`${zh}\n${en}`);
  }
}

/** A failure the user can act on (bad data, bad settings, a path that cannot be read or written). */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode = 2,
    /** For programs (the `--format json` error object): 'cannot-read', 'cannot-write', 'not-found' … */
    readonly code = 'error',
  ) {
    super(`${zh}\n${en}`);
  }
}

export type Out = { log: (s: string) => void; err: (s: string) => void };
export const stdio: Out = { log: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Edit distance, for "did you mean --format?" (option names are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function closestOption(given: string, options: OptionSpec): string | undefined {
  const name = given.replace(/^-+/, '');
  let best: { name: string; d: number } | undefined;
  for (const o of Object.keys(options)) {
    const d = o.startsWith(name) && name.length >= 2 ? 1 : distance(name, o);
    if (d <= 2 && (!best || d < best.d)) best = { name: o, d };
  }
  return best && `--${best.name}`;
}

/** Node's parseArgs error (English only, with advice about '--') → one bilingual sentence naming the option. */
function argumentError(e: unknown, options: OptionSpec): UsageError {
  const err = e as Error & { code?: string };
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  const option = quoted?.replace(/\s*<value>$/, '').split(/,\s*/).pop();
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const near = closestOption(option, options);
    return new UsageError(
      `未知选项「${option}」${near ? `（是否想用 ${near}？）` : ''}`,
      `Unknown option "${option}"${near ? ` (did you mean ${near}?)` : ''}`,
      'unknown-option',
    );
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(err.message)
      ? new UsageError(`选项 ${option} 后面缺少值`, `Option ${option} needs a value`, 'missing-value')
      : new UsageError(`选项 ${option} 不带值`, `Option ${option} takes no value`, 'unexpected-value');
  }
  return new UsageError(`参数错误：${err.message}`, `Bad arguments: ${err.message}`);
}

export function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw argumentError(e, options);
  }
}

/** Refuse FILE arguments past the ones a command takes, naming the first one. */
export function noExtraArguments(positionals: string[], max: number, command: string, hint?: { zh: string; en: string }): void {
  const extra = positionals[max];
  if (extra === undefined) return;
  throw new UsageError(
    `多余的参数「${extra}」：${command} ${max === 0 ? '不接受文件参数' : max === 1 ? '只接受一个文件' : `只接受 ${max} 个文件`}${hint ? `；${hint.zh}` : ''}`,
    `Extra argument "${extra}": ${command} takes ${max === 0 ? 'no FILE' : max === 1 ? 'one FILE' : `${max} FILEs`}${hint ? `; ${hint.en}` : ''}`,
    'extra-argument',
  );
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of `p` that is a file where a folder is needed ('reg.xlsx' in 'reg.xlsx/x.pdf'). */
function fileInPath(p: string): string | undefined {
  let dir = path.dirname(path.resolve(p));
  for (;;) {
    const st = statOf(dir);
    if (st) return st.isDirectory() ? undefined : dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A file-system failure in words, both languages (the errno code only when we have no words for it). */
export function fsReason(e: unknown, p: string): { zh: string; en: string } {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件或文件夹不存在', en: 'no such file or folder' };
    case 'EISDIR':
      return { zh: `「${p}」是一个文件夹，不是文件`, en: `"${p}" is a folder, not a file` };
    case 'ENOTDIR':
    case 'EEXIST': {
      const f = fileInPath(p);
      if (f) return { zh: `路径中的「${rel(f)}」是文件，不是文件夹`, en: `"${rel(f)}" in the path is a file, not a folder` };
      return code === 'EEXIST' ? { zh: '同名文件已存在', en: 'a file of that name already exists' } : { zh: '路径中有一部分不是文件夹', en: 'part of the path is not a folder' };
    }
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有权限（请检查文件或文件夹的权限，或换一个位置）', en: 'permission denied (check the permissions, or choose another place)' };
    case 'EROFS':
      return { zh: '所在磁盘是只读的', en: 'the disk is read-only' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { zh: '磁盘空间不足', en: 'the disk is full' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { zh: '文件正被其他程序占用（例如已在 Excel 中打开），请关闭后再试', en: 'the file is in use by another program (open in Excel?); close it and try again' };
    case 'ENAMETOOLONG':
      return { zh: '路径太长', en: 'the path is too long' };
    case 'ELOOP':
      return { zh: '路径中的符号链接太多（可能是循环链接）', en: 'too many symbolic links in the path (a loop?)' };
    case 'EMFILE':
    case 'ENFILE':
      return { zh: '同时打开的文件太多，请稍后再试', en: 'too many open files; try again later' };
    default:
      return { zh: `系统错误（${code || err.message}）`, en: `system error (${code || err.message})` };
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件「${file}」：文件不存在。`, `File not found: "${file}" does not exist.`, 2, 'not-found');
    if (code === 'EISDIR') {
      throw new CliError(`「${file}」是一个文件夹，不是文件：请给出要读取的电子表格文件。`, `"${file}" is a folder, not a file: give the spreadsheet file to read.`, 2, 'is-a-folder');
    }
    const r = fsReason(e, file);
    throw new CliError(`无法读取文件「${file}」：${r.zh}。`, `Cannot read "${file}": ${r.en}.`, 2, code === 'ENOTDIR' ? 'not-found' : 'cannot-read');
  }
}

export function readInput(file: string | undefined): FileWorkbook {
  if (!file) throw new UsageError('缺少要处理的文件', 'Missing the input FILE', 'missing-file');
  return readWorkbook(readBytes(file), path.basename(file));
}

/** "Output already exists" (the wording of `form`): exit 2, nothing written. */
export function outputExists(dest: string): UsageError {
  return new UsageError(`输出文件已存在：${dest}。请换一个 --out，或加 --force 覆盖`, `Output already exists: ${dest}; choose another --out or add --force`, 'output-exists');
}

function cannotWrite(dest: string, reason: { zh: string; en: string }): CliError {
  return new CliError(`无法写入「${dest}」：${reason.zh}。`, `Cannot write "${dest}": ${reason.en}.`, 2, 'cannot-write');
}

/** A folder at `dest`, or a file where a folder of its path should be: the reason in words, else undefined. */
export function unwritablePath(dest: string): CliError | undefined {
  if (statOf(dest)?.isDirectory()) return cannotWrite(dest, { zh: `「${dest}」是一个文件夹，不是文件`, en: `"${dest}" is a folder, not a file` });
  const f = fileInPath(dest);
  if (f) return cannotWrite(dest, { zh: `路径中的「${path.relative(process.cwd(), f) || f}」是文件，不是文件夹`, en: `"${path.relative(process.cwd(), f) || f}" in the path is a file, not a folder` });
  return undefined;
}

export interface WriteOptions {
  /** false: refuse (outputExists) when `dest` exists, checked atomically as the file is put in place. Default true. */
  overwrite?: boolean;
}

/**
 * Write via a temporary file in the same folder and rename: a crash never leaves half a file,
 * a failure leaves no temporary file and whatever was at `dest` untouched. Failures are CliError
 * (exit 2) naming the path and the reason in words.
 */
export function writeAtomic(dest: string, bytes: Uint8Array, opts: WriteOptions = {}): void {
  const overwrite = opts.overwrite ?? true;
  const bad = unwritablePath(dest);
  if (bad) throw bad;
  if (!overwrite && fs.existsSync(dest)) throw outputExists(dest);
  const abs = path.resolve(dest);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
  } catch (e) {
    throw cannotWrite(dest, fsReason(e, dest));
  }
  const tmp = `${abs}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  let created = false;
  try {
    const fd = fs.openSync(tmp, 'wx');
    created = true;
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) fs.renameSync(tmp, abs);
    else placeNew(tmp, abs, dest);
  } catch (e) {
    if (created) fs.rmSync(tmp, { force: true });
    if (e instanceof UsageError || e instanceof CliError) throw e;
    throw cannotWrite(dest, fsReason(e, dest));
  }
}

/** Put `tmp` at `abs` only if nothing is there: a hard link fails if `abs` exists (no race with another writer). */
function placeNew(tmp: string, abs: string, dest: string): void {
  try {
    fs.linkSync(tmp, abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw outputExists(dest);
    // a file system without hard links (some network or FAT drives): check, then rename
    if (fs.existsSync(abs)) throw outputExists(dest);
    fs.renameSync(tmp, abs);
    return;
  }
  fs.rmSync(tmp, { force: true });
}

export function format(v: unknown): 'text' | 'json' {
  if (v === undefined || v === 'text') return 'text';
  if (v === 'json') return 'json';
  throw new UsageError(`--format 只能是 text 或 json，而不是「${String(v)}」`, `--format must be text or json, not "${String(v)}"`, 'bad-value');
}

/** Today in China (Asia/Shanghai), whatever the machine's time zone (shared with the task pane). */
export { todayInChina } from '../../forms-lib/calendar/index.ts';

export function isoDateOption(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new UsageError(`--${name} 应为日期 YYYY-MM-DD，而不是「${s}」`, `--${name} must be a date YYYY-MM-DD, not "${s}"`);
  }
  return s;
}
