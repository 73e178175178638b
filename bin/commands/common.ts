/**
 * Shared CLI plumbing: usage errors, argument parsing, reading inputs, atomic writes, today's
 * date in China. Host code only (Node built-ins allowed here, never in the core).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type FileWorkbook, WorkbookReadError, readWorkbook } from '../../addin/port/file/index.ts';

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
  }
}

/** A failure the user can act on (bad data, bad settings): exit 2 with both languages. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(`${zh}\n${en}`);
  }
}

export type Out = { log: (s: string) => void; err: (s: string) => void };
export const stdio: Out = { log: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    const msg = (e as Error).message;
    throw new UsageError(`参数错误：${msg}`, `Bad arguments: ${msg}`);
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      'not-a-workbook',
      code === 'ENOENT' ? `找不到文件「${file}」` : `无法读取文件「${file}」（${code}）`,
      code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file} (${code})`,
    );
  }
}

export function readInput(file: string | undefined): FileWorkbook {
  if (!file) throw new UsageError('缺少要处理的文件', 'Missing the input FILE');
  return readWorkbook(readBytes(file), path.basename(file));
}

/** Write via a temporary file in the same folder and rename: a crash never leaves half a file. */
export function writeAtomic(dest: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const tmp = `${dest}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, dest);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`无法写入「${dest}」（${code}）`, `Cannot write ${dest} (${code})`);
  }
}

export function format(v: unknown): 'text' | 'json' {
  if (v === undefined || v === 'text') return 'text';
  if (v === 'json') return 'json';
  throw new UsageError(`--format 只能是 text 或 json，而不是「${String(v)}」`, `--format must be text or json, not "${String(v)}"`);
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
