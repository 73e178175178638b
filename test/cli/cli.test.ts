/**
 * The CLI contract (architecture.md): JSON shape, 1-based coordinates, exit codes 0/1/2,
 * text output in Chinese grouped by severity, and `fix` writing a lossless copy, never the input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, sha } from './helpers.ts';

const SAMPLE = path.join(ROOT, 'test/fixtures/samples/shangdang-district-catalogue.xlsx');
const CLEAN = path.join(ROOT, 'test/fixtures/samples/changzhi-commerce-catalogue.xlsx');
let tmp: string;


beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk validate', () => {
  it('prints the JSON contract with 1-based cells and exits 1 when errors are found', async () => {
    const r = await run(['validate', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['file', 'sheet', 'header', 'findings', 'stats']);
    expect(j.sheet).toBe('主动公开事项目录');
    expect(j.header.row).toBe(3);
    expect(j.header.columns[0]).toEqual({ col: 1, field: 'seq', label: '序号' });
    const f = j.findings.find((x: { cell: string; ruleId: string }) => x.cell === 'E71' && x.ruleId === 'row-shift');
    expect(f).toMatchObject({ severity: 'error', sheet: '主动公开事项目录', row: 71, col: 5, field: 'level4', messageId: 'shifted' });
    expect(f.message).toMatch(/^第 71 行 E–L 列错位/);
    expect(f.messageEn).toMatch(/^Row 71, columns E–L are shifted/);
    expect(f.fix.applicability).toBe('safe');
    expect(j.stats.errors).toBe(j.findings.filter((x: { severity: string }) => x.severity === 'error').length);
    expect(j.stats.items).toBe(80);
  });

  it('prints Chinese text grouped by severity with cell addresses', async () => {
    const r = await run(['validate', SAMPLE]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const iErr = lines.findIndex((l) => /^错误（\d+）$/.test(l));
    const iWarn = lines.findIndex((l) => /^警告（\d+）$/.test(l));
    expect(iErr).toBeGreaterThan(0);
    expect(iWarn).toBeGreaterThan(iErr);
    expect(lines).toContain('  A14    第 14 行是表格中间的空行（可能是分页造成），建议删除该行  (blank-row)');
    expect(r.out).toMatch(/合计：错误 \d+，警告 \d+，提示 \d+/);
  });

  it('exits 2 with a bilingual message for a missing file, a non-workbook, an unknown sheet and bad usage', async () => {
    const junk = path.join(tmp, 'junk.xlsx');
    fs.writeFileSync(junk, crypto.randomBytes(4000));
    for (const args of [['validate', path.join(tmp, 'nope.xlsx')], ['validate', junk], ['validate', SAMPLE, '--sheet', '不存在'], ['validate'], ['frobnicate'], ['validate', SAMPLE, '--format', 'xml']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
      expect(r.err).toMatch(/[A-Za-z]{4,}/);
    }
    expect((await run(['validate', path.join(tmp, 'nope.xlsx')])).err).toContain('找不到文件');
    expect((await run(['validate', SAMPLE, '--sheet', '不存在'])).err).toContain('主动公开事项目录');
  });
});

describe('xxgk fix', () => {
  it('writes a fixed copy that keeps every style, merge, width and sheet, never the input', async () => {
    const input = path.join(tmp, 'in.xlsx');
    fs.copyFileSync(SAMPLE, input);
    const before = sha(input);
    const outFile = path.join(tmp, 'out.xlsx');
    const r = await run(['fix', input, '--out', outFile, '--format', 'json']);
    expect(sha(input)).toBe(before);
    const j = JSON.parse(r.out);
    expect(j.edits.length).toBeGreaterThan(50);
    expect(j.remaining.findings.filter((f: { fix?: { applicability: string } }) => f.fix?.applicability === 'safe')).toEqual([]);

    // read both back with a second library (ExcelJS) and compare everything but the edited cells
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(outFile);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const wa = a.worksheets[0];
    const wb = b.worksheets[0];
    expect(wb.model.merges).toEqual(wa.model.merges);
    expect(wb.columns.map((c) => c.width)).toEqual(wa.columns.map((c) => c.width));
    const edited = new Set<string>(j.edits.map((e: { cell: string }) => e.cell));
    for (let r_ = 1; r_ <= wa.rowCount; r_++)
      for (let c = 1; c <= 14; c++) {
        const ca = wa.getCell(r_, c);
        const cb = wb.getCell(r_, c);
        expect(JSON.stringify(cb.style), ca.address).toEqual(JSON.stringify(ca.style));
        if (!edited.has(ca.address)) expect(cb.text, ca.address).toBe(ca.text);
      }
    expect(wb.getCell('F71').text.startsWith('重点公开与群众密切相关')).toBe(true);
    expect(wb.getCell('E71').text).toBe('');

    // fixing the output again changes nothing
    const again = await run(['fix', outFile, '--out', path.join(tmp, 'out2.xlsx'), '--format', 'json']);
    expect(JSON.parse(again.out).edits).toEqual([]);
  });

  it('--dry-run writes nothing; --out equal to the input is refused', async () => {
    const outFile = path.join(tmp, 'dry.xlsx');
    const r = await run(['fix', SAMPLE, '--out', outFile, '--dry-run']);
    expect(r.out).toContain('试运行');
    expect(fs.existsSync(outFile)).toBe(false);
    const same = await run(['fix', SAMPLE, '--out', SAMPLE]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('原文件不会被改写');
  });

  it('exits 0 on a clean catalogue after fixing', async () => {
    const r = await run(['fix', CLEAN, '--out', path.join(tmp, 'clean.xlsx')]);
    expect(r.code).toBe(0);
  });
});

/** Every file in `dir` (recursively), for "no temporary file left behind". */
const listing = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('xxgk fix --out: nothing the user had is lost', () => {
  it('refuses an existing --out (any type) without --force, before any work; the file keeps its bytes', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'exists-'));
    const existing = path.join(dir, 'register.xlsx');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx'), existing);
    const before = sha(existing);
    const r = await run(['fix', CLEAN, '--out', existing]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`用法错误：输出文件已存在：${existing}。请换一个 --out，或加 --force 覆盖 / Usage error: Output already exists: ${existing}; choose another --out or add --force\n查看用法 / usage: xxgk fix --help`);
    expect(r.out).toBe('');
    expect(sha(existing)).toBe(before);
    expect(listing(dir)).toEqual(['register.xlsx']);
  });

  it('--force replaces an existing --out atomically, leaving no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'force-'));
    const existing = path.join(dir, 'old.xlsx');
    fs.writeFileSync(existing, 'old bytes');
    const r = await run(['fix', CLEAN, '--out', existing, '--force']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(existing).subarray(0, 2).toString()).toBe('PK');
    expect(listing(dir)).toEqual(['old.xlsx']);
  });

  it('refuses an --out whose extension is not the format written (.csv .pdf .ods .txt, none), even with --force', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'ext-'));
    for (const name of ['out.csv', 'out.pdf', 'x.ods', 'note.txt', 'noext']) {
      const dest = path.join(dir, name);
      for (const extra of [[], ['--force']]) {
        const r = await run(['fix', CLEAN, '--out', dest, ...extra]);
        expect(r.code, name).toBe(2);
        expect(r.err, name).toContain('但修复后的副本与输入文件同为 xlsx 格式：请用 .xlsx 结尾的文件名');
        expect(r.err, name).toContain('but the fixed copy is xlsx like the input: give a file name ending in .xlsx');
      }
    }
    expect((await run(['fix', CLEAN, '--out', path.join(dir, 'out.csv')])).err).toContain(`--out「${path.join(dir, 'out.csv')}」扩展名 .csv，`);
    // an existing note.txt keeps its bytes
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, '备忘\n');
    expect((await run(['fix', CLEAN, '--out', note, '--force'])).code).toBe(2);
    expect(fs.readFileSync(note, 'utf8')).toBe('备忘\n');
    expect(listing(dir)).toEqual(['note.txt']);
    // the extension check ignores case; a CSV input is fixed into a .csv copy, not .xlsx
    expect((await run(['fix', CLEAN, '--out', path.join(dir, 'UP.XLSX')])).code).toBe(0);
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, '序号,事项名称\n1,a\n');
    const toXlsx = await run(['fix', csv, '--out', path.join(dir, 'c2.xlsx')]);
    expect(toXlsx.code).toBe(2);
    expect(toXlsx.err).toContain('同为 csv 格式：请用 .csv 结尾的文件名');
    expect((await run(['fix', csv, '--out', path.join(dir, 'c2.csv')])).code).not.toBe(2);
  });
});

