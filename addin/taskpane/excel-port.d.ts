/**
 * The Excel adapter (addin/port/excel), resolved by webpack's alias `#excel-port` so that this
 * build works before and after the adapter lands (webpack.config.js picks the file, or
 * addin/taskpane/excel-port-missing.ts). index.ts checks the shape at run time.
 */
declare module '#excel-port' {
  export const ExcelWorkbook: unknown;
}
