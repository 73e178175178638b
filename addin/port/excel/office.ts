/// <reference types="office-js" />
/**
 * The one module that touches the Office.js globals for the Excel adapter: `Excel.run` and
 * `Office.context.requirements.isSetSupported`. Everything else receives them as arguments.
 */
import type { CellRange } from '../../catalogue/grid.ts';
import type { ExcelRun, ExcelRunIn, ExcelWorkbookOptions } from './excel-workbook.ts';
import { ExcelWorkbook, excelCapabilities } from './excel-workbook.ts';

export const officeRun: ExcelRun = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch));
/** A batch on the RequestContext an event handler was added in (Office.js removes handlers only there). */
export const officeRunIn: ExcelRunIn = (context, batch) => Excel.run(context, batch);

/** Requirement-set check of the running Office (false outside Office). */
export function officeIsSetSupported(set: string, version: string): boolean {
  return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported(set, version));
}

/** Minimal shape of Office.context.document used to read the workbook's own bytes. */
export interface FileSource {
  getFileAsync(type: Office.FileType, options: { sliceSize: number }, callback: (r: Office.AsyncResult<Office.File>) => void): void;
}

/** The current workbook as .xlsx bytes (Office.context.document.getFileAsync, 4 MB slices). */
export function workbookBytes(doc: FileSource, compressed: Office.FileType = 'compressed' as unknown as Office.FileType): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    doc.getFileAsync(compressed, { sliceSize: 4 * 1024 * 1024 }, (res) => {
      if (String(res.status) !== 'succeeded') return reject(new Error(res.error?.message ?? 'getFileAsync failed'));
      const file = res.value;
      const parts: Uint8Array[] = new Array(file.sliceCount);
      let got = 0;
      const close = (fn: () => void) => file.closeAsync(() => fn());
      for (let i = 0; i < file.sliceCount; i++) {
        file.getSliceAsync(i, (s) => {
          if (String(s.status) !== 'succeeded') return close(() => reject(new Error(s.error?.message ?? 'getSliceAsync failed')));
          parts[s.value.index] = new Uint8Array(s.value.data as ArrayLike<number>);
          if (++got === file.sliceCount) {
            close(() => {
              const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
              let o = 0;
              for (const p of parts) {
                out.set(p, o);
                o += p.length;
              }
              resolve(out);
            });
          }
        });
      }
    });
  });
}

/**
 * Merged areas below ExcelApi 1.13: read them from the workbook's own file through the file
 * adapter, loaded only when needed (SheetJS stays out of the initial bundle).
 */
export function mergesFromFile(doc: FileSource): (sheet: string) => Promise<CellRange[]> {
  return async (sheet) => {
    const bytes = await workbookBytes(doc);
    const { readWorkbook } = await import('../file/file-workbook.ts');
    return (await readWorkbook(bytes, 'workbook.xlsx').readSheet(sheet)).merges;
  };
}

/** The Excel adapter for the running add-in. */
export function createExcelWorkbook(options: Partial<ExcelWorkbookOptions> = {}): ExcelWorkbook {
  const capabilities = excelCapabilities(officeIsSetSupported);
  return new ExcelWorkbook(officeRun, {
    capabilities,
    runIn: officeRunIn,
    mergesFallback: capabilities.mergedAreas ? undefined : mergesFromFile(Office.context.document as unknown as FileSource),
    ...options,
  });
}
