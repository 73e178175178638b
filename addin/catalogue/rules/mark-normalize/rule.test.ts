import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { gridFromRows, textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const findings = (g: Grid, opts = {}) => validateGrid(g, opts, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));
const fixed = (g: Grid, unsafe: boolean, opts = {}) => {
  const once = fixGrid(g, { rules: [rule], unsafe, options: opts });
  expect(fixGrid(once.grid, { rules: [rule], unsafe, options: opts }).edits).toEqual([]);
  return once.grid;
};
// columns K–N: 全社会, 特定群众, 主动, 依申请公开
const ticks = (g: Grid, row: number) => [11, 12, 13, 14].map((c) => textAt(g, row, c));

describe('mark-normalize', () => {
  it('accepts the office’s mark and empty cells', () => {
    const g = catalogueGrid([validItem(1), validItem(2, { audienceAll: null, audienceSpecific: '√', modeActive: null, modeOnRequest: '√' })]);
    expect(findings(g)).toEqual([]);
    expect(findings(catalogueGrid([validItem(1, { audienceAll: '✓', modeActive: '✓' })]), { mark: '✓' })).toEqual([]);
  });

  it('normalises other ticks (warning when glyphs are mixed), reports negatives and text', () => {
    const g = catalogueGrid([
      validItem(1, { audienceAll: '✓' }), // 5
      validItem(2, { audienceAll: '■', modeActive: '是' }), // 6
      validItem(3, { audienceAll: '✔', modeActive: 'Y' }), // 7
      validItem(4, { audienceAll: ' √ ' }), // 8
      validItem(5, { audienceSpecific: '否' }), // 9
      validItem(6, { modeOnRequest: 'x' }), // 10
      validItem(7, { audienceSpecific: '本机关工作人员' }), // 11
      validItem(8, { audienceAll: '●' }), // 12
    ]);
    expect(findings(g)).toEqual([
      { cell: 'K5', severity: 'warning', messageId: 'normalize', data: { from: '✓', to: '√' }, fix: 'safe' },
      { cell: 'K6', severity: 'warning', messageId: 'normalize', data: { from: '■', to: '√' }, fix: 'safe' },
      { cell: 'M6', severity: 'warning', messageId: 'normalize', data: { from: '是', to: '√' }, fix: 'safe' },
      { cell: 'K7', severity: 'warning', messageId: 'normalize', data: { from: '✔', to: '√' }, fix: 'safe' },
      { cell: 'M7', severity: 'warning', messageId: 'normalize', data: { from: 'Y', to: '√' }, fix: 'safe' },
      { cell: 'K8', severity: 'warning', messageId: 'normalize', data: { from: ' √ ', to: '√' }, fix: 'safe' },
      { cell: 'L9', severity: 'warning', messageId: 'negative', data: { value: '否' }, fix: 'unsafe' },
      { cell: 'N10', severity: 'warning', messageId: 'negative', data: { value: 'x' }, fix: 'unsafe' },
      { cell: 'L11', severity: 'warning', messageId: 'notMark', data: { value: '本机关工作人员', label: '公开对象/特定群众', to: '√' }, fix: undefined },
      { cell: 'K12', severity: 'warning', messageId: 'normalize', data: { from: '●', to: '√' }, fix: 'safe' },
    ]);
    const safe = fixed(g, false);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((r) => ticks(safe, r))).toEqual([
      ['√', '', '√', ''],
      ['√', '', '√', ''],
      ['√', '', '√', ''],
      ['√', '', '√', ''],
      ['√', '否', '√', ''],
      ['√', '', '√', 'x'],
      ['√', '本机关工作人员', '√', ''],
      ['√', '', '√', ''],
    ]);
    const unsafe = fixed(g, true);
    expect([9, 10, 11].map((r) => ticks(unsafe, r))).toEqual([
      ['√', '', '√', ''],
      ['√', '', '√', ''],
      ['√', '本机关工作人员', '√', ''],
    ]);
  });

  it('reports a consistent foreign glyph as info and normalises to the office’s chosen mark', () => {
    const g = catalogueGrid([validItem(1, { audienceAll: '✓', modeActive: '✓' })]);
    expect(findings(g).map((f) => `${f.cell} ${f.severity}`)).toEqual(['K5 info', 'M5 info']);
    expect(ticks(fixed(g, false), 5)).toEqual(['√', '', '√', '']);
    const g2 = catalogueGrid([validItem(1, { audienceAll: '√', modeActive: '✓' })]);
    expect(findings(g2, { mark: '✓' })).toEqual([{ cell: 'K5', severity: 'warning', messageId: 'normalize', data: { from: '√', to: '✓' }, fix: 'safe' }]);
    expect(ticks(fixed(g2, false, { mark: '✓' }), 5)).toEqual(['✓', '', '✓', '']);
  });

  it('covers 公开层级 tick columns and accepts words in a single 公开方式 text column', () => {
    const g = gridFromRows('目录', [
      ['序号', '事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道', '公开方式', '公开层级', null],
      [null, null, null, null, null, null, null, null, '县级', '乡级'],
      [1, '机构职能', '职责', '《条例》第二十条', '实时更新', '区政府办公室', '■政府网站', '主动', '✓', '√'],
      [2, '政策文件', '文件', '《条例》第二十条', '实时更新', '区政府办公室', '■政府网站', '依申请公开', '√', '是'],
      [3, '财政预算', '预算', '《条例》第二十条', '实时更新', '区政府办公室', '■政府网站', '不知道', '√', null],
    ]);
    expect(findings(g).map((f) => `${f.cell} ${f.messageId} ${f.data.value ?? f.data.from}`)).toEqual(['I3 normalize ✓', 'J4 normalize 是', 'H5 notMark 不知道']);
  });

  it('real catalogues: seed 000 uses ✓ throughout (infos); seed 001 mixes √ and ✓ (warnings on the ✓ cells)', async () => {
    const cz = findings(await sample('changzhi-commerce-catalogue.xlsx'));
    // row 7 is shifted and left to row-shift
    const czRows = [5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    expect(cz.map((f) => f.cell)).toEqual(czRows.flatMap((r) => [`J${r}`, `L${r}`]));
    expect(new Set(cz.map((f) => `${f.severity} ${f.messageId} ${f.data.from}→${f.data.to} ${f.fix}`))).toEqual(new Set(['info normalize ✓→√ safe']));

    const sd = findings(await sample('shangdang-district-catalogue.xlsx'));
    const sdRows = [57, 58, 59, 60, 61, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 97, 98, 99];
    expect(sd.map((f) => f.cell)).toEqual(sdRows.flatMap((r) => [`K${r}`, `M${r}`]));
    expect(new Set(sd.map((f) => `${f.severity} ${f.messageId} ${f.data.from}→${f.data.to} ${f.fix}`))).toEqual(new Set(['warning normalize ✓→√ safe']));
  });
});
