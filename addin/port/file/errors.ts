/**
 * The one error type of the file adapter. A host shows `zh` (or `en`) to the user as is;
 * `code` is for programs (CLI exit codes, JSON output, tests).
 */

export type WorkbookReadErrorCode =
  | 'not-a-workbook'
  | 'encrypted'
  | 'truncated'
  | 'empty'
  | 'no-such-sheet'
  | 'too-large'
  | 'unsupported-write';

export interface WorkbookReadErrorDetails {
  /** What the bytes look like, when we could tell: 'PDF', 'Word (.docx)', 'text' … */
  detected?: string;
  /** The sheet asked for (no-such-sheet). */
  sheet?: string;
  /** The sheets that exist (no-such-sheet). */
  sheets?: string[];
  /** The file format (unsupported-write). */
  format?: string;
  /** Size that was over the limit, and the limit (too-large). */
  size?: number;
  limit?: number;
  /** The underlying parser message, for diagnostics only (never shown as the main text). */
  cause?: string;
}

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  readonly code: WorkbookReadErrorCode;
  /** Chinese message, shown first. */
  readonly zh: string;
  /** English message. */
  readonly en: string;
  readonly details: WorkbookReadErrorDetails;

  constructor(code: WorkbookReadErrorCode, zh: string, en: string, details: WorkbookReadErrorDetails = {}) {
    super(`${zh} / ${en}`);
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.details = details;
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Factories: one place for every user-facing text of the adapter. */
export const readErrors = {
  notAWorkbook(fileName: string, detected?: string, cause?: string): WorkbookReadError {
    const what = detected ? `（看起来是${detectedZh(detected)}）` : '';
    const whatEn = detected ? ` (it looks like ${detected})` : '';
    return new WorkbookReadError(
      'not-a-workbook',
      `「${fileName}」不是电子表格文件${what}，无法读取。请选择 Excel（.xlsx / .xls）、WPS 表格、OpenDocument（.ods）或 CSV 文件。`,
      `"${fileName}" is not a spreadsheet${whatEn} and cannot be read. Choose an Excel (.xlsx / .xls), OpenDocument (.ods) or CSV file.`,
      { detected, cause },
    );
  },
  encrypted(fileName: string): WorkbookReadError {
    return new WorkbookReadError(
      'encrypted',
      `文件「${fileName}」已加密（有打开密码），请先在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再试。`,
      `"${fileName}" is encrypted (it has an open password). Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) and try again.`,
      { detected: 'encrypted' },
    );
  },
  truncated(fileName: string, cause?: string): WorkbookReadError {
    return new WorkbookReadError(
      'truncated',
      `文件「${fileName}」不完整或已损坏（可能下载或复制未完成），无法读取。请重新下载或从原始位置重新复制后再试。`,
      `"${fileName}" is incomplete or damaged (perhaps an unfinished download or copy) and cannot be read. Download or copy it again and retry.`,
      { cause },
    );
  },
  empty(fileName: string, why: 'zero-bytes' | 'no-sheets'): WorkbookReadError {
    return why === 'zero-bytes'
      ? new WorkbookReadError(
          'empty',
          `文件「${fileName}」是空文件（0 字节），没有任何内容。`,
          `"${fileName}" is an empty file (0 bytes).`,
        )
      : new WorkbookReadError(
          'empty',
          `文件「${fileName}」中没有任何工作表。`,
          `"${fileName}" contains no worksheets.`,
        );
  },
  noSuchSheet(fileName: string, sheet: string, sheets: string[]): WorkbookReadError {
    const list = sheets.map((s) => `「${s}」`).join('、');
    const listEn = sheets.map((s) => `"${s}"`).join(', ');
    return new WorkbookReadError(
      'no-such-sheet',
      `文件「${fileName}」中没有名为「${sheet}」的工作表。现有工作表：${list || '（无）'}。`,
      `"${fileName}" has no sheet named "${sheet}". Sheets in the file: ${listEn || '(none)'}.`,
      { sheet, sheets },
    );
  },
  tooLarge(fileName: string, size: number, limit: number, what: 'file' | 'unpacked' | 'cells'): WorkbookReadError {
    if (what === 'cells') {
      return new WorkbookReadError(
        'too-large',
        `文件「${fileName}」的工作表有 ${size} 个非空单元格，超过上限 ${limit} 个。请删除多余的行列或拆分文件后再试。`,
        `"${fileName}" has a sheet with ${size} non-empty cells, over the limit of ${limit}. Delete unused rows/columns or split the file.`,
        { size, limit },
      );
    }
    const zhWhat = what === 'file' ? '文件大小' : '解压后的内容';
    const enWhat = what === 'file' ? 'file size' : 'unpacked content';
    return new WorkbookReadError(
      'too-large',
      `文件「${fileName}」过大（${zhWhat} ${mb(size)}，上限 ${mb(limit)}），无法读取。请删除多余的工作表、图片或空白行列后再试。`,
      `"${fileName}" is too large (${enWhat} ${mb(size)}, limit ${mb(limit)}). Remove unused sheets, pictures or blank rows/columns and retry.`,
      { size, limit },
    );
  },
  unsupportedWrite(fileName: string, format: string): WorkbookReadError {
    return new WorkbookReadError(
      'unsupported-write',
      `「${fileName}」是 ${format.toUpperCase()} 格式，本工具只能读取、不能写回这种格式（写回会丢失格式和样式）。请先在 Excel 或 WPS 中“另存为” .xlsx 格式，再打开 .xlsx 文件进行修复。`,
      `"${fileName}" is in ${format.toUpperCase()} format, which this tool can read but not write back (writing it would lose formatting). Save it as .xlsx in Excel or WPS first, then fix the .xlsx file.`,
      { format },
    );
  },
};

function detectedZh(detected: string): string {
  const map: Record<string, string> = {
    PDF: 'PDF 文档',
    'Word (.docx)': 'Word 文档（.docx）',
    'Word (.doc)': 'Word 文档（.doc）',
    'PowerPoint (.pptx)': 'PowerPoint 演示文稿（.pptx）',
    'PowerPoint (.ppt)': 'PowerPoint 演示文稿（.ppt）',
    'zip archive': '普通 ZIP 压缩包',
    image: '图片',
    text: '普通文本，不是表格数据',
    binary: '无法识别的二进制数据',
    RTF: 'RTF 文档',
    'OLE container': '无法识别的 Office 复合文档',
    'compressed archive': '压缩包',
    HTML: '网页（HTML），其中没有表格',
    XML: 'XML 文件，不是表格',
    'OpenDocument text (.odt)': 'OpenDocument 文字文档（.odt）',
  };
  return map[detected] ?? detected;
}
