import { describe, expect, it } from 'vitest';
import { STATE_VALUE_MAX } from '../workbook-port.ts';
import { FILLS_MAX_CHARS, FillBudget, decodeFills, encodeFills, fillsEntries, fillsKey, readFills } from './fill-memory.ts';

const fills = (found: [string, string][], fixed: [string, string][] = []) => ({ found: new Map(found), fixed: new Map(fixed) });

describe('fill memory in the state store', () => {
  it('encodes compactly (by colour, row runs as ranges) and decodes to the same cells', () => {
    const f = fills(
      [['F7', '#FFFFFF'], ['G7', '#FFFFFF'], ['H7', '#FFFFFF'], ['A3', '#FFFFFF'], ['B2', '#FFFF00']],
      [['C9', '#FFFFFF']],
    );
    const s = encodeFills(f);
    expect(s).toBe('{"f":{"#FFFFFF":"A3 F7:H7","#FFFF00":"B2"},"x":{"#FFFFFF":"C9"}}');
    const back = decodeFills(s);
    expect(new Map([...back.found].sort())).toEqual(new Map([...f.found].sort()));
    expect(back.fixed).toEqual(f.fixed);
    expect(encodeFills(fills([]))).toBe('');
    expect(decodeFills('{not json')).toEqual(fills([]));
  });

  it('splits a long memory over state cells under Excel\'s limit and deletes chunks no longer needed', () => {
    const big = fills(Array.from({ length: 12_000 }, (_, i) => [`A${2 * i + 1}`, '#FFFFFF'] as [string, string]));
    const entries = fillsEntries(new Map(), '目录', big);
    const keys = Object.keys(entries);
    expect(keys[0]).toBe('fills:目录');
    expect(keys.length).toBeGreaterThan(2);
    for (const v of Object.values(entries)) expect((v as string).length).toBeLessThanOrEqual(STATE_VALUE_MAX);
    const state = new Map(Object.entries(entries) as [string, string][]);
    expect(readFills(state, '目录').found.size).toBe(12_000);
    // smaller again: one chunk, the others deleted
    const small = fillsEntries(state, '目录', fills([['B2', '#FFFF00']]));
    expect(small).toEqual({ [fillsKey('目录')]: '{"f":{"#FFFF00":"B2"}}', ...Object.fromEntries(keys.slice(1).map((k) => [k, null])) });
    expect(fillsEntries(state, '目录', fills([]))).toEqual(Object.fromEntries(keys.map((k) => [k, null])));
    // another sheet's chunks are not this sheet's
    expect(readFills(state, '目录2').found.size).toBe(0);
  });

  it('the budget is an upper bound of the encoded length and refuses cells past FILLS_MAX_CHARS', () => {
    const f = fills([]);
    const b = new FillBudget(f);
    let n = 0;
    while (b.take('found', `XFD${1_000_000 + n}`, '#FFFFFF')) f.found.set(`XFD${1_000_000 + n++}`, '#FFFFFF');
    expect(n).toBeGreaterThan(20_000);
    expect(encodeFills(f).length).toBeLessThanOrEqual(FILLS_MAX_CHARS);
  });
});
