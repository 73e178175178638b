import { describe, expect, it } from 'vitest';
import { validateGrid } from '../../engine.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';

const only = [rule];
const pick = (g: ReturnType<typeof catalogueGrid>) => validateGrid(g, {}, only).findings.map((f) => [f.cell, f.severity, f.messageId, f.data]);

describe('seq-number', () => {
  it('accepts 1..n, and child rows without a number', () => {
    expect(pick(catalogueGrid([validItem(1), { level3: '子项' }, validItem(2)]))).toEqual([]);
  });
  it('reports gaps, duplicates and non-numbers at their cells', () => {
    expect(pick(catalogueGrid([validItem(1), validItem(3), validItem(3), validItem(6), validItem('4a' as unknown as number)]))).toEqual([
      ['A6', 'warning', 'gap', { prev: 1, n: 3, missing: '2' }],
      ['A7', 'error', 'duplicate', { n: 3, first: 6 }],
      ['A8', 'warning', 'gap', { prev: 3, n: 6, missing: '4–5' }],
      ['A9', 'error', 'notNumber', { value: '4a' }],
    ]);
  });
});
