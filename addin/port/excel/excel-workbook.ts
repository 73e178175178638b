/// <reference types="office-js" />
/**
 * The Excel adapter: WorkbookPort over Office.js.
 *
 * This module owns every `context.sync()`. It never calls `Excel.run` itself: the run-style
 * context provider is passed in (office-run.ts in the add-in, fake-excel.ts in tests), and so are
 * the capabilities (from `Office.context.requirements.isSetSupported`).
 *
 * Sync budgets (asserted in excel-workbook.test.ts against the fake):
 * - readSheet: 1 sync for sizes and merged areas, 1 for values when the estimated payload fits
 *   (sheets up to 50k cells); above that, row chunks sized by estimated payload, each halved
 *   when Excel reports a payload-size error. Merged areas page through `areas` 512 at a time in
 *   the same syncs.
 * - applyEdits: 1 read sync (current values, fills, protection, log end, state sheet), then
 *   edits + fix marks + log rows + the remembered fills and the log's new head in 1 write sync. Inside one `Excel.run`
 *   with `mergeUndoGroup` where ExcelApi 1.20 exists; the revert set is always returned for our
 *   own undo.
 * - highlight, clearHighlights, clearFixMarks, writeState: 1 read sync + 1 write sync.
 *
 * The fills under finding colours and fix marks are kept in the state sheet (fill-memory.ts),
 * not in this object: the ribbon's commands run in a runtime of their own, and marks outlive a
 * session. Every operation that rewrites the state sheet is serialised within this adapter.
 */
import type { CellRange, CellSpecial, Grid, Scalar } from '../../catalogue/grid.ts';
import { address, parseAddress, scalarText } from '../../catalogue/grid.ts';
import type { CellEdit, Finding, Severity } from '../../catalogue/types.ts';
import { serialToIsoDate } from '../file/dates.ts';
import type {
  ApplyEditsOptions,
  ApplyResult,
  CellRef,
  CellsChangedEvent,
  ChartSpec,
  LogSheetContent,
  LogSheetState,
  PortCapabilities,
  PortEvents,
  RowSpan,
  RowsRead,
  SelectionEvent,
  Unsubscribe,
  ValidationRule,
  WorkbookPort,
  WriteSheetOptions,
} from '../workbook-port.ts';
import { STATE_SHEET, checkValidationRule, mergeState, stateFromRows, stateRows } from '../workbook-port.ts';
import { rangeA1 } from '../ranges.ts';
import { excelErrors, isAccessDenied, isPayloadError, officeCode } from './errors.ts';
import type { SheetFills } from './fill-memory.ts';
import { FILLS_MAX_CHARS, FillBudget, cloneFills, emptyFills, encodeFills, fillsEntries, readFills } from './fill-memory.ts';

export { ExcelPortError } from './errors.ts';
export type { ApplyEditsOptions } from '../workbook-port.ts';

/** `Excel.run`, as passed in: `(batch, options?) => result`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;
/** `Excel.run(context, batch)`: a batch on an existing RequestContext (event handlers are removed in the one that added them). */
export type ExcelRunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelCapabilities {
  /** ExcelApi 1.8: Range.dataValidation. */
  dataValidation: boolean;
  /** ExcelApi 1.9: Worksheet.getRanges (one range list for many cells). */
  rangeAreas: boolean;
  /** ExcelApi 1.9: worksheets.onChanged / onSelectionChanged (the collection-wide events). */
  events: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** ExcelApi 1.20: Excel.run({ mergeUndoGroup: true }). */
  mergeUndoGroup: boolean;
}

/** Capabilities from `Office.context.requirements.isSetSupported` (passed in, never read from a global here). */
export function excelCapabilities(isSetSupported: (set: string, version: string) => boolean): ExcelCapabilities {
  return {
    dataValidation: isSetSupported('ExcelApi', '1.8'),
    rangeAreas: isSetSupported('ExcelApi', '1.9'),
    events: isSetSupported('ExcelApi', '1.9'),
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
    notes: isSetSupported('ExcelApi', '1.18'),
    mergeUndoGroup: isSetSupported('ExcelApi', '1.20'),
  };
}

export interface ExcelWorkbookOptions {
  capabilities: ExcelCapabilities;
  /** `Excel.run(context, batch)`; without it no events are offered (they could not be removed). */
  runIn?: ExcelRunIn;
  /** Largest response one read sync should carry, in bytes. Default 4,000,000 (Excel on the web fails at about 5 MB). */
  payloadBudget?: number;
  /** Estimated response bytes per cell (values + valueTypes + numberFormat). Default 80: 50,000 cells per read. */
  bytesPerCell?: number;
  /** Merged areas loaded per page of `RangeAreas.areas`. Default 512. */
  mergePage?: number;
  /** Below ExcelApi 1.13: where merged areas come from (e.g. the file adapter on getFileAsync bytes). Default: none. */
  mergesFallback?: (sheet: string) => Promise<CellRange[]>;
  /** Fill applyEdits gives the cells it changed (false: none). Default '#C6EFCE' (green). */
  editFill?: string | false;
  /** Fills per severity for highlight(). */
  severityFill?: Partial<Record<Severity, string>>;
}

export interface ExcelApplyResult extends ApplyResult {
  /** Edits that put back what the applied ones replaced (apply them to undo). */
  revert: CellEdit[];
  /** True when Excel's own undo takes the whole change back in one step (ExcelApi 1.20). */
  nativeUndo: boolean;
  /** Context syncs used. */
  syncs: number;
}

