/**
 * 生僻字 in the CLI: names outside the bundled GB2312 subset come from the full Noto Serif SC (a
 * production dependency, so `npm ci --omit=dev` keeps them) or from the office's own TTF
 * (settings `fonts`); a character no font has stops with an error naming the register field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import subsetFont from 'subset-font';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { allText, inkOf, pdffonts } from '../../forms-lib/templates/__tests__/helpers.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/office-settings.json'), 'utf8')) as Record<string, unknown>;
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const TODAY = '2026-11-20';
let tmp: string;


/** A copy of the sample register with the 申请人 of CXSW-2026-008 (row 10) replaced. */
async function registerWithApplicant(name: string, file: string): Promise<string> {
  const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
  const grid = await wb.readSheet('申请登记');
  const col = grid.values[1]!.indexOf('申请人') + 1;
  const idCol = grid.values[1]!.indexOf('登记编号');
  const row = grid.values.findIndex((r) => r?.[idCol] === 'CXSW-2026-008') + 1;
  expect(row).toBeGreaterThan(2);
  const before = String(grid.values[row - 1]![col - 1]);
  expect(before).toBe('孙样本');
  expect((await wb.applyEdits('申请登记', [{ row, col, cell: '', expect: before, set: name }])).applied).toHaveLength(1);
  const dest = path.join(tmp, file);
  fs.writeFileSync(dest, wb.save());
  return dest;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-glyphs-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk form and characters outside the bundled subset', () => {
  it('喆 and 镕 in the applicant name render from the full Noto Serif SC, with ink', async () => {
    const reg = await registerWithApplicant('李喆镕', 'zhe.xlsx');
    const pdf = path.join(tmp, 'zhe.pdf');
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(allText(pdf)).toContain('李喆镕：');
    expect(pdffonts(pdf)).toHaveLength(2);
    expect(inkOf(pdf, '喆')).toBeGreaterThan(20);
    expect(inkOf(pdf, '镕')).toBeGreaterThan(20);
  });

  it('a character no font has: exit 2, naming the character and the register field, no PDF', async () => {
    const reg = await registerWithApplicant('孙\uE000样', 'pua.xlsx');
    const pdf = path.join(tmp, 'pua.pdf');
    const r = await run(['form', 'reply-not-exist', '--register', reg, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('错误：字段「申请人（application.applicant）」中的字符「\uE000」(U+E000) 不在已加载的字体中');
    expect(r.err).toContain('Error: Field "申请人（application.applicant）": character "\uE000" (U+E000) is not in the loaded fonts');
    expect(fs.existsSync(pdf)).toBe(false);
  });

  it('the office TTF of the settings (fonts: ["office.ttf"]) is used before the full Noto', async () => {
    const bold = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
    fs.writeFileSync(path.join(tmp, 'office.ttf'), await subsetFont(fs.readFileSync(bold), '喆镕', { targetFormat: 'truetype' }));
    const settings = path.join(tmp, 'office.json');
    fs.writeFileSync(settings, JSON.stringify({ ...SAMPLE, fonts: ['office.ttf'] }));
    const reg = await registerWithApplicant('李喆镕', 'zhe-office.xlsx');
    const pdf = path.join(tmp, 'zhe-office.pdf');
    expect((await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY, '--settings', settings])).code).toBe(0);
    expect(pdffonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    expect(inkOf(pdf, '喆')).toBeGreaterThan(20);
  });
});

describe('npm ci --omit=dev keeps the CLI whole', () => {
  it('the full Noto Serif SC (the 生僻字 fallback the CLI resolves at run time) is a production dependency', () => {
    expect(PKG.dependencies['@expo-google-fonts/noto-serif-sc']).toBe('0.4.3');
    expect(PKG.devDependencies['@expo-google-fonts/noto-serif-sc']).toBeUndefined();
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    expect(lock.packages['node_modules/@expo-google-fonts/noto-serif-sc']?.dev).toBeUndefined();
    expect(fs.readFileSync(path.join(ROOT, 'bin/commands/office.ts'), 'utf8')).toContain("require.resolve('@expo-google-fonts/noto-serif-sc/package.json')");
  });

  it('every package the CLI imports is a production dependency', async () => {
    const r = await esbuild.build({ entryPoints: [path.join(ROOT, 'bin/xxgk.mjs'), path.join(ROOT, 'bin/cli.ts')], bundle: true, write: false, platform: 'node', format: 'esm', metafile: true, packages: 'external', outdir: path.join(tmp, 'eb'), logLevel: 'silent' });
    const external = new Set<string>();
    for (const o of Object.values(r.metafile.outputs)) for (const i of o.imports) if (i.external && !i.path.startsWith('node:')) external.add(i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : i.path.split('/')[0]!);
    expect(external.size).toBeGreaterThan(3);
    for (const name of external) expect(PKG.dependencies[name], `${name} is imported by the CLI`).toBeDefined();
  });
});
