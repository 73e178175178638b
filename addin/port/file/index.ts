/**
 * The file adapter's public surface: read a workbook from bytes, edit, save losslessly.
 */
export { readWorkbook, FileWorkbook, DEFAULT_LIMITS } from './file-workbook.ts';
export type { ReadOptions, SheetInfo, FileFormat } from './file-workbook.ts';
export { WorkbookReadError } from './errors.ts';
export type { WorkbookReadErrorCode, WorkbookReadErrorDetails } from './errors.ts';
export { serialToIsoDate } from './dates.ts';