const DEFAULT_SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const NO_FILL = '#FFFFFF';
const MIN_CHUNK_ROWS = 1;

type Visibility = LogSheetState['visibility'];

function visibilityOf(v: string): Visibility {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

/** Number formats that show a date or time (quoted text, escapes, colours and locales stripped). */
export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const s = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  return /[ymdhs]/i.test(s);
}

/** One cell from Office.js arrays to the Grid's value (+ special). */
export function cellOf(value: unknown, type: string | undefined, fmt: string | undefined): { v: Scalar; sp?: CellSpecial } {
  if (type === 'Error') return { v: null, sp: { kind: 'error', error: String(value) } };
  if (value === '' || value === null || value === undefined || type === 'Empty') return { v: null };
  if (typeof value === 'number' && fmt !== undefined && isDateFormat(fmt)) {
    const iso = serialToIsoDate(value);
    return iso ? { v: iso, sp: { kind: 'date', iso } } : { v: value, sp: { kind: 'date' } };
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return { v: value };
  return { v: String(value) };
}

/**
 * A string as typed into Excel keeps its text: Excel turns "001", "TRUE", "2024-01-05" or "=x"
 * written to `values` into a number, boolean, date or formula, so such strings get the apostrophe
 * prefix that tells Excel "text" (it is not part of the stored value).
 */
export function excelInput(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string') return v;
  if (v === '') return '';
  const t = v.trim();
  const coercible =
    v.startsWith("'") ||
    /^[=+\-@]/.test(v) ||
    /^[+-]?[\d.,]+%?$/.test(t) ||
    /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}:\d{2}(:\d{2})?$/.test(t) ||
    /^\d+\s*\/\s*\d+$/.test(t);
  return coercible ? `'${v}` : v;
}

