/**
 * The file adapter: a workbook from bytes (file picker, CLI, tests) behind WorkbookPort.
 *
 * Reading goes through SheetJS (xlsx, xlsm, xlsb, xls, ods, HTML/2003-XML "xls") or our CSV
 * parser. Writing never goes through SheetJS, which drops styles: .xlsx/.xlsm are patched at the
 * zip level (ooxml/), CSV is rewritten record by record, and every other format refuses to save.
 * No Node built-ins: this module runs in a browser.
 */
import * as XLSX from 'xlsx';
import type { CellRange, CellSpecial, Grid, Scalar } from '../../catalogue/grid.ts';
import { address, parseAddress, scalarText } from '../../catalogue/grid.ts';
import type { CellEdit, Finding } from '../../catalogue/types.ts';
import type {
  ApplyEditsOptions,
  ApplyResult,
  CellRef,
  ChartSpec,
  LogSheetContent,
  LogSheetState,
  PortCapabilities,
  RowSpan,
  RowsRead,
  ValidationRule,
  WorkbookPort,
  WriteSheetOptions,
} from '../workbook-port.ts';
import { STATE_SHEET, checkValidationRule, mergeState, stateFromRows, stateRows } from '../workbook-port.ts';
import { addChartParts, checkChartSpec, ownDrawings, removeOwnDrawing, setSheetDrawing } from './ooxml/chart.ts';
import type { PlacedValidation } from './ooxml/validation.ts';
import { patchDataValidations, placeValidations } from './ooxml/validation.ts';
import { readErrors, WorkbookReadError } from './errors.ts';
import type { CsvDocument } from './csv.ts';
import { csvValue, readCsv, writeCsv } from './csv.ts';
import { addBoldStyle, addWorksheet, checkSheetName, replaceWorksheet, sheetDependents, SheetWriteError, worksheetXml } from './ooxml/new-sheet.ts';
import { OoxmlPackage } from './ooxml/package.ts';
import { CellLimitError, gridFromSheetJs } from './sheetjs-grid.ts';
import type { FileFormat, Limits } from './sniff.ts';
import { sniff } from './sniff.ts';

export type { FileFormat } from './sniff.ts';

export interface ReadOptions {
  /** Largest file accepted, in bytes. Default 64 MB. */
  maxBytes?: number;
  /** Largest total unpacked size of a zip-based file (zip-bomb guard). Default 512 MB. */
  maxUnpackedBytes?: number;
  /** Most non-empty cells in one sheet. Default 4,000,000. */
  maxCells?: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxCells: 4_000_000,
};

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

type OwnedCell = string | number | null;

interface OwnedSheet {
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: OwnedCell[][];
  options: WriteSheetOptions;
  /** false: the sheet exists in the file and its part is replaced. */
  isNew: boolean;
}

const WRITABLE: ReadonlySet<FileFormat> = new Set(['xlsx', 'xlsm', 'csv']);

