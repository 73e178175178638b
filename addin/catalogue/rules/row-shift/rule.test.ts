import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';

const only = [rule];
const item = (n: number) => validItem(n);
// the valid row 5 as an array, to shift by hand
const row = (n: number) => ['seq', 'level1', 'level2', 'level3', 'level4', 'content', 'basis', 'deadline', 'subject', 'channel', 'audienceAll', 'audienceSpecific', 'modeActive', 'modeOnRequest'].map((f) => (item(n) as Record<string, unknown>)[f] ?? null) as (string | number | null)[];

describe('row-shift', () => {
  it('finds nothing in aligned rows', () => {
    expect(validateGrid(catalogueGrid([item(1), item(2)]), {}, only).findings).toEqual([]);
  });

  it('detects a row shifted right by one from the content column and moves it back (safe)', () => {
    const r = row(2);
    const shifted = [...r.slice(0, 5), null, ...r.slice(5, 13)]; // content..modeActive one to the right
    const g = catalogueGrid([item(1), shifted]);
    const [f] = validateGrid(g, {}, only).findings;
    expect(f).toMatchObject({ ruleId: 'row-shift', cell: 'G6', messageId: 'shifted', data: { from: 'G', to: 'N', n: 1, dir: '左' } });
    expect(f.fix?.applicability).toBe('safe');
    const fixed = fixGrid(g, { rules: only });
    expect(fixed.grid.values[5]).toEqual(r.map((v) => v ?? null).concat([]).slice(0, 14).map((v) => (v === '' ? null : v)));
    expect(validateGrid(fixed.grid, {}, only).findings).toEqual([]);
    expect(fixGrid(fixed.grid, { rules: only }).edits).toEqual([]);
  });

  it('detects a row that lost its 四级事项 cell (shifted left from E) — seed 001 rows 71–78', () => {
    const r = row(3);
    const lost = [...r.slice(0, 4), ...r.slice(5)]; // 12 data cells + trailing
    const g = catalogueGrid([item(1), item(2), lost]);
    const [f] = validateGrid(g, {}, only).findings;
    expect(f).toMatchObject({ cell: 'E7', data: { from: 'E', n: 1, dir: '右' } });
    const fixed = fixGrid(g, { rules: only }).grid;
    expect(fixed.values[6].slice(0, 13)).toEqual([3, '法定主动公开内容', '事项3', null, null, r[5], r[6], r[7], r[8], r[9], '√', null, '√']);
  });

  it('moves a lone 时限 phrase standing in the 四级 column to 公开时限 (safe: unmistakable kind)', () => {
    const g = catalogueGrid([item(1), [null, null, null, '子项', '每年1月31日前']]);
    const [f] = validateGrid(g, {}, only).findings;
    expect(f).toMatchObject({ cell: 'E6', data: { from: 'E', to: 'E', n: 3, dir: '右' } });
    expect(f.fix?.applicability).toBe('safe');
    expect(f.fix?.edits).toEqual([
      { row: 6, col: 5, cell: 'E6', expect: '每年1月31日前', set: null },
      { row: 6, col: 8, cell: 'H6', expect: null, set: '每年1月31日前' },
    ]);
  });

  it('reports a text fragment in 序号 and offers an unsafe move to the level used above', () => {
    const g = catalogueGrid([item(1), [null, null, null, '人大建议'], ['政协提案']]);
    const [f] = validateGrid(g, {}, only).findings;
    expect(f).toMatchObject({ cell: 'A7', messageId: 'textInSeq', data: { sample: '政协提案', to: 'D', target: '三级事项' } });
    expect(f.fix?.applicability).toBe('unsafe');
    expect(fixGrid(g, { rules: only }).edits).toEqual([]);
    expect(fixGrid(g, { rules: only, unsafe: true }).grid.values[6].slice(0, 4)).toEqual([null, null, null, '政协提案']);
  });

  it('leaves a stale cell alone: the edit expects the value seen when checked', () => {
    const g = catalogueGrid([item(1), [null, null, null, '子项', '每年1月31日前']]);
    const [f] = validateGrid(g, {}, only).findings;
    expect(f.fix?.edits.map((e) => e.expect)).toEqual(['每年1月31日前', null]);
  });
});
