/**
 * 100,000 rows x 14 columns, built the way Excel stores it (shared strings, numbers, styles):
 * read, edit a few cells, save, read back — in bounded time and memory. Memory is measured
 * with --expose-gc in docs/design/write-back.md (vitest cannot force a GC).
 */
import { describe, expect, it } from 'vitest';
import { cellAt } from '../../addin/catalogue/grid.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { rawEntries } from './helpers.ts';
import { COLS, makeLargeXlsx, ROWS } from './large-fixture.ts';

describe('100,000 rows x 14 columns', () => {
  it('reads, edits and saves in bounded time and memory', async () => {
    const bytes = makeLargeXlsx();
    const t0 = performance.now();
    const wb = readWorkbook(bytes, 'large.xlsx');
    const g = await wb.readSheet();
    const tRead = performance.now() - t0;
    expect(g.values.length).toBe(ROWS);
    expect(g.values[ROWS - 1].length).toBe(COLS);
    expect(cellAt(g, ROWS, 1)).toBe(ROWS);
    expect(cellAt(g, 50_000, 6)).toBe('第50000项公开内容：包括名称、依据、时限等要素');

    const t1 = performance.now();
    const r = await wb.applyEdits('目录', [
      { row: 2, col: 2, cell: 'B2', expect: cellAt(g, 2, 2), set: '改' },
      { row: 99_999, col: 6, cell: 'F99999', expect: cellAt(g, 99_999, 6), set: '改过的内容' },
      { row: ROWS + 1, col: 1, cell: `A${ROWS + 1}`, expect: null, set: ROWS + 1 },
    ]);
    expect(r.skipped).toEqual([]);
    const out = wb.save();
    const tSave = performance.now() - t1;

    const back = readWorkbook(out, 'large.xlsx').readSheetSync();
    expect(back.values.length).toBe(ROWS + 1);
    expect(cellAt(back, 2, 2)).toBe('改');
    expect(cellAt(back, 99_999, 6)).toBe('改过的内容');
    expect(cellAt(back, 99_998, 6)).toBe('第99998项公开内容：包括名称、依据、时限等要素');
    const a = rawEntries(bytes);
    const b = rawEntries(out);
    expect(Buffer.from(b.get('xl/sharedStrings.xml')!).equals(Buffer.from(a.get('xl/sharedStrings.xml')!))).toBe(true);

    // What was measured (see docs/design/write-back.md); generous bounds so CI is not flaky.
    console.log(
      `100k x 14: file ${(bytes.length / 1e6).toFixed(1)} MB, read+grid ${tRead.toFixed(0)} ms, ` +
        `rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, edit+save ${tSave.toFixed(0)} ms, out ${(out.length / 1e6).toFixed(1)} MB`,
    );
    expect(tRead).toBeLessThan(20_000);
    expect(tSave).toBeLessThan(10_000);
  });
});
