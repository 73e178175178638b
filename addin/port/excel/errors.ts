/**
 * The one error type of the Excel adapter. A host shows `zh` (or `en`) as is; `code` is for programs.
 */
export type ExcelPortErrorCode = 'protected' | 'workbook-protected' | 'cell-edit' | 'no-such-sheet' | 'too-large' | 'log-missing' | 'unsupported' | 'excel';

export class ExcelPortError extends Error {
  override readonly name = 'ExcelPortError';
  readonly code: ExcelPortErrorCode;
  readonly zh: string;
  readonly en: string;
  /** The Office.js error code underneath, when there was one. */
  readonly officeCode?: string;

  constructor(code: ExcelPortErrorCode, zh: string, en: string, officeCode?: string) {
    super(`${zh} / ${en}`);
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.officeCode = officeCode;
  }
}

export const excelErrors = {
  protectedSheet(sheet: string, action: string, actionEn: string): ExcelPortError {
    return new ExcelPortError(
      'protected',
      `工作表「${sheet}」受保护，无法${action}。请在「审阅」选项卡点击「撤消工作表保护」后重试。`,
      `The sheet "${sheet}" is protected, so ${actionEn} is not possible. Unprotect it (Review > Unprotect Sheet) and try again.`,
      'AccessDenied',
    );
  },
  workbookProtected(sheet: string): ExcelPortError {
    return new ExcelPortError(
      'workbook-protected',
      `工作簿结构受保护，无法添加工作表「${sheet}」。请在「审阅」选项卡点击「保护工作簿」取消保护后重试。`,
      `The workbook structure is protected, so the sheet "${sheet}" cannot be added. Turn off Review > Protect Workbook and try again.`,
      'AccessDenied',
    );
  },
  cellEdit(): ExcelPortError {
    return new ExcelPortError(
      'cell-edit',
      'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，然后重试。',
      'Excel is in cell-edit mode: press Enter or Esc to finish editing, then try again.',
      'InvalidOperationInCellEditMode',
    );
  },
  noSuchSheet(sheet: string, sheets: readonly string[]): ExcelPortError {
    const list = sheets.length ? sheets.map((s) => `「${s}」`).join('、') : '（无）';
    return new ExcelPortError(
      'no-such-sheet',
      `找不到工作表「${sheet}」。本工作簿中的工作表：${list}。`,
      `There is no sheet named "${sheet}". Sheets in this workbook: ${sheets.join(', ') || '(none)'}.`,
    );
  },
  tooLarge(sheet: string, row: number): ExcelPortError {
    return new ExcelPortError(
      'too-large',
      `工作表「${sheet}」第 ${row} 行的数据过大，Excel 无法一次传给加载项。请缩短该行单元格中的文字后重试。`,
      `Row ${row} of the sheet "${sheet}" holds more data than Excel can pass to the add-in at once. Shorten the text in that row and try again.`,
      'ResponsePayloadSizeLimitExceeded',
    );
  },
  logMissing(sheet: string): ExcelPortError {
    return new ExcelPortError(
      'log-missing',
      `日志工作表「${sheet}」不存在，请先创建（ensureLogSheet）。`,
      `The log sheet "${sheet}" does not exist; create it first (ensureLogSheet).`,
    );
  },
  unsupported(action: string, actionEn: string, version: string): ExcelPortError {
    return new ExcelPortError(
      'unsupported',
      `此版本的 Excel 不支持由加载项${action}（需要 ExcelApi ${version}，即 Excel 2019、Excel 2021 或 Microsoft 365）。可以在「数据」选项卡的「数据验证」中手动设置。`,
      `This version of Excel does not let add-ins do this: ${actionEn} (needs ExcelApi ${version}: Excel 2019, 2021 or Microsoft 365). Use Data > Data Validation instead.`,
    );
  },
  excel(what: string, e: unknown): ExcelPortError {
    const code = officeCode(e);
    const msg = e instanceof Error ? e.message : String(e);
    return new ExcelPortError('excel', `Excel 无法完成操作（${what}）：${msg}`, `Excel could not ${what}: ${msg}`, code);
  },
};

/** The `code` of an OfficeExtension.Error (RichApi.Error), if any. */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return undefined;
}

const PAYLOAD_CODES = new Set(['PayloadTooLarge', 'ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

/** A response (or request) over Excel's payload size limit. */
export function isPayloadError(e: unknown): boolean {
  const code = officeCode(e);
  return (code !== undefined && PAYLOAD_CODES.has(code)) || (e instanceof Error && /payload size/i.test(e.message));
}

export function isAccessDenied(e: unknown): boolean {
  return officeCode(e) === 'AccessDenied';
}
