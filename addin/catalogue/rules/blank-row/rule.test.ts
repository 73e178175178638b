import { describe, expect, it } from 'vitest';
import { validateGrid } from '../../engine.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';

describe('blank-row', () => {
  it('reports blank rows inside the table, not after it', () => {
    const g = catalogueGrid([validItem(1), null, validItem(2), null, null]);
    expect(validateGrid(g, {}, [rule]).findings.map((f) => [f.cell, f.messageId])).toEqual([['A6', 'blank']]);
  });
  it('is quiet on a table without gaps', () => {
    expect(validateGrid(catalogueGrid([validItem(1), validItem(2)]), {}, [rule]).findings).toEqual([]);
  });
});
