import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../catalogue/grid.ts';
import type { Finding } from '../catalogue/types.ts';
import { fingerprint, ignoreRecordFor, ignoreStateKey, ignoreStateValue, ignoresOf, recordsFromLegacy, resolveIgnores, withoutIgnored } from './ignores.ts';

const f = (ruleId: string, cell: string, row: number, col: number): Finding => ({ ruleId, severity: 'warning', sheet: '目录', row, col, cell, field: null, value: null, messageId: 'm', data: {} });

describe('ignored findings kept in the workbook state', () => {
  const grid = gridFromRows('目录', [['序号', '内容'], [1, '  前后空格 '], [2, '正常'], [3, '  前后空格 ']]);

  it('round-trips through state entries, keyed by sheet, rule and cell, valued by the cell text', () => {
    const r = ignoreRecordFor(f('text-whitespace', 'B2', 2, 2), grid);
    expect(r).toEqual({ sheet: '目录', ruleId: 'text-whitespace', cell: 'B2', fp: 'v:  前后空格 ', rowFp: 'v:1\u0001  前后空格 ' });
    const state = { [ignoreStateKey(r)]: ignoreStateValue(r), 'ignore:别的表:x@A1': '{"v":""}', other: '1', 'ignore:目录:bad': '{"v":""}', 'ignore:目录:r@B9': 'not json' };
    expect(Object.keys(state)[0]).toBe('ignore:目录:text-whitespace@B2');
    expect(ignoresOf(state, '目录')).toEqual([r]);
    expect(JSON.parse(ignoreStateValue(r))).toEqual({ v: '  前后空格 ', r: 'v:1\u0001  前后空格 ' });
    const long = 'x'.repeat(100);
    expect(fingerprint(long)).toMatch(/^h:100:[0-9a-f]{8}$/);
    expect(fingerprint(long)).not.toBe(fingerprint(`${long.slice(1)}y`));
    const lr = { sheet: '目录', ruleId: 'r', cell: 'A1', fp: fingerprint(long) };
    expect(ignoresOf({ [ignoreStateKey(lr)]: ignoreStateValue(lr) }, '目录')).toEqual([lr]);
  });

  it('hides the finding while its cell holds the value; lapses when the value changed', () => {
    const r = ignoreRecordFor(f('text-whitespace', 'B2', 2, 2), grid);
    const findings = [f('text-whitespace', 'B2', 2, 2), f('text-whitespace', 'B4', 4, 2)];
    expect(resolveIgnores([r], grid, findings).keys).toEqual(['text-whitespace@B2']);
    expect(withoutIgnored(findings, ['text-whitespace@B2']).map((x) => x.cell)).toEqual(['B4']);
    const edited = gridFromRows('目录', [['序号', '内容'], [1, ' 改了 '], [2, '正常'], [3, '  前后空格 ']]);
    // B2 changed; B4 holds the same text, but on another row (序号 3): the ignore does not jump there
    const res = resolveIgnores([r], edited, [f('text-whitespace', 'B2', 2, 2), f('text-whitespace', 'B4', 4, 2)]);
    expect(res.keys).toEqual([]);
    expect(res.lapsed).toEqual([r]);
    const gone = gridFromRows('目录', [['序号', '内容'], [1, ' 改了 '], [2, '正常']]);
    const lapsed = resolveIgnores([r], gone, [f('text-whitespace', 'B2', 2, 2)]);
    expect(lapsed.keys).toEqual([]);
    expect(lapsed.lapsed).toEqual([r]);
  });

  it('follows its value when rows are inserted above; ambiguous candidates let it lapse', () => {
    const r = ignoreRecordFor(f('blank-row', 'B3', 3, 2), grid); // '正常' at B3
    const shifted = gridFromRows('目录', [['序号', '内容'], ['新行', '新'], [1, '  前后空格 '], [2, '正常']]);
    expect(resolveIgnores([r], shifted, [f('blank-row', 'B4', 4, 2)])).toMatchObject({ keys: ['blank-row@B4'], active: [{ record: r, at: 'B4' }] });
    const twice = gridFromRows('目录', [['序号', '内容'], [2, '正常'], [1, 'x'], [2, '正常']]);
    expect(resolveIgnores([r], twice, [f('blank-row', 'B2', 2, 2), f('blank-row', 'B4', 4, 2)]).keys).toEqual([]);
    // a record written before row fingerprints (or by hand) follows the value alone
    const { rowFp: _drop, ...bare } = r;
    expect(resolveIgnores([bare], shifted, [f('blank-row', 'B4', 4, 2)]).keys).toEqual(['blank-row@B4']);
    // an exact record claims its cell first, so a moved one cannot take it
    const exact = ignoreRecordFor(f('text-whitespace', 'B4', 4, 2), grid);
    const moved = { ...ignoreRecordFor(f('text-whitespace', 'B2', 2, 2), grid), cell: 'B9' };
    expect(resolveIgnores([moved, exact], grid, [f('text-whitespace', 'B2', 2, 2), f('text-whitespace', 'B4', 4, 2)]).keys.sort()).toEqual(['text-whitespace@B2', 'text-whitespace@B4']);
  });

  it('turns the old settings keys into records with the current values', () => {
    expect(recordsFromLegacy('目录', ['text-whitespace@B2', 'junk'], grid)).toEqual([{ sheet: '目录', ruleId: 'text-whitespace', cell: 'B2', fp: 'v:  前后空格 ' }]);
  });
});