describe('paths that cannot be read or written: words, exit 2, no stack trace', () => {
  const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
  const SETTINGS = path.join(ROOT, 'test/fixtures/samples/office-settings.json');

  it('an --out under a file (fix, form, stats): names the path and says the file is not a folder; the file is untouched', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'under-file-'));
    const reg = path.join(dir, 'reg.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const before = sha(reg);
    const rel = path.relative(process.cwd(), reg);
    const cases: [string[], string][] = [
      [['fix', CLEAN, '--out', `${reg}/x.xlsx`], `${reg}/x.xlsx`],
      [['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-003', '--out', `${reg}/x.pdf`, '--settings', SETTINGS, '--today', '2026-11-20', '--log'], `${reg}/x.pdf`],
      [['stats', reg, '--year', '2026', '--today', '2026-11-20', '--out', `${reg}/s.xlsx`], `${reg}/s.xlsx`],
    ];
    for (const [args, dest] of cases) {
      const r = await run(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.err, args[0]).toContain(`错误：无法写入「${dest}」：路径中的「${rel}」是文件，不是文件夹。\nError: Cannot write "${dest}": "${rel}" in the path is a file, not a folder.`);
      expect(r.err).not.toMatch(/E[A-Z]{3,}|at .*\.ts:\d+/);
      expect(sha(reg), args[0]).toBe(before);
    }
    // a folder a command makes itself (stats --csv) reads the same way
    const csv = await run(['stats', reg, '--year', '2026', '--today', '2026-11-20', '--csv', `${reg}/csv`]);
    expect(csv.code).toBe(2);
    expect(csv.err).toContain(`错误：无法创建文件夹「${reg}/csv」：路径中的「${rel}」是文件，不是文件夹。`);
    expect(listing(dir)).toEqual(['reg.xlsx']);
  });

  it('an --out that is a folder, an input that is a folder or missing', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'folders-'));
    const out = await run(['fix', CLEAN, '--out', dir, '--force']);
    expect(out.code).toBe(2);
    expect(out.err).toBe(`错误：无法写入「${dir}」：「${dir}」是一个文件夹，不是文件。\nError: Cannot write "${dir}": "${dir}" is a folder, not a file.`);
    const isDir = await run(['validate', dir]);
    expect(isDir.code).toBe(2);
    expect(isDir.err).toBe(`错误：「${dir}」是一个文件夹，不是文件：请给出要读取的电子表格文件。\nError: "${dir}" is a folder, not a file: give the spreadsheet file to read.`);
    const missing = path.join(dir, 'nope.xlsx');
    const gone = await run(['validate', missing]);
    expect(gone.code).toBe(2);
    expect(gone.err).toBe(`错误：找不到文件「${missing}」：文件不存在。\nError: File not found: "${missing}" does not exist.`);
  });

  it('through bin/xxgk.mjs: exit 2 and the message, not a Node stack trace', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'bin-'));
    const reg = path.join(dir, 'reg.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/xxgk.mjs'), 'fix', CLEAN, '--out', `${reg}/x.xlsx`], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：无法写入「${reg}/x.xlsx」：路径中的「reg.xlsx」是文件，不是文件夹。\nError: Cannot write "${reg}/x.xlsx": "reg.xlsx" in the path is a file, not a folder.\n`);
  });
});

describe('usage errors: one line naming the problem and a hint, not the whole usage', () => {
  it('a second FILE to validate (or fix, or demo) is refused, naming it', async () => {
    const v = await run(['validate', CLEAN, 'b.xlsx']);
    expect(v.code).toBe(2);
    expect(v.out).toBe('');
    expect(v.err).toBe('用法错误：多余的参数「b.xlsx」：validate 只接受一个文件 / Usage error: Extra argument "b.xlsx": validate takes one FILE\n查看用法 / usage: xxgk validate --help');
    const f = await run(['fix', CLEAN, 'b.xlsx', '--out', path.join(tmp, 'never.xlsx')]);
    expect(f.code).toBe(2);
    expect(f.err).toContain('多余的参数「b.xlsx」：fix 只接受一个文件；输出文件请用 --out 给出');
    expect(fs.existsSync(path.join(tmp, 'never.xlsx'))).toBe(false);
    expect((await run(['demo', 'x'])).err).toContain('多余的参数「x」：demo 不接受文件参数');
  });

  it('an unknown option: one zh+en line, a did-you-mean when close, and the --help hint', async () => {
    const r = await run(['validate', CLEAN, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('用法错误：未知选项「--bogus」 / Usage error: Unknown option "--bogus"\n查看用法 / usage: xxgk validate --help');
    const near = await run(['fix', CLEAN, '--dryrun']);
    expect(near.err).toBe('用法错误：未知选项「--dryrun」（是否想用 --dry-run？） / Usage error: Unknown option "--dryrun" (did you mean --dry-run?)\n查看用法 / usage: xxgk fix --help');
    expect((await run(['fix', CLEAN, '--out'])).err).toBe('用法错误：选项 --out 后面缺少值 / Usage error: Option --out needs a value\n查看用法 / usage: xxgk fix --help');
    expect((await run(['frobnicate'])).err).toBe('用法错误：未知命令「frobnicate」 / Usage error: Unknown command "frobnicate"\n查看用法 / usage: xxgk --help');
    for (const args of [['validate', '--bogus'], ['stats', '-x'], ['form', 'receipt', '--nope'], ['log', 'verify', '--nope']]) {
      const e = await run(args);
      expect(e.code, args.join(' ')).toBe(2);
      expect(e.err.split('\n'), args.join(' ')).toHaveLength(2);
      expect(e.err).not.toContain('用法 / Usage:');
      expect(e.err).not.toContain("place it at the end of the command after '--'");
      expect(e.err).toContain(`查看用法 / usage: xxgk ${args[0]} --help`);
    }
  });

  it('xxgk CMD --help prints that command\'s usage and exits 0', async () => {
    const r = await run(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('xxgk validate FILE [--sheet 名称] [--format text|json]');
    expect(r.out).not.toContain('xxgk fix FILE');
    expect((await run(['fix', '-h'])).out).toContain('[--force]');
    expect((await run(['log', '--help'])).out).toContain('xxgk log verify');
  });
});

describe('--format json: a fatal error is also a JSON object on stdout', () => {
  it('carries a code, zh and en, and keeps the exit code', async () => {
    const missing = path.join(tmp, 'nope.xlsx');
    const cases: [string[], string, number][] = [
      [['validate', missing, '--format', 'json'], 'not-found', 2],
      [['validate', CLEAN, '--bogus', '--format', 'json'], 'unknown-option', 2],
      [['validate', CLEAN, 'b.xlsx', '--format=json'], 'extra-argument', 2],
      [['validate', CLEAN, '--sheet', '不存在', '--format', 'json'], 'no-such-sheet', 2],
      [['fix', CLEAN, '--out', path.join(tmp, 'x.csv'), '--format', 'json'], 'output-extension', 2],
      [['fix', CLEAN, '--out', SAMPLE, '--format', 'json'], 'output-exists', 2],
      [['stats', missing, '--year', '2026', '--format', 'json'], 'not-found', 2],
    ];
    for (const [args, code, exit] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(exit);
      const j = JSON.parse(r.out);
      expect(Object.keys(j)).toEqual(['error']);
      expect(j.error.code, args.join(' ')).toBe(code);
      expect(j.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(j.error.en).toMatch(/[A-Za-z]{4,}/);
      expect(r.err).toContain(j.error.zh);
    }
    const r = await run(['validate', missing, '--format', 'json']);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'not-found', zh: `找不到文件「${missing}」：文件不存在。`, en: `File not found: "${missing}" does not exist.` } });
    // without --format json, stdout stays empty
    expect((await run(['validate', missing])).out).toBe('');
  });
});

describe('the xxgk binary', () => {
  it('runs through bin/xxgk.mjs with no build step and keeps the exit code', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/xxgk.mjs'), 'validate', CLEAN, '--format', 'json'], { encoding: 'utf8' });
    // seed 000 has one error: row 7's content stands in 三级事项 and its basis in 公开内容
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { cell: string }) => f.cell)).toEqual(['D7']);
    expect(JSON.parse(r.stdout).sheet).toBe('主动公开事项目录');
    const help = execFileSync(process.execPath, [path.join(ROOT, 'bin/xxgk.mjs'), 'help'], { encoding: 'utf8' });
    expect(help).toContain('xxgk validate FILE');
  });
});
