import { describe, expect, it } from 'vitest';
import type { Finding } from '../catalogue/types.ts';
import { displayOrder, groupFindings, ignoreKey, safeFixCount, step, undoEdits, undoFor } from './findings-view.ts';

const f = (ruleId: string, severity: Finding['severity'], cell: string, fix?: 'safe' | 'unsafe'): Finding => ({
  ruleId,
  severity,
  sheet: 'S',
  row: Number(cell.slice(1)),
  col: cell.charCodeAt(0) - 64,
  cell,
  field: null,
  value: null,
  messageId: 'm',
  data: {},
  ...(fix ? { fix: { applicability: fix, edits: [] } } : {}),
});

describe('groupFindings', () => {
  const list = [f('blank-row', 'warning', 'A14'), f('row-shift', 'error', 'F7', 'safe'), f('seq-number', 'error', 'A9'), f('row-shift', 'error', 'F8', 'safe'), f('text-latin', 'info', 'G3')];
  const groups = groupFindings(list);

  it('orders severities error, warning, info with counts, rules by count then id', () => {
    expect(groups.map((g) => [g.severity, g.count, g.rules.map((r) => `${r.ruleId}:${r.findings.length}`)])).toEqual([
      ['error', 3, ['row-shift:2', 'seq-number:1']],
      ['warning', 1, ['blank-row:1']],
      ['info', 1, ['text-latin:1']],
    ]);
  });

  it('walks the displayed order with next/previous, wrapping', () => {
    expect(displayOrder(groups).map((x) => x.cell)).toEqual(['F7', 'F8', 'A9', 'A14', 'G3']);
    expect(step(-1, 5, 1)).toBe(0);
    expect(step(-1, 5, -1)).toBe(4);
    expect(step(4, 5, 1)).toBe(0);
    expect(step(0, 5, -1)).toBe(4);
    expect(step(2, 5, 1)).toBe(3);
    expect(step(0, 0, 1)).toBe(-1);
  });

  it('keys ignores as the engine does and counts safe fixes', () => {
    expect(ignoreKey(list[1])).toBe('row-shift@F7');
    expect(safeFixCount(list)).toBe(2);
  });
});

describe('undo', () => {
  const applied = [
    { row: 7, col: 5, cell: 'E7', expect: 'a', set: null },
    { row: 7, col: 6, cell: 'F7', expect: null, set: 'a' },
  ];
  it('puts back each applied edit, last first, expecting the value written', () => {
    expect(undoEdits(applied)).toEqual([
      { row: 7, col: 6, cell: 'F7', expect: 'a', set: null },
      { row: 7, col: 5, cell: 'E7', expect: null, set: 'a' },
    ]);
  });
  it("prefers the port's own revert set", () => {
    const revert = [{ row: 7, col: 5, cell: 'E7', expect: null, set: '=A1' }];
    expect(undoFor({ applied, skipped: [], revert } as never)).toBe(revert);
    expect(undoFor({ applied, skipped: [] })).toEqual(undoEdits(applied));
  });
});