/** "Sheet1!A1:C3", "'My sheet'!B2" -> the 1-based rectangle. */
export function rectOfAddress(a: string): CellRange {
  const bare = a.slice(a.lastIndexOf('!') + 1);
  const [p1, p2] = bare.split(':');
  const p = parseAddress(p1);
  const q = parseAddress(p2 ?? p1);
  if (!p || !q) throw new Error(`cannot read the address ${a}`);
  return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

/** "'My sheet'!B3" -> "My sheet". */
export function sheetOfAddress(a: string): string {
  const i = a.lastIndexOf('!');
  const raw = i < 0 ? '' : a.slice(0, i);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

function a1(r: CellRange): string {
  const tl = address(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${address(r.r2, r.c2)}`;
}

function editCell(e: CellEdit): { row: number; col: number } {
  let { row, col } = e;
  if ((!Number.isInteger(row) || !Number.isInteger(col)) && typeof e.cell === 'string') {
    const p = parseAddress(e.cell);
    if (p) ({ row, col } = p);
  }
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > 1048576 || col > 16384) {
    throw new RangeError(`edit at ${e.cell ?? `(${row}, ${col})`} is outside the sheet`);
  }
  return { row, col };
}

type Ctx = Excel.RequestContext;

/** The state sheet as queued for reading, with the workbook's structure protection. */
interface StateRead {
  ws: Excel.Worksheet;
  used: Excel.Range;
  book: Excel.WorkbookProtection;
}

export class ExcelWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities;
  readonly excel: ExcelCapabilities;
  private readonly run: ExcelRun;
  private readonly payloadBudget: number;
  private readonly bytesPerCell: number;
  private readonly mergePage: number;
  private readonly mergesFallback?: (sheet: string) => Promise<CellRange[]>;
  private readonly editFill: string | false;
  private readonly severityFill: Record<Severity, string>;
  /**
   * The fills under finding colours and fix marks live in the workbook's state sheet
   * (fill-memory.ts), so another runtime or a later session can put them back. Only a workbook
   * whose structure is protected, with no state sheet yet, keeps them here, for this runtime.
   */
  private readonly volatileFills = new Map<string, SheetFills>();
  /** Tail of the operations that rewrite the state sheet: they run one after another. */
  private stateTail: Promise<unknown> = Promise.resolve();
  /** Syncs of the last public call (diagnostics and tests). */
  lastSyncs = 0;
  readonly events?: PortEvents;
  private readonly runIn?: ExcelRunIn;

  constructor(run: ExcelRun, options: ExcelWorkbookOptions) {
    this.run = run;
    this.excel = { ...options.capabilities };
    this.capabilities = { host: 'excel', mergeUndoGroup: options.capabilities.mergeUndoGroup, notes: options.capabilities.notes, dataValidation: options.capabilities.dataValidation };
    this.runIn = options.runIn;
    if (options.capabilities.events && options.runIn) {
      this.events = {
        onChanged: (listener) => this.subscribe('changed', listener),
        onSelectionChanged: (listener) => this.subscribe('selection', listener),
      };
    }
    this.payloadBudget = options.payloadBudget ?? 4_000_000;
    this.bytesPerCell = options.bytesPerCell ?? 80;
    this.mergePage = options.mergePage ?? 512;
    this.mergesFallback = options.mergesFallback;
    this.editFill = options.editFill ?? '#C6EFCE';
    this.severityFill = { ...DEFAULT_SEVERITY_FILL, ...options.severityFill };
  }

  /** One Excel.run; counts syncs into lastSyncs. */
  private async batch<T>(fn: (ctx: Ctx, sync: () => Promise<void>) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
    let n = 0;
    try {
      return await this.run(async (ctx) => {
        const sync = async () => {
          n++;
          await ctx.sync();
        };
        return fn(ctx, sync);
      }, options);
    } catch (e) {
      if (officeCode(e) === 'InvalidOperationInCellEditMode') throw excelErrors.cellEdit();
      throw e;
    } finally {
      this.lastSyncs = n;
    }
  }

  /**
   * Run `fn` after every state-rewriting operation started before it has settled. The state
   * sheet is read, merged and rewritten across two syncs: two of those interleaved would lose
   * the keys of the first (two quick 忽略 clicks), and the first pair on a new workbook would
   * both try to create the sheet.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.stateTail.then(fn, fn);
    this.stateTail = run.catch(() => undefined);
    return run;
  }

  /**
   * Another runtime (the ribbon's, another pane) may create the state sheet between our read and
   * our write. Excel then answers ItemAlreadyExists; the creation is queued first in the write,
   * so nothing of that batch ran, and it runs once more on the sheet that now exists.
   */
  private async stateBatch<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (officeCode(e) !== 'ItemAlreadyExists') throw e;
      return fn();
    }
  }

  private sheetOrNull(ctx: Ctx, name?: string): Excel.Worksheet {
    return name === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItemOrNullObject(name);
  }

  async listSheets(): Promise<string[]> {
    return this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.load('items/name');
      await sync();
      return ws.items.map((s) => s.name);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  async readSheet(name?: string): Promise<Grid> {
    const { grid, fallback } = await this.batch(async (ctx, sync) => {
      const ws = this.sheetOrNull(ctx, name);
      ws.load('name');
      const all = ctx.workbook.worksheets.load('items/name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      let first: Excel.RangeAreas | undefined;
      if (this.excel.mergedAreas) {
        first = ws.getRange().getMergedAreasOrNullObject();
        first.load('areaCount');
        first.areas.load({ select: 'rowIndex,columnIndex,rowCount,columnCount', top: this.mergePage, skip: 0 });
      }
      await sync();
      if (ws.isNullObject) throw excelErrors.noSuchSheet(name ?? '', all.items.map((s) => s.name));
      const sheet = ws.name;
      const merges: CellRange[] = [];
      const takeAreas = (ra: Excel.RangeAreas) => {
        for (const r of ra.areas.items) merges.push({ r1: r.rowIndex + 1, c1: r.columnIndex + 1, r2: r.rowIndex + r.rowCount, c2: r.columnIndex + r.columnCount });
      };
      // Later pages of merged areas: queued with the first values read.
      let pages: Excel.RangeAreas[] = [];
      const queuePages = () => {
        pages = [];
        if (!first || first.isNullObject) return;
        for (let skip = this.mergePage; skip < first.areaCount; skip += this.mergePage) {
          const ra = ws.getRange().getMergedAreasOrNullObject();
          ra.areas.load({ select: 'rowIndex,columnIndex,rowCount,columnCount', top: this.mergePage, skip });
          pages.push(ra);
        }
      };
      const grid: Grid = { sheet, values: [], merges };
      const special: Record<string, CellSpecial> = {};
      if (!used.isNullObject) {
        const { rowIndex: r0, columnIndex: c0, rowCount: rows, columnCount: cols } = used;
        const cellsPerRead = Math.max(1, Math.floor(this.payloadBudget / this.bytesPerCell));
        let chunk = rows * cols <= cellsPerRead ? rows : Math.max(1, Math.floor(cellsPerRead / cols));
        let done = 0;
        let pagesPending = true;
        while (done < rows) {
          const n = Math.min(chunk, rows - done);
          const range = ws.getRangeByIndexes(r0 + done, c0, n, cols);
          range.load('values,valueTypes,numberFormat');
          if (pagesPending) queuePages();
          try {
            await sync();
          } catch (e) {
            if (!isPayloadError(e)) throw e;
            if (n <= MIN_CHUNK_ROWS) throw excelErrors.tooLarge(sheet, r0 + done + 1);
            chunk = Math.ceil(n / 2);
            continue;
          }
          if (pagesPending) {
            for (const p of pages) takeAreas(p);
            pagesPending = false;
          }
          const { values, valueTypes, numberFormat } = range;
          for (let i = 0; i < n; i++) {
            const row: Scalar[] = [];
            let last = 0;
            for (let j = 0; j < cols; j++) {
              const { v, sp } = cellOf(values[i][j], valueTypes[i][j], numberFormat[i][j]);
              row.push(v);
              if (v !== null) last = j + 1;
              if (sp) special[address(r0 + done + i + 1, c0 + j + 1)] = sp;
            }
            row.length = last;
            grid.values[r0 + done + i] = c0 > 0 && last > 0 ? [...new Array<Scalar>(c0).fill(null), ...row] : row;
          }
          done += n;
        }
        for (let i = 0; i < grid.values.length; i++) grid.values[i] ??= [];
        while (grid.values.length > 0 && grid.values[grid.values.length - 1].length === 0) grid.values.pop();
      }
      if (first && !first.isNullObject) {
        takeAreas(first);
        merges.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
        if (used.isNullObject && first.areaCount > this.mergePage) {
          // An empty sheet with many merges: page them now (one more sync).
          queuePages();
          await sync();
          for (const p of pages) takeAreas(p);
          merges.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
        }
      }
      if (Object.keys(special).length > 0) grid.special = special;
      return { grid, fallback: !this.excel.mergedAreas };
    });
    if (fallback && this.mergesFallback) grid.merges = await this.mergesFallback(grid.sheet);
    return grid;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  applyEdits(sheet: string, edits: readonly CellEdit[], options: ApplyEditsOptions = {}): Promise<ExcelApplyResult> {
    const cells = edits.map(editCell);
    const mark = (options.highlight ?? true) && this.editFill !== false;
    const fill = this.editFill === false ? this.severityFill.info : this.editFill;
    const nativeUndo = this.excel.mergeUndoGroup;
    return this.exclusive(() =>
      this.stateBatch(() =>
        this.batch(
          async (ctx, sync) => {
            const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
            ws.load('name');
            ws.protection.load('protected');
            const all = ctx.workbook.worksheets.load('items/name');
            const st = this.queueState(ctx);
            // One proxy per distinct cell: its value (with type and format, to compare as validation saw it) and fill.
            const byCell = new Map<string, { range: Excel.Range; fill?: Excel.RangeFill }>();
            for (const { row, col } of cells) {
              const key = address(row, col);
              if (byCell.has(key)) continue;
              const range = ws.getRangeByIndexes(row - 1, col - 1, 1, 1);
              range.load('values,valueTypes,numberFormat');
              const entry: { range: Excel.Range; fill?: Excel.RangeFill } = { range };
              if (mark) entry.fill = range.format.fill.load('color');
              byCell.set(key, entry);
            }
            const log = options.log ? this.queueLogEnd(ctx, options.log.name) : undefined;
            await sync();
            if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
            if (ws.protection.protected) throw excelErrors.protectedSheet(ws.name, '修改单元格', 'changing cells');
            if (log && log.ws.isNullObject) throw excelErrors.logMissing(options.log?.name ?? '');
            const store = this.fillStore(st, ws.name);
            const { found, fixed } = store.fills;

            const applied: CellEdit[] = [];
            const skipped: CellEdit[] = [];
            const revert: CellEdit[] = [];
            const current = new Map<string, Scalar>();
            const wrote = new Set<string>();
            const writes: [Excel.Range, string | number | boolean][] = [];
            for (const [key, { range }] of byCell) current.set(key, cellOf(range.values[0][0], range.valueTypes[0][0], range.numberFormat[0][0]).v);
            for (let i = 0; i < edits.length; i++) {
              const e = edits[i];
              const key = address(cells[i].row, cells[i].col);
              const now = current.get(key) ?? null;
              if (scalarText(now) !== scalarText(e.expect)) {
                skipped.push(e);
                continue;
              }
              applied.push(e);
              const set = e.set === '' ? null : e.set;
              if (now === set) continue;
              const target = byCell.get(key)?.range;
              if (target) writes.push([target, excelInput(set)]);
              revert.push({ row: cells[i].row, col: cells[i].col, cell: key, expect: set, set: now });
              current.set(key, set);
              wrote.add(key);
            }
            // Fix marks: this fix's cells green (remembering the fill under any finding colour), the
            // previous fix's other cells back to their own fill. An unmarked write (undo) unmarks.
            let after: SheetFills | undefined;
            const restore: [string, string][] = [];
            const marked: string[] = [];
            if (wrote.size > 0) {
              after = { found: new Map(found), fixed: new Map(mark ? [] : fixed) };
              if (mark) {
                const budget = new FillBudget({ found, fixed: new Map() });
                for (const key of wrote) {
                  const original = found.get(key) ?? fixed.get(key) ?? byCell.get(key)?.fill?.color ?? NO_FILL;
                  if (!budget.take('fixed', key, original)) continue; // past what the state keeps: left unmarked
                  after.fixed.set(key, original);
                  after.found.delete(key);
                  marked.push(key);
                }
                for (const [key, color] of fixed) if (!after.fixed.has(key)) restore.push([key, color]);
              } else {
                for (const key of wrote) {
                  const color = fixed.get(key);
                  if (color === undefined) continue;
                  restore.push([key, color]);
                  after.fixed.delete(key);
                }
              }
            }
            const logRows = !options.log ? [] : typeof options.log.rows === 'function' ? options.log.rows({ applied, skipped }) : options.log.rows;
            // state recorded with the log rows (the log's new head) joins the fills' state rewrite
            const logState = logRows.length > 0 ? options.log?.state?.(logRows) : undefined;
            if (wrote.size > 0 || logRows.length > 0) {
              const fillsChanged = !!after && encodeFills(after) !== encodeFills(store.fills);
              const saving = fillsChanged || logState ? store.queueSave(ctx, after ?? store.fills, logState) : undefined;
              for (const [range, v] of writes) range.values = [[v]];
              this.paintBack(ws, restore);
              if (marked.length > 0) this.paint(ws, marked, fill);
              if (log && logRows.length > 0) this.queueLogRows(log, logRows);
              saving?.();
              try {
                await sync();
              } catch (e) {
                if (isAccessDenied(e)) throw excelErrors.protectedSheet(sheet, '修改单元格', 'changing cells');
                throw e;
              }
              if (after) store.saved(after);
            }
            return { applied, skipped, revert: revert.reverse(), nativeUndo, syncs: 0 };
          },
          nativeUndo ? { mergeUndoGroup: true } : undefined,
        ),
      ),
    ).then((r) => ({ ...r, syncs: this.lastSyncs }));
  }

  /** Put back what an applyEdits call replaced (cells changed since are skipped, never overwritten); their fix marks go. */
  revert(sheet: string, result: Pick<ExcelApplyResult, 'revert'>): Promise<ExcelApplyResult> {
    return this.applyEdits(sheet, result.revert, { highlight: false });
  }

  /** Cells carrying the green mark of the last fix on `sheet` (A1 addresses), whichever runtime or session made it: 1 sync. */
  readFixMarks(sheet: string): Promise<string[]> {
    return this.exclusive(() =>
      this.batch(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('name');
        const st = this.queueState(ctx);
        await sync();
        if (ws.isNullObject) return [];
        return [...this.fillStore(st, ws.name).fills.fixed.keys()];
      }),
    );
  }

  /** Queue one fill colour for many cells: range lists of ≤ 200 cells (ExcelApi 1.9), else one range per cell. */
  private paint(ws: Excel.Worksheet, cells: readonly string[], color: string | null): void {
    if (this.excel.rangeAreas) {
      for (let i = 0; i < cells.length; i += 200) {
        const ra = ws.getRanges(cells.slice(i, i + 200).join(','));
        if (color === null) ra.format.fill.clear();
        else ra.format.fill.color = color;
      }
    } else {
      for (const c of cells) {
        const r = ws.getRange(c);
        if (color === null) r.format.fill.clear();
        else r.format.fill.color = color;
      }
    }
  }

  /** Queue remembered fills back, grouped by colour ('#FFFFFF' = no fill). */
  private paintBack(ws: Excel.Worksheet, cells: Iterable<[string, string]>): void {
    const byColor = new Map<string, string[]>();
    for (const [key, color] of cells) {
      const k = color.toUpperCase() === NO_FILL ? '' : color;
      let list = byColor.get(k);
      if (!list) byColor.set(k, (list = []));
      list.push(key);
    }
    for (const [color, keys] of byColor) this.paint(ws, keys, color === '' ? null : color);
  }

  /**
   * Colour finding cells by their worst severity (cells with a fix mark keep it), remembering
   * each cell's own fill in the state sheet: 1 read sync (fills, state) + 1 write sync.
   */
  async highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
    const worst = new Map<string, Severity>();
    for (const f of findings) {
      if (!(f.row >= 1 && f.col >= 1)) continue;
      const key = address(f.row, f.col);
      const s = worst.get(key);
      if (!s || rank[f.severity] > rank[s]) worst.set(key, f.severity);
    }
    if (worst.size === 0) return;
    // Most severe first: if the state cannot remember every cell, the errors are the ones coloured.
    // No more cells than the fill memory could ever hold (3 characters a cell at the least): the
    // fills loaded for them stay well inside one sync's payload.
    const order = [...worst].sort((a, b) => rank[b[1]] - rank[a[1]]).slice(0, Math.floor(FILLS_MAX_CHARS / 3));
    await this.exclusive(() =>
      this.stateBatch(() =>
        this.batch(async (ctx, sync) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
          ws.load('name');
          ws.protection.load('protected');
          const all = ctx.workbook.worksheets.load('items/name');
          const st = this.queueState(ctx);
          const fills = new Map<string, Excel.RangeFill>();
          for (const [key] of order) fills.set(key, ws.getRange(key).format.fill.load('color'));
          await sync();
          if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
          if (ws.protection.protected) throw excelErrors.protectedSheet(ws.name, '标出问题单元格', 'highlighting cells');
          const store = this.fillStore(st, ws.name);
          const before = store.fills;
          const after = cloneFills(before);
          const budget = new FillBudget(before);
          const bySeverity: Record<Severity, string[]> = { error: [], warning: [], info: [] };
          for (const [key, sev] of order) {
            if (before.fixed.has(key)) continue; // the fix mark stays until the user clears it or the next fix
            if (!before.found.has(key)) {
              const own = fills.get(key)?.color ?? NO_FILL;
              if (!budget.take('found', key, own)) continue;
              after.found.set(key, own);
            }
            bySeverity[sev].push(key);
          }
          if (bySeverity.error.length + bySeverity.warning.length + bySeverity.info.length === 0) return;
          const saving = encodeFills(after) !== encodeFills(before) ? store.queueSave(ctx, after) : undefined;
          for (const sev of ['error', 'warning', 'info'] as const) if (bySeverity[sev].length) this.paint(ws, bySeverity[sev], this.severityFill[sev]);
          saving?.();
          await sync();
          store.saved(after);
        }),
      ),
    );
  }

  async clearHighlights(sheet: string): Promise<void> {
    await this.restoreFills('found', sheet, '清除标记', 'clearing the highlights');
  }

  async clearFixMarks(sheet: string): Promise<void> {
    await this.restoreFills('fixed', sheet, '清除修复标记', 'clearing the fix marks');
  }

  /** Put back the fills remembered (in the state sheet) under `which` for `sheet`: 1 read sync, then 1 write sync when there is any. */
  private async restoreFills(which: keyof SheetFills, sheet: string, action: string, actionEn: string): Promise<void> {
    await this.exclusive(() =>
      this.stateBatch(() =>
        this.batch(async (ctx, sync) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
          ws.load('name');
          const all = ctx.workbook.worksheets.load('items/name');
          const st = this.queueState(ctx);
          await sync();
          if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
          const store = this.fillStore(st, ws.name);
          const memory = store.fills[which];
          if (memory.size === 0) return;
          const after = cloneFills(store.fills);
          after[which] = new Map();
          const saving = store.queueSave(ctx, after);
          this.paintBack(ws, memory);
          saving();
          try {
            await sync();
          } catch (e) {
            if (isAccessDenied(e)) throw excelErrors.protectedSheet(sheet, action, actionEn);
            throw e;
          }
          store.saved(after);
        }),
      ),
    );
  }

  async select(sheet: string, range: CellRange): Promise<void> {
    await this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.getRange(a1(range)).select();
      await sync();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The very-hidden log sheet

  private queueLogEnd(ctx: Ctx, name: string): { ws: Excel.Worksheet; used: Excel.Range } {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    return { ws, used };
  }

  private queueLogRows(log: { ws: Excel.Worksheet; used: Excel.Range }, rows: readonly (readonly string[])[]): void {
    const start = log.used.isNullObject ? 0 : log.used.rowIndex + log.used.rowCount;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const range = log.ws.getRangeByIndexes(start, 0, rows.length, width);
    range.numberFormat = rows.map(() => new Array<string>(width).fill('@'));
    range.values = rows.map((r) => Array.from({ length: width }, (_, j) => excelInput(r[j] ?? '')));
  }

  async ensureLogSheet(name: string, header: readonly string[]): Promise<LogSheetState> {
    return this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name,visibility');
      await sync();
      if (!ws.isNullObject) return { created: false, visibility: visibilityOf(ws.visibility) };
      const added = ctx.workbook.worksheets.add(name);
      if (header.length > 0) {
        const r = added.getRangeByIndexes(0, 0, 1, header.length);
        r.numberFormat = [header.map(() => '@')];
        r.values = [header.map((h) => excelInput(h))];
      }
      added.visibility = 'VeryHidden';
      try {
        await sync();
      } catch (e) {
        if (isAccessDenied(e)) throw excelErrors.workbookProtected(name);
        throw e;
      }
      return { created: true, visibility: 'veryHidden' };
    });
  }

  async appendLog(name: string, rows: readonly (readonly string[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.batch(async (ctx, sync) => {
      const log = this.queueLogEnd(ctx, name);
      await sync();
      if (log.ws.isNullObject) throw excelErrors.logMissing(name);
      this.queueLogRows(log, rows);
      try {
        await sync();
      } catch (e) {
        if (isAccessDenied(e)) throw excelErrors.protectedSheet(name, '写入日志', 'writing the log');
        throw e;
      }
    });
  }

  async readLog(name: string): Promise<LogSheetContent | null> {
    return this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name,visibility');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,values');
      await sync();
      if (ws.isNullObject) return null;
      const visibility = visibilityOf(ws.visibility);
      if (used.isNullObject) return { visibility, header: [], rows: [] };
      const pad = (r: unknown[]) => [...new Array<string>(used.columnIndex).fill(''), ...r.map((v) => scalarText(v as Scalar))];
      const all: string[][] = [];
      for (let i = 0; i < used.rowIndex; i++) all.push([]);
      for (const r of used.values) all.push(pad(r));
      const trim = (r: string[]) => {
        while (r.length > 0 && r[r.length - 1] === '') r.pop();
        return r;
      };
      return { visibility, header: trim(all[0] ?? []), rows: all.slice(1).map(trim) };
    });
  }

  async writeSheet(name: string, rows: readonly (readonly (string | number | null)[])[], options: WriteSheetOptions = {}): Promise<void> {
    await this.batch(async (ctx, sync) => {
      const found = ctx.workbook.worksheets.getItemOrNullObject(name);
      found.load('name');
      found.protection.load('protected');
      await sync();
      if (!found.isNullObject && found.protection.protected) throw excelErrors.protectedSheet(name, '写入结果', 'writing the results');
      const ws = found.isNullObject ? ctx.workbook.worksheets.add(name) : found;
      if (!found.isNullObject) ws.getRange().clear();
      const width = Math.max(0, ...rows.map((r) => r.length));
      if (rows.length > 0 && width > 0) {
        const range = ws.getRangeByIndexes(0, 0, rows.length, width);
        range.values = rows.map((r) => Array.from({ length: width }, (_, j) => excelInput(r[j] ?? null)));
        const h = Math.min(options.headerRows ?? 0, rows.length);
        if (h > 0) {
          ws.getRangeByIndexes(0, 0, h, width).format.font.bold = true;
          ws.freezePanes.freezeRows(h);
        }
      }
      (options.columnWidths ?? []).forEach((chars, c) => {
        // Excel column width in points: about 7 points per character of the default font, plus padding.
        if (chars > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(chars * 7 + 5);
      });
      try {
        await sync();
      } catch (e) {
        if (isAccessDenied(e)) throw found.isNullObject ? excelErrors.workbookProtected(name) : excelErrors.protectedSheet(name, '写入结果', 'writing the results');
        throw e;
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The product state sheet (very hidden, key | value)

  private queueState(ctx: Ctx): StateRead {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,values');
    const book = ctx.workbook.protection.load('protected');
    return { ws, used, book };
  }

  private stateOf(q: StateRead): Map<string, string> {
    if (q.ws.isNullObject || q.used.isNullObject) return new Map();
    const rows: unknown[][] = [];
    for (let i = 0; i < q.used.rowIndex; i++) rows.push([]);
    for (const r of q.used.values) rows.push([...new Array<unknown>(q.used.columnIndex).fill(''), ...r]);
    return stateFromRows(rows);
  }

  /**
   * Queue the state rewrite to `next` in the current batch. The sheet's creation (when it is
   * missing) is queued right away, so call this before queueing anything else of the write;
   * the returned function queues the rows, last.
   */
  private queueStateWrite(ctx: Ctx, q: StateRead): (next: ReadonlyMap<string, string>) => void {
    const created = q.ws.isNullObject;
    const ws = created ? ctx.workbook.worksheets.add(STATE_SHEET) : q.ws;
    return (next) => {
      if (!created) ws.getRange().clear();
      const rows = stateRows(next);
      const range = ws.getRangeByIndexes(0, 0, rows.length, 2);
      range.numberFormat = rows.map(() => ['@', '@']);
      range.values = rows.map((r) => r.map((v) => excelInput(v)));
      if (created) ws.visibility = 'VeryHidden';
    };
  }

  /**
   * Where the fills of `sheet` are remembered: the state sheet (read with `q`), or this
   * runtime's memory when there is no state sheet and the workbook structure is protected
   * (no sheet can be added).
   */
  private fillStore(q: StateRead, sheet: string): { fills: SheetFills; queueSave(ctx: Ctx, after: SheetFills, extra?: Readonly<Record<string, string>>): () => void; saved(after: SheetFills): void } {
    const persist = !q.ws.isNullObject || !q.book.protected;
    if (!persist) {
      return {
        fills: cloneFills(this.volatileFills.get(sheet) ?? emptyFills()),
        queueSave: () => () => undefined,
        saved: (after) => void this.volatileFills.set(sheet, cloneFills(after)),
      };
    }
    const state = this.stateOf(q);
    return {
      fills: readFills(state, sheet),
      queueSave: (ctx, after, extra) => {
        const rows = this.queueStateWrite(ctx, q);
        return () => rows(mergeState(state, { ...fillsEntries(state, sheet, after), ...extra }).next);
      },
      saved: () => undefined,
    };
  }

  /** 1 sync. */
  async readState(): Promise<Record<string, string>> {
    return this.exclusive(() =>
      this.batch(async (ctx, sync) => {
        const q = this.queueState(ctx);
        await sync();
        return Object.fromEntries(this.stateOf(q));
      }),
    );
  }

  /**
   * 1 read sync (the current entries), then 1 write sync that (creates the very-hidden sheet the
   * first time and) rewrites the entries as text. No write when nothing changes. Calls are
   * serialised with each other and with every other state rewrite of this adapter.
   */
  async writeState(entries: Readonly<Record<string, string | null>>): Promise<void> {
    if (Object.keys(entries).length === 0) return;
    await this.exclusive(() =>
      this.stateBatch(() =>
        this.batch(async (ctx, sync) => {
          const q = this.queueState(ctx);
          await sync();
          const { next, changed } = mergeState(this.stateOf(q), entries);
          if (!changed) return;
          const created = q.ws.isNullObject;
          this.queueStateWrite(ctx, q)(next);
          try {
            await sync();
          } catch (e) {
            if (isAccessDenied(e)) throw created ? excelErrors.workbookProtected(STATE_SHEET) : excelErrors.protectedSheet(STATE_SHEET, '保存加载项状态', 'saving the add-in state');
            throw e;
          }
        }),
      ),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Partial reads, the active cell, events

  /** Rows r1..r2 of each span, columns 1..cols: 1 sync for all spans. */
  async readRows(sheet: string, spans: readonly RowSpan[], cols: number): Promise<RowsRead> {
    return this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      const all = ctx.workbook.worksheets.load('items/name');
      const width = Math.max(1, cols);
      const ranges = spans.map((sp) => {
        const r = ws.getRangeByIndexes(sp.r1 - 1, 0, sp.r2 - sp.r1 + 1, width);
        r.load('values,valueTypes,numberFormat');
        return { sp, r };
      });
      await sync();
      if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
      const out: RowsRead = { sheet: ws.name, rows: [], special: {} };
      for (const { sp, r } of ranges) {
        for (let i = 0; i <= sp.r2 - sp.r1; i++) {
          const values: Scalar[] = [];
          for (let j = 0; j < width; j++) {
            const { v, sp: special } = cellOf(r.values[i][j], r.valueTypes[i][j], r.numberFormat[i][j]);
            values.push(v);
            if (special) out.special[address(sp.r1 + i, j + 1)] = special;
          }
          while (values.length > 0 && values[values.length - 1] === null) values.pop();
          out.rows.push({ row: sp.r1 + i, values });
        }
      }
      return out;
    });
  }

  /** The active cell (workbook.getActiveCell, ExcelApi 1.7): 1 sync. */
  async activeCell(): Promise<CellRef | null> {
    return this.batch(async (ctx, sync) => {
      const cell = ctx.workbook.getActiveCell();
      cell.load('address,rowIndex,columnIndex');
      await sync();
      return { sheet: sheetOfAddress(cell.address), row: cell.rowIndex + 1, col: cell.columnIndex + 1 };
    });
  }

  /**
   * Register a worksheets.onChanged / onSelectionChanged handler (1 sync). Each event's
   * worksheet id is resolved to its name (1 sync) before the listener is called. The returned
   * function removes the handler in the RequestContext that added it, as Office.js requires.
   */
  private async subscribe(kind: 'changed', listener: (e: CellsChangedEvent) => void): Promise<Unsubscribe>;
  private async subscribe(kind: 'selection', listener: (e: SelectionEvent) => void): Promise<Unsubscribe>;
  private async subscribe(kind: 'changed' | 'selection', listener: ((e: CellsChangedEvent) => void) | ((e: SelectionEvent) => void)): Promise<Unsubscribe> {
    const runIn = this.runIn;
    if (!runIn) throw new Error('events need runIn');
    const nameOf = (id: string) =>
      this.run(async (c) => {
        const ws = c.workbook.worksheets.getItem(id);
        ws.load('name');
        await c.sync();
        return ws.name;
      });
    let handle: OfficeExtension.EventHandlerResult<unknown> | undefined;
    await this.run(async (ctx) => {
      if (kind === 'changed') {
        handle = ctx.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
          const sheet = await nameOf(e.worksheetId);
          (listener as (e: CellsChangedEvent) => void)({ sheet, address: e.address, changeType: String(e.changeType), source: String(e.source) });
        });
      } else {
        handle = ctx.workbook.worksheets.onSelectionChanged.add(async (e: Excel.WorksheetSelectionChangedEventArgs) => {
          const sheet = await nameOf(e.worksheetId);
          (listener as (e: SelectionEvent) => void)({ sheet, address: e.address });
        });
      }
      await ctx.sync();
    });
    let removed = false;
    return async () => {
      if (removed || !handle) return;
      removed = true;
      const h = handle;
      await runIn(h.context as Excel.RequestContext, async (ctx) => {
        h.remove();
        await ctx.sync();
      });
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Data validation and charts

  /**
   * Range.dataValidation (ExcelApi 1.8): each rule's range is cleared and given its list, prompt
   * and error alert; 1 read sync (protection) + 1 write sync. Below 1.8: a clear error.
   */
  async addValidation(sheet: string, rules: readonly ValidationRule[]): Promise<void> {
    if (!this.excel.dataValidation) throw excelErrors.unsupported('添加下拉列表（数据验证）', 'adding drop-down lists (data validation)', '1.8');
    for (const r of rules) checkValidationRule(r);
    if (rules.length === 0) return;
    await this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      ws.protection.load('protected');
      const all = ctx.workbook.worksheets.load('items/name');
      await sync();
      if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
      if (ws.protection.protected) throw excelErrors.protectedSheet(ws.name, '添加下拉列表', 'adding drop-down lists');
      const STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;
      for (const r of rules) {
        const dv = ws.getRange(rangeA1(r.range)).dataValidation;
        dv.clear();
        if (r.list) dv.rule = { list: { inCellDropDown: true, source: r.list.join(',') } };
        if (r.prompt) dv.prompt = { showPrompt: true, title: r.prompt.title, message: r.prompt.message };
        if (r.list) {
          dv.errorAlert = { showAlert: true, style: STYLE[r.errorStyle ?? 'stop'] as Excel.DataValidationAlertStyle, title: r.error?.title ?? '', message: r.error?.message ?? '' };
        }
        dv.ignoreBlanks = true;
      }
      try {
        await sync();
      } catch (e) {
        if (isAccessDenied(e)) throw excelErrors.protectedSheet(sheet, '添加下拉列表', 'adding drop-down lists');
        throw e;
      }
    });
  }

  /**
   * worksheet.charts.add: a clustered column chart of the spec's ranges, named so that the next
   * call replaces it (charts of that name are deleted in the same write). 1 read sync (the
   * sheet's charts) + 1 write sync.
   */
  async writeChart(sheet: string, spec: ChartSpec): Promise<void> {
    if (spec.series.length === 0) throw new RangeError('a chart needs at least one series');
    await this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      ws.protection.load('protected');
      const all = ctx.workbook.worksheets.load('items/name');
      const charts = ws.charts.load('items/name');
      await sync();
      if (ws.isNullObject) throw excelErrors.noSuchSheet(sheet, all.items.map((s) => s.name));
      if (ws.protection.protected) throw excelErrors.protectedSheet(ws.name, '添加图表', 'adding the chart');
      for (const c of charts.items) if (c.name === spec.name) c.delete();
      const cats = ws.getRange(rangeA1(spec.categories));
      const [first, ...rest] = spec.series;
      const chart = ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange(rangeA1(first.values)), 'Columns' as Excel.ChartSeriesBy);
      chart.name = spec.name;
      chart.title.text = spec.title;
      chart.legend.position = 'Bottom' as Excel.ChartLegendPosition;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(cats);
      for (const s of rest) {
        const added = chart.series.add(s.name);
        added.setValues(ws.getRange(rangeA1(s.values)));
        added.setXAxisValues(cats);
      }
      const { row, col, cols, rows } = spec.anchor;
      chart.setPosition(address(row, col), address(row + rows - 1, col + cols - 1));
      try {
        await sync();
      } catch (e) {
        if (isAccessDenied(e)) throw excelErrors.protectedSheet(sheet, '添加图表', 'adding the chart');
        throw e;
      }
    });
  }
}