/** Read a workbook from bytes. Throws WorkbookReadError for anything that is not a readable spreadsheet. */
export function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): FileWorkbook {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readWorkbook: bytes must be a Uint8Array');
  const limits: Limits = { ...DEFAULT_LIMITS, ...options };
  const sniffed = sniff(bytes, fileName, limits);
  if (sniffed.format === 'csv') {
    const doc = readCsv(bytes, fileName, sniffed.decoded);
    const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Sheet1';
    return new FileWorkbook(bytes, fileName, 'csv', limits, { csv: doc, csvSheet: name });
  }
  let wb: XLSX.WorkBook;
  try {
    const opts: XLSX.ParsingOptions = {
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: true,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetStubs: false,
      bookVBA: false,
    };
    wb = 'decoded' in sniffed ? XLSX.read(sniffed.decoded.text, { ...opts, type: 'string' }) : XLSX.read(bytes, { ...opts, type: 'array' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw readErrors.encrypted(fileName);
    if ('decoded' in sniffed) throw readErrors.notAWorkbook(fileName, sniffed.format, msg);
    throw readErrors.truncated(fileName, msg);
  }
  if (!wb.SheetNames || wb.SheetNames.length === 0) throw readErrors.empty(fileName, 'no-sheets');
  return new FileWorkbook(bytes, fileName, sniffed.format, limits, { wb, pkg: 'pkg' in sniffed && sniffed.format !== 'ods' ? sniffed.pkg : undefined });
}

interface Source {
  wb?: XLSX.WorkBook;
  pkg?: OoxmlPackage;
  csv?: CsvDocument;
  csvSheet?: string;
}

export class FileWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities;
  readonly fileName: string;
  /** The format found in the content (a renamed .xlsx called .xls is 'xlsx'). */
  readonly format: FileFormat;
  /** Whether save() can write this format back. */
  readonly writable: boolean;

  private readonly bytes: Uint8Array;
  private readonly limits: Limits;
  private readonly src: Source;
  private readonly sheetInfo: SheetInfo[];
  private readonly baseGrids = new Map<string, Grid>();
  /** Pending edits per sheet: A1 -> {row, col, value}. */
  private readonly overlay = new Map<string, Map<string, { row: number; col: number; value: Scalar }>>();
  private readonly marks = new Map<string, Finding[]>();
  /** Cells the last fix on each sheet changed (its fix marks; never written into the file). */
  private readonly fixMarked = new Map<string, Set<string>>();
  private selected: { sheet: string; range: CellRange } | undefined;
  /** Sheets written whole at save(): new ones (log, statistics) and replaced product sheets. */
  private readonly owned = new Map<string, OwnedSheet>();
  private readonly hasFormulas: boolean;
  /** Validations to write at save(), per sheet: no two share a cell (a later rule takes its cells from earlier ones). */
  private readonly validations = new Map<string, PlacedValidation[]>();
  /** Charts to write at save(), per sheet, by name. */
  private readonly charts = new Map<string, Map<string, ChartSpec>>();
  /** readState/writeState entries, loaded from the state sheet on first use. */
  private stateCache: Map<string, string> | undefined;

  /** Use readWorkbook(). */
  constructor(bytes: Uint8Array, fileName: string, format: FileFormat, limits: Limits, src: Source) {
    this.bytes = bytes;
    this.fileName = fileName;
    this.format = format;
    this.writable = WRITABLE.has(format);
    this.capabilities = { host: 'file', mergeUndoGroup: false, notes: false, dataValidation: this.writable && format !== 'csv' };
    this.limits = limits;
    this.src = src;
    if (src.csv) {
      this.sheetInfo = [{ name: src.csvSheet ?? 'Sheet1', state: 'visible' }];
      this.hasFormulas = false;
    } else {
      const wb = src.wb as XLSX.WorkBook;
      const meta = wb.Workbook?.Sheets ?? [];
      this.sheetInfo = wb.SheetNames.map((name, i) => {
        const h = meta[i]?.Hidden ?? 0;
        return { name, state: h === 2 ? 'veryHidden' : h === 1 ? 'hidden' : 'visible' };
      });
      this.hasFormulas = wb.SheetNames.some((n) => {
        const data = (wb.Sheets[n]?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
        return data.some((row) => row?.some((c) => c?.f));
      });
    }
  }

  /** Sheets in workbook order, hidden ones included. */
  get sheets(): SheetInfo[] {
    return this.sheetInfo.map((s) => ({ ...s }));
  }

  /** True when edits are waiting to be saved. */
  get dirty(): boolean {
    if (this.owned.size > 0 || this.validations.size > 0 || this.charts.size > 0) return true;
    for (const m of this.overlay.values()) if (m.size > 0) return true;
    return false;
  }

  /** The first visible sheet (what Excel shows a user who just opened the file). */
  get defaultSheet(): string {
    return (this.sheetInfo.find((s) => s.state === 'visible') ?? this.sheetInfo[0]).name;
  }

  private resolveSheet(name?: string): string {
    if (name === undefined) return this.defaultSheet;
    const exact = this.sheetInfo.find((s) => s.name === name);
    if (exact) return exact.name;
    const folded = this.sheetInfo.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (folded) return folded.name;
    throw readErrors.noSuchSheet(this.fileName, name, this.sheetInfo.map((s) => s.name));
  }

  private baseGrid(sheet: string): Grid {
    let g = this.baseGrids.get(sheet);
    if (g) return g;
    if (this.src.csv) {
      const values = this.src.csv.records.map((r) => {
        const row = r.fields.map((f) => csvValue(f.value));
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
        return row;
      });
      while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
      g = { sheet, values, merges: [] };
    } else {
      const wb = this.src.wb as XLSX.WorkBook;
      try {
        g = gridFromSheetJs(sheet, wb.Sheets[sheet], Boolean(wb.Workbook?.WBProps?.date1904), this.limits.maxCells);
        // The grid is all we need from now on: let SheetJS's cell objects go (≈ 3x the grid's memory).
        delete wb.Sheets[sheet];
      } catch (e) {
        if (e instanceof CellLimitError) throw readErrors.tooLarge(this.fileName, e.count, this.limits.maxCells, 'cells');
        throw e;
      }
    }
    this.baseGrids.set(sheet, g);
    return g;
  }

  listSheets(): Promise<string[]> {
    return Promise.resolve(this.sheetInfo.map((s) => s.name));
  }

  readSheet(name?: string): Promise<Grid> {
    try {
      return Promise.resolve(this.readSheetSync(name));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  readRows(sheet: string, spans: readonly RowSpan[], cols: number): Promise<RowsRead> {
    try {
      const g = this.readSheetSync(sheet);
      const rows: RowsRead['rows'] = [];
      const special: RowsRead['special'] = {};
      for (const { r1, r2 } of spans) {
        for (let r = r1; r <= r2; r++) {
          const values = (g.values[r - 1] ?? []).slice(0, cols);
          while (values.length > 0 && values[values.length - 1] === null) values.pop();
          rows.push({ row: r, values });
        }
      }
      for (const [a, sp] of Object.entries(g.special ?? {})) {
        const p = parseAddress(a);
        if (p && p.col <= cols && spans.some((x) => p.row >= x.r1 && p.row <= x.r2)) special[a] = sp;
      }
      return Promise.resolve({ sheet: g.sheet, rows, special });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** The top-left cell of the last select() (a file has no selection of its own). */
  activeCell(): Promise<CellRef | null> {
    const s = this.selected;
    return Promise.resolve(s ? { sheet: s.sheet, row: s.range.r1, col: s.range.c1 } : null);
  }

  /** The sheet as a Grid, with edits applied so far. */
  readSheetSync(name?: string): Grid {
    const sheet = this.resolveSheet(name);
    const base = this.baseGrid(sheet);
    const edits = this.overlay.get(sheet);
    if (!edits || edits.size === 0) return cloneGrid(base);
    const values = base.values.map((r) => r.slice());
    const special: Record<string, CellSpecial> = { ...(base.special ?? {}) };
    for (const [a, e] of edits) {
      while (values.length < e.row) values.push([]);
      const row = values[e.row - 1];
      while (row.length < e.col) row.push(null);
      row[e.col - 1] = e.value === '' ? null : e.value;
      delete special[a];
    }
    for (const row of values) while (row.length > 0 && row[row.length - 1] === null) row.pop();
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    const g: Grid = { sheet, values, merges: base.merges.map((m) => ({ ...m })) };
    if (Object.keys(special).length > 0) g.special = special;
    return g;
  }

  applyEdits(sheet: string, edits: readonly CellEdit[], options: ApplyEditsOptions = {}): Promise<ApplyResult> {
    try {
      return Promise.resolve(this.applyEditsSync(sheet, edits, options));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Apply edits in memory (save() writes them). An edit whose cell no longer holds `expect`
   * (compared as text: null and '' are equal, 3 equals '3') is skipped, never overwritten.
   * The changed cells become the sheet's fix marks (fixMarks), replacing the previous fix's;
   * `highlight: false` unmarks them instead. `log` rows are appended to the log sheet with them.
   */
  applyEditsSync(sheetName: string, edits: readonly CellEdit[], options: ApplyEditsOptions = {}): ApplyResult {
    const sheet = this.resolveSheet(sheetName);
    const checked = edits.map((e) => checkEdit(e));
    const logInfo = options.log ? this.sheetExists(options.log.name) : undefined;
    if (options.log && !logInfo) {
      throw new SheetWriteError('no-such-log', `日志工作表「${options.log.name}」不存在，请先创建`, `log sheet "${options.log.name}" does not exist; create it first (ensureLogSheet)`);
    }
    const wrote = new Set<string>();
    const applied: CellEdit[] = [];
    const skipped: CellEdit[] = [];
    const current = this.readSheetSync(sheet);
    let overlay = this.overlay.get(sheet);
    if (!overlay) {
      overlay = new Map();
      this.overlay.set(sheet, overlay);
    }
    for (let i = 0; i < edits.length; i++) {
      const { row, col } = checked[i];
      const e = edits[i];
      const now = current.values[row - 1]?.[col - 1] ?? null;
      if (scalarText(now) !== scalarText(e.expect)) {
        skipped.push(e);
        continue;
      }
      applied.push(e);
      const set = e.set === '' ? null : e.set;
      if (now === set) continue; // same value and type: nothing to write (keeps a formula intact)
      overlay.set(address(row, col), { row, col, value: set });
      wrote.add(address(row, col));
      const r = current.values[row - 1] ?? [];
      while (current.values.length < row) current.values.push([]);
      current.values[row - 1] = r;
      while (r.length < col) r.push(null);
      r[col - 1] = set;
    }
    const owned = this.owned.get(sheet);
    if (owned) {
      // a sheet written whole at save(): fold the edits into its rows instead of patching XML
      for (const [, e] of overlay) {
        while (owned.rows.length < e.row) owned.rows.push([]);
        const r = owned.rows[e.row - 1];
        while (r.length < e.col) r.push(null);
        r[e.col - 1] = typeof e.value === 'boolean' ? (e.value ? 'TRUE' : 'FALSE') : e.value;
      }
      this.setOwnedGrid(sheet, owned.rows);
    }
    if (wrote.size > 0) {
      if (options.highlight ?? true) this.fixMarked.set(sheet, wrote);
      else {
        const left = new Set([...(this.fixMarked.get(sheet) ?? [])].filter((k) => !wrote.has(k)));
        if (left.size > 0) this.fixMarked.set(sheet, left);
        else this.fixMarked.delete(sheet);
      }
    }
    const result = { applied, skipped };
    if (options.log && logInfo) {
      const rows = typeof options.log.rows === 'function' ? options.log.rows(result) : options.log.rows;
      if (rows.length > 0) {
        this.appendLogSync(logInfo.name, rows);
        const entries = options.log.state?.(rows);
        // in memory, like the rest of this write (writeState is synchronous underneath)
        if (entries) void this.writeState(entries);
      }
    }
    return result;
  }

  highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    const s = this.resolveSheet(sheet);
    this.marks.set(s, [...(this.marks.get(s) ?? []), ...findings]);
    return Promise.resolve();
  }

  /** Forgets the finding highlights; the fix marks stay. */
  clearHighlights(sheet: string): Promise<void> {
    this.marks.delete(this.resolveSheet(sheet));
    return Promise.resolve();
  }

  clearFixMarks(sheet: string): Promise<void> {
    this.fixMarked.delete(this.resolveSheet(sheet));
    return Promise.resolve();
  }

  /** Cells carrying the mark of the last fix on `sheet` (A1 addresses, never written into the file): a host draws them. */
  fixMarks(sheet: string): string[] {
    return [...(this.fixMarked.get(this.resolveSheet(sheet)) ?? [])];
  }

  readFixMarks(sheet: string): Promise<string[]> {
    try {
      return Promise.resolve(this.fixMarks(sheet));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  select(sheet: string, range: CellRange): Promise<void> {
    this.selected = { sheet: this.resolveSheet(sheet), range: { ...range } };
    return Promise.resolve();
  }

  /** Findings recorded by highlight() (never written into the file): a host draws them. */
  highlights(sheet: string): readonly Finding[] {
    return this.marks.get(this.resolveSheet(sheet)) ?? [];
  }

  /** The range recorded by select(). */
  get selection(): { sheet: string; range: CellRange } | undefined {
    return this.selected;
  }

  // ---- sheets the product owns: the very-hidden event log, 「月度统计」, 「年度报告表三」 ------------

  private sheetExists(name: string): SheetInfo | undefined {
    return this.sheetInfo.find((s) => s.name === name) ?? this.sheetInfo.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private requireWritableBook(): void {
    if (!this.writable || this.src.csv) throw readErrors.unsupportedWrite(this.fileName, this.src.csv ? 'csv' : this.format);
  }

  private setOwnedGrid(name: string, rows: readonly (readonly OwnedCell[])[]): void {
    const values = rows.map((r) => {
      const row: Scalar[] = r.map((v) => (v === '' ? null : v));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    this.baseGrids.set(name, { sheet: name, values, merges: [] });
    this.overlay.delete(name);
  }

  /**
   * Create the log sheet (very hidden, header in row 1) unless a sheet of that name exists; an
   * existing sheet is never replaced, its visibility is returned for the caller to judge.
   */
  ensureLogSheet(name: string, header: readonly string[]): Promise<LogSheetState> {
    try {
      const existing = this.sheetExists(name);
      if (existing) return Promise.resolve({ created: false, visibility: existing.state });
      this.requireWritableBook();
      checkSheetName(name);
      const rows: OwnedCell[][] = [header.slice()];
      this.owned.set(name, { state: 'veryHidden', rows, options: {}, isNew: true });
      this.sheetInfo.push({ name, state: 'veryHidden' });
      this.setOwnedGrid(name, rows);
      return Promise.resolve({ created: true, visibility: 'veryHidden' });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Append rows (as text) under the last non-empty row of the log sheet. */
  appendLog(name: string, rows: readonly (readonly string[])[]): Promise<void> {
    try {
      const info = this.sheetExists(name);
      if (!info) {
        throw new SheetWriteError('no-such-log', `日志工作表「${name}」不存在，请先创建`, `log sheet "${name}" does not exist; create it first (ensureLogSheet)`);
      }
      this.appendLogSync(info.name, rows);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private appendLogSync(name: string, rows: readonly (readonly string[])[]): void {
    this.requireWritableBook();
    const owned = this.owned.get(name);
    if (owned) {
      for (const r of rows) owned.rows.push(r.slice());
      this.setOwnedGrid(name, owned.rows);
      return;
    }
    const grid = this.readSheetSync(name);
    let at = grid.values.length;
    let overlay = this.overlay.get(name);
    if (!overlay) {
      overlay = new Map();
      this.overlay.set(name, overlay);
    }
    for (const r of rows) {
      at++;
      r.forEach((v, k) => {
        if (v !== '') overlay.set(address(at, k + 1), { row: at, col: k + 1, value: String(v) });
      });
    }
  }

  /** The log sheet as text: row 1 is the header; trailing blank rows dropped; null if absent. */
  readLog(name: string): Promise<LogSheetContent | null> {
    try {
      const info = this.sheetExists(name);
      if (!info) return Promise.resolve(null);
      const grid = this.readSheetSync(info.name);
      const [head = [], ...body] = grid.values;
      const header = head.map((v) => scalarText(v));
      const width = header.length;
      const rows = body.map((r) => {
        const row = r.map((v) => scalarText(v));
        while (row.length < width) row.push('');
        return row;
      });
      return Promise.resolve({ visibility: info.state, header, rows });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Write a whole product-owned sheet: a new visible sheet at the end, or the existing one's
   * content replaced (its visibility kept). A sheet with tables, drawings or comments is not one
   * the product wrote and is refused.
   */
  writeSheet(name: string, rows: readonly (readonly (string | number | null)[])[], options: WriteSheetOptions = {}): Promise<void> {
    try {
      this.requireWritableBook();
      checkSheetName(name);
      const copy = rows.map((r) => r.slice());
      const info = this.sheetExists(name);
      if (!info) {
        this.owned.set(name, { state: 'visible', rows: copy, options: { ...options }, isNew: true });
        this.sheetInfo.push({ name, state: 'visible' });
      } else {
        const prior = this.owned.get(info.name);
        if (info.state === 'veryHidden') {
          throw new SheetWriteError(
            'not-product-sheet',
            `工作表「${info.name}」是深度隐藏的（如事件日志），不会被整表覆盖`,
            `sheet "${info.name}" is very hidden (e.g. the event log) and is not overwritten as a whole`,
          );
        }
        if (!prior && this.src.pkg) {
          const ref = this.src.pkg.sheets().find((r) => r.name === info.name);
          // Our own chart drawing (a previous run's 「月度统计」 chart) does not make the sheet foreign.
          let own = ref ? ownDrawings(this.src.pkg, ref.path).length : 0;
          const deps = ref ? sheetDependents(this.src.pkg, ref).filter((d) => !(d === 'drawing' && own-- > 0)) : [];
          if (deps.length > 0) {
            throw new SheetWriteError(
              'not-product-sheet',
              `工作表「${info.name}」含有 ${deps.join('、')}，不是本工具生成的工作表，不会被覆盖`,
              `sheet "${info.name}" has ${deps.join(', ')}: it is not a sheet this tool wrote, and is not overwritten`,
            );
          }
        }
        this.owned.set(info.name, { state: info.state, rows: copy, options: { ...options }, isNew: prior ? prior.isNew : false });
      }
      this.setOwnedGrid(info?.name ?? name, copy);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // ---- data validation and charts (written at save) --------------------------------------------

  /**
   * Validations are patched into the sheet's XML at save(): existing ones elsewhere are kept.
   * Each rule replaces what its cells had, including rules added earlier in this session (they
   * keep only the cells outside the new ranges), so calling this twice never stacks validations.
   */
  addValidation(sheet: string, rules: readonly ValidationRule[]): Promise<void> {
    try {
      const name = this.resolveSheet(sheet);
      this.requireWritableBook();
      for (const r of rules) checkValidationRule(r);
      if (rules.length === 0) return Promise.resolve();
      const copies = rules.map((r) => structuredClone(r) as ValidationRule);
      this.validations.set(name, placeValidations(this.validations.get(name) ?? [], copies));
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * A chart on a product sheet, written at save() as a drawing + chart part. A chart of the same
   * name replaces the earlier one (this session, or ours already in the file); a sheet with a
   * drawing that is not ours is refused.
   */
  writeChart(sheet: string, chart: ChartSpec): Promise<void> {
    try {
      const name = this.resolveSheet(sheet);
      this.requireWritableBook();
      checkChartSpec(chart);
      if (!this.owned.get(name)?.isNew && this.src.pkg) {
        const ref = this.src.pkg.sheets().find((r) => r.name === name);
        const foreign = ref ? sheetDependents(this.src.pkg, ref).length - ownDrawings(this.src.pkg, ref.path).length : 0;
        if (foreign > 0) {
          throw new SheetWriteError('not-product-sheet', `工作表「${name}」含有其他对象，不是本工具生成的工作表，不会在其中添加图表`, `sheet "${name}" holds other objects: it is not a sheet this tool wrote, and no chart is added to it`);
        }
      }
      let m = this.charts.get(name);
      if (!m) this.charts.set(name, (m = new Map()));
      m.set(chart.name, structuredClone(chart));
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // ---- the product state sheet (very hidden key | value) -------------------------------------

  private loadState(): Map<string, string> {
    if (this.stateCache) return this.stateCache;
    const info = this.sheetExists(STATE_SHEET);
    this.stateCache = info ? stateFromRows(this.readSheetSync(info.name).values) : new Map();
    return this.stateCache;
  }

  readState(): Promise<Record<string, string>> {
    try {
      return Promise.resolve(Object.fromEntries(this.loadState()));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Set state entries. .xlsx/.xlsm: the state sheet is written whole at save() — a new very-hidden
   * part the first time, the same part replaced after that (never a second sheet). Formats that
   * cannot be saved with a sheet (CSV, .xls, .ods) keep the state in memory for this session only.
   */
  writeState(entries: Readonly<Record<string, string | null>>): Promise<void> {
    try {
      const { next, changed } = mergeState(this.loadState(), entries);
      this.stateCache = next;
      if (!changed || !this.writable || this.src.csv) return Promise.resolve();
      const info = this.sheetExists(STATE_SHEET);
      const name = info?.name ?? STATE_SHEET;
      const prior = this.owned.get(name);
      const rows = stateRows(next);
      this.owned.set(name, { state: info?.state ?? 'veryHidden', rows, options: {}, isNew: prior ? prior.isNew : !info });
      if (!info) this.sheetInfo.push({ name, state: 'veryHidden' });
      this.setOwnedGrid(name, rows);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * The file with the applied edits. .xlsx/.xlsm: only the edited cells' XML changes, every other
   * zip entry is copied byte for byte. CSV: unedited records are copied as they were. Other
   * formats throw WorkbookReadError 'unsupported-write'. Without edits, the input bytes.
   * Sheets added by ensureLogSheet/writeSheet become new parts at the end of the sheet list
   * (plus their content-type override, workbook relationship and, for bold headers, one font
   * and one cell style appended to styles.xml); a replaced product sheet gets a new part body.
   */
  save(): Uint8Array {
    if (!this.writable) throw readErrors.unsupportedWrite(this.fileName, this.format);
    if (!this.dirty) return this.bytes.slice();
    if (this.src.csv) {
      const edits = new Map<number, Map<number, Scalar>>();
      for (const e of this.overlay.get(this.sheetInfo[0].name)?.values() ?? []) {
        const m = edits.get(e.row) ?? new Map<number, Scalar>();
        m.set(e.col, e.value);
        edits.set(e.row, m);
      }
      return writeCsv(this.src.csv, edits);
    }
    const pkg = OoxmlPackage.open(this.bytes);
    const refs = pkg.sheets();
    for (const [sheet, cells] of this.overlay) {
      if (cells.size === 0) continue;
      const ref = refs.find((r) => r.name === sheet);
      if (!ref || !ref.path || !pkg.has(ref.path)) throw new Error(`worksheet part of "${sheet}" not found`);
      pkg.patchSheet(ref, [...cells.values()]);
    }
    const written = new Map<string, string>(); // sheet name -> part path of sheets written whole
    if (this.owned.size > 0) {
      const needsBold = [...this.owned.values()].some((o) => (o.options.headerRows ?? 0) > 0);
      const boldStyle = needsBold ? addBoldStyle(pkg) : undefined;
      for (const [name, o] of this.owned) {
        const xml = worksheetXml(o.rows, { headerRows: o.options.headerRows, columnWidths: o.options.columnWidths, boldStyle });
        if (o.isNew) {
          written.set(name, addWorksheet(pkg, name, o.state, xml));
        } else {
          const ref = refs.find((r) => r.name === name);
          if (!ref || !ref.path || !pkg.has(ref.path)) throw new Error(`worksheet part of "${name}" not found`);
          // A product sheet written again keeps the chart we drew on it before (unless a new one replaces it below).
          const kept = ownDrawings(pkg, ref.path)[0];
          replaceWorksheet(pkg, ref, kept ? setSheetDrawing(xml, kept.id) : xml);
          written.set(name, ref.path);
        }
      }
    }
    for (const [name, charts] of this.charts) {
      const path = written.get(name) ?? refs.find((r) => r.name === name)?.path;
      if (!path || !pkg.has(path)) throw new Error(`worksheet part of "${name}" not found`);
      for (const d of ownDrawings(pkg, path)) removeOwnDrawing(pkg, path, d);
      const rId = addChartParts(pkg, path, name, [...charts.values()]);
      pkg.write(path, setSheetDrawing(pkg.readText(path), rId));
    }
    for (const [name, rules] of this.validations) {
      const path = written.get(name) ?? refs.find((r) => r.name === name)?.path;
      if (!path || !pkg.has(path)) throw new Error(`worksheet part of "${name}" not found`);
      pkg.write(path, patchDataValidations(pkg.readText(path), rules));
    }
    if (this.hasFormulas) pkg.setFullCalcOnLoad();
    return pkg.toBytes();
  }

  /** A file name for the saved bytes: the input's name, its extension matching the format. */
  get suggestedFileName(): string {
    const base = this.fileName.replace(/^.*[\\/]/, '');
    const ext = this.format === 'xlsm' ? 'xlsm' : this.format === 'csv' ? (/\.tsv$/i.test(base) ? 'tsv' : 'csv') : 'xlsx';
    return /\.[^.]+$/.test(base) ? base.replace(/\.[^.]+$/, `.${ext}`) : `${base}.${ext}`;
  }
}

function checkEdit(e: CellEdit): { row: number; col: number } {
  let { row, col } = e;
  if ((!Number.isInteger(row) || !Number.isInteger(col)) && typeof e.cell === 'string') {
    const p = parseAddress(e.cell);
    if (p) ({ row, col } = p);
  }
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > 1048576 || col > 16384) {
    throw new RangeError(`edit at ${e.cell ?? `(${row}, ${col})`} is outside the sheet`);
  }
  if (typeof e.cell === 'string' && e.cell !== '') {
    const p = parseAddress(e.cell);
    if (p && (p.row !== row || p.col !== col)) throw new RangeError(`edit cell ${e.cell} does not match row ${row}, col ${col}`);
  }
  return { row, col };
}

function cloneGrid(g: Grid): Grid {
  const out: Grid = { sheet: g.sheet, values: g.values.map((r) => r.slice()), merges: g.merges.map((m) => ({ ...m })) };
  if (g.special) out.special = { ...g.special };
  return out;
}

export { WorkbookReadError, SheetWriteError };
