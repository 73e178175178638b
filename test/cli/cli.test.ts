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
