import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../file/index.ts';
import type { FileSource } from './office.ts';
import { mergesFromFile, workbookBytes } from './office.ts';

const SAMPLE = resolve(import.meta.dirname, '../../../test/fixtures/samples/shangdang-district-catalogue.xlsx');

/** Office.context.document.getFileAsync as the Office.js callbacks behave: slices answered out of order. */
function fileSource(bytes: Uint8Array, sliceSize: number, log: string[]): FileSource {
  return {
    getFileAsync(type, options, callback) {
      log.push(`getFileAsync ${String(type)} ${options.sliceSize}`);
      const sliceCount = Math.ceil(bytes.length / sliceSize);
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync(index: number, cb: (r: unknown) => void) {
          const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
          setTimeout(() => cb({ status: 'succeeded', value: { index, data, size: data.length } }), (sliceCount - index) * 2);
        },
        closeAsync(cb: () => void) {
          log.push('closeAsync');
          cb();
        },
      };
      callback({ status: 'succeeded', value: file } as unknown as Office.AsyncResult<Office.File>);
    },
  };
}

describe('office.ts fallbacks', () => {
  it('workbookBytes joins the slices in index order and closes the file', async () => {
    const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));
    const log: string[] = [];
    const out = await workbookBytes(fileSource(bytes, 300, log));
    expect(out).toEqual(bytes);
    expect(log).toEqual(['getFileAsync compressed 4194304', 'closeAsync']);
  });

  it('mergesFromFile reads the merged areas of a sheet from the workbook bytes (below ExcelApi 1.13)', async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const expected = (await readWorkbook(bytes, 'x.xlsx').readSheet()).merges;
    const sheet = readWorkbook(bytes, 'x.xlsx').defaultSheet;
    expect(expected.length).toBeGreaterThan(0);
    expect(await mergesFromFile(fileSource(bytes, 64 * 1024, []))(sheet)).toEqual(expected);
  });
});
