import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../../grid.ts';
import { validateGrid } from '../../engine.ts';
import { render } from '../../messages.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';
import unknown from '../unknown-column/index.ts';

describe('missing-column / unknown-column', () => {
  it('is quiet on the standard header', () => {
    expect(validateGrid(catalogueGrid([validItem(1)]), {}, [rule, unknown]).findings).toEqual([]);
  });
  it('names each missing column, and keeps unknown columns as info', () => {
    const g = gridFromRows('s', [
      ['目录'],
      ['序号', '公开 事项', '公开内容', '公开依据', '公开主体', '公开范围', '备注'],
      [1, '事项', '内容很长的说明文字内容', '《条例》', '某局', '全社会', ''],
    ]);
    const fs = validateGrid(g, {}, [rule, unknown]).findings.map((f) => [f.ruleId, f.cell, f.data.name ?? f.data.label]);
    expect(fs).toEqual([
      ['missing-column', 'A2', '公开时限'],
      ['missing-column', 'A2', '公开渠道和载体'],
      ['missing-column', 'A2', '公开方式'],
      ['unknown-column', 'G2', '备注'],
    ]);
  });
  it('reports a sheet with no recognisable header at A1', () => {
    const g = gridFromRows('s', [['姓名', '电话'], ['张三', '123']]);
    expect(validateGrid(g).findings.map((f) => [f.ruleId, f.cell, f.messageId])).toEqual([['no-header', 'A1', 'noHeader']]);
    expect(validateGrid(gridFromRows('s', [])).findings[0].messageId).toBe('emptySheet');
  });
  it('warns about a header with no items below it (blank rows do not count), which can be ignored or turned off', () => {
    const g = catalogueGrid([]);
    g.values.push([], [null, '  ']);
    const f = validateGrid(g).findings;
    expect(f.map((x) => [x.ruleId, x.severity, x.cell, render(x)])).toEqual([['no-items', 'warning', 'A5', '工作表「目录」的表头下（第 5 行起）没有任何事项']]);
    expect(validateGrid(g, { ignored: ['no-items@A5'] }).findings).toEqual([]);
    expect(validateGrid(g, { severity: { 'no-items': 'off' } }).findings).toEqual([]);
    expect(validateGrid(catalogueGrid([validItem(1)])).findings.filter((x) => x.ruleId === 'no-items')).toEqual([]);
  });
});
