import { describe, expect, it } from 'vitest';
import { validateGrid } from '../../engine.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';

const pick = (g: ReturnType<typeof catalogueGrid>) => validateGrid(g, {}, [rule]).findings.map((f) => [f.cell, f.data.name]);

describe('required-element', () => {
  it('accepts complete items, child rows inheriting from their item, and content in 三级事项', () => {
    expect(pick(catalogueGrid([validItem(1), { level3: '子项一' }, validItem(2, { level3: '主要职责、领导信息、内设机构', content: null })]))).toEqual([]);
  });
  it('reports each missing element at its column', () => {
    const g = catalogueGrid([validItem(1, { basis: null, channel: '', audienceAll: null, modeActive: null })]);
    expect(pick(g)).toEqual([
      ['G5', '公开依据'],
      ['J5', '公开渠道和载体'],
      ['K5', '公开对象（至少勾选一项）'],
      ['M5', '公开方式'],
    ]);
  });
  it('does not inherit across numbered items', () => {
    const g = catalogueGrid([validItem(1), validItem(2, { deadline: null, subject: null })]);
    expect(pick(g)).toEqual([
      ['H6', '公开时限'],
      ['I6', '公开主体'],
    ]);
  });
  it('inherits from a vertically merged cell', () => {
    const g = catalogueGrid([validItem(1), { seq: 2, level2: '事项2', content: '内容内容内容内容', basis: '《条例》第二十条', channel: '■政府网站', audienceAll: '√', modeActive: '√' }]);
    g.merges.push({ r1: 5, c1: 8, r2: 6, c2: 9 }, { r1: 5, c1: 9, r2: 6, c2: 9 });
    expect(pick(g)).toEqual([]);
  });
});
