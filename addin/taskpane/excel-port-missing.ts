/** Stand-in for `#excel-port` while addin/port/excel does not exist: index.ts reports it plainly. */
export const ExcelWorkbook: unknown = undefined;
