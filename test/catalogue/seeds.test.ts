/**
 * Both real catalogues end to end through the file adapter: the structure findings written out
 * cell by cell, the re-aligned result of seed 001 after `fix`, and the fix invariants.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../addin/catalogue/engine.ts';
import { textAt } from '../../addin/catalogue/grid.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';

const SHARED = new URL('../../../shared/fixtures/', import.meta.url);
const load = async (name: string) => {
  const bytes = fs.readFileSync(new URL(name, SHARED));
  return readWorkbook(new Uint8Array(bytes), name).readSheet();
};
const STRUCTURE = new Set(['missing-column', 'unknown-column', 'seq-number', 'blank-row', 'row-shift', 'required-element', 'split-text']);
const structural = (fs_: ReturnType<typeof validateGrid>['findings']) => fs_.filter((f) => STRUCTURE.has(f.ruleId)).map((f) => `${f.cell} ${f.ruleId}:${f.messageId}${f.fix ? `:${f.fix.applicability}` : ''}`);

describe('seed 000 长治市商务局 (clean)', () => {
  it('maps the header and finds only row 7, whose content stands in 三级事项 and basis in 公开内容', async () => {
    const grid = await load('changzhi-commerce-catalogue.xlsx');
    const res = validateGrid(grid);
    expect(res.catalogue!.header.headerRows).toEqual([3, 4]);
    expect(res.catalogue!.header.columns.map((c) => c.field)).toEqual(['seq', 'level1', 'level2', 'level3', 'content', 'basis', 'deadline', 'subject', 'channel', 'audienceAll', 'audienceSpecific', 'mode']);
    expect(structural(res.findings)).toEqual(['D7 row-shift:shifted:safe']);
  });
});

describe('seed 001 上党区 (extracted from a PDF)', () => {
  it('reports the shifted rows, blank rows, 序号 problems and split text at their cells', async () => {
    const grid = await load('shangdang-district-catalogue.xlsx');
    const res = validateGrid(grid);
    const h = res.catalogue!.header;
    expect(h.titleRows).toEqual([1]);
    expect(h.headerRows).toEqual([3, 4]);
    expect(h.columns.map((c) => `${c.col}:${c.field}`)).toEqual(['1:seq', '2:level1', '3:level2', '4:level3', '5:level4', '6:content', '7:basis', '8:deadline', '9:subject', '10:channel', '11:audienceAll', '12:audienceSpecific', '13:modeActive']);
    expect(structural(res.findings)).toEqual([
      'F7 row-shift:shifted:safe',
      'F8 row-shift:shifted:safe',
      'F9 row-shift:shifted:safe',
      'F10 row-shift:shifted:safe',
      'F11 row-shift:shifted:safe',
      'F12 row-shift:shifted:safe',
      'A13 row-shift:shifted:safe',
      'A14 blank-row:blank',
      'A22 blank-row:blank',
      'E28 row-shift:shifted:safe',
      'E29 row-shift:shifted:safe',
      'A32 blank-row:blank',
      'G33 split-text:split:unsafe',
      'H33 required-element:missing',
      'I33 required-element:missing',
      'J33 required-element:missing',
      'K33 required-element:missing',
      'M33 required-element:missing',
      'H34 required-element:missing',
      'E39 row-shift:shifted:safe',
      'E40 row-shift:shifted:safe',
      'A41 row-shift:textInSeq:unsafe',
      'E42 row-shift:shifted:safe',
      'A45 blank-row:blank',
      'A56 blank-row:blank',
      'A62 blank-row:blank',
      'A70 blank-row:blank',
      'E71 row-shift:shifted:safe',
      'E72 row-shift:shifted:safe',
      'E73 row-shift:shifted:safe',
      'E74 row-shift:shifted:safe',
      'E75 row-shift:shifted:safe',
      'E76 row-shift:shifted:safe',
      'E77 row-shift:shifted:safe',
      'E78 row-shift:shifted:safe',
      'A79 blank-row:blank',
      'E87 row-shift:shifted:safe',
      'A88 blank-row:blank',
      'F89 split-text:split:unsafe',
      'A96 blank-row:blank',
    ]);
  });

  it('re-aligns the shifted rows with safe fixes; nothing safe remains; fixing twice equals once', async () => {
    const grid = await load('shangdang-district-catalogue.xlsx');
    const fixed = fixGrid(grid);
    const g = fixed.grid;
    const row = (r: number) => Array.from({ length: 14 }, (_, i) => textAt(g, r, i + 1).slice(0, 6));
    // 12-cell row 71 (seq 35) that lost its 四级事项 cell
    expect(row(71)).toEqual(['35', '法定主动公开', '重点领域信息', '消费领域', '', '重点公开与群', '《国务院办公', '实时更新', '区市场监管局', '■政府网站', '√', '', '√', '']);
    // row 13: the 四级 item had landed in 序号, the rest four columns left
    expect(row(13)).toEqual(['', '', '', '', '部门文件、乡', '以部门名义、', '《中华人民共', '自该信息形成', '区直部门、各', '■政府网站', '', '', '', '']);
    // row 8 (seq 3) shifted right by one from 公开内容
    expect(row(8)).toEqual(['3', '文件公开', '', '', '规范性文件', '上党区人民政', '1.《中华人', '自该信息形成', '区政府办公室', '■政府网站 ', '√', '', '√', '']);
    // a lone 时限 phrase moved from 四级事项 to 公开时限
    expect([textAt(g, 87, 5), textAt(g, 87, 8)]).toEqual(['', '每年1月31日前']);
    // the text fragment in 序号 needs --unsafe
    expect(textAt(g, 41, 1)).toBe('政协提案');
    expect(fixed.findings.filter((f) => f.fix?.applicability === 'safe')).toEqual([]);
    expect(fixed.stoppedOnCycle).toBe(false);
    expect(fixGrid(g).edits).toEqual([]);
    // every edit expected the value the original had
    for (const e of fixed.edits) expect(e.expect ?? null).toEqual(grid.values[e.row - 1]?.[e.col - 1] ?? null);
  });

  it('with --unsafe also moves 政协提案 to 三级事项 and joins the split text', async () => {
    const grid = await load('shangdang-district-catalogue.xlsx');
    const g = fixGrid(grid, { unsafe: true }).grid;
    expect([textAt(g, 41, 1), textAt(g, 41, 4)]).toEqual(['', '政协提案']);
    expect(textAt(g, 86, 6).endsWith('工作考核、社会评议和责任追究结果情况；其他需要报告的事项')).toBe(true);
    expect(textAt(g, 89, 6)).toBe('');
  });
});
