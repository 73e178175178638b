/**
 * An in-memory fake of the subset of the Excel JavaScript API that excel-workbook.ts uses, for
 * tests. It keeps the rules that make real Office.js code fail in production:
 *
 * - proxies: a property read before `load()` + `context.sync()` throws PropertyNotLoaded;
 *   `…OrNullObject` results resolve at sync time and expose `isNullObject`;
 * - batching: writes and loads are queued and run in order at `sync()`, which is counted;
 * - payload: each sync's response is estimated as the JSON length of the values it loads; over
 *   `payloadLimit` the sync fails with RichApi.Error `ResponsePayloadSizeLimitExceeded`;
 * - protection: writing values or formats on a protected sheet fails with `AccessDenied`, and
 *   so does adding a sheet to a workbook whose structure is protected (workbook.protection);
 * - a string longer than a cell holds (32,767 characters) is refused with `InvalidArgument`;
 * - adding a sheet whose name exists fails with `ItemAlreadyExists` (and the rest of that sync
 *   does not run: actions before the failing one stay applied, as in Excel);
 * - merged areas (getMergedAreasOrNullObject, areas paged with top/skip), sheet visibility,
 *   `Excel.run` options (mergeUndoGroup is recorded, and refused below ExcelApi 1.20);
 * - data validation (Range.dataValidation, ExcelApi 1.8: clear, rule, prompt, errorAlert);
 * - charts (worksheet.charts: add, items/name, series, setPosition, delete);
 * - events (worksheets.onChanged / onSelectionChanged, ExcelApi 1.9): handlers are registered at
 *   sync, fired by `emitChanged` / `emitSelection`, and must be removed in the RequestContext that
 *   added them (`runIn(context, batch)`, as `Excel.run(context, batch)`), else InvalidOperation;
 * - the active cell (workbook.getActiveCell).
 *
 * Not a general Excel: no formulas, no recalculation, one workbook.
 */
import type { CellRange, Scalar } from '../../catalogue/grid.ts';
import { colLetters, parseAddress } from '../../catalogue/grid.ts';
import { subtractRect } from '../ranges.ts';

/** The shape of OfficeExtension.Error that callers inspect. */
export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeCell {
  value: Scalar;
  numberFormat?: string;
  /** Fill colour '#RRGGBB'; undefined = no fill. */
  fill?: string;
  bold?: boolean;
}

export interface FakeValidation {
  rect: CellRange;
  rule?: { list?: { inCellDropDown: boolean; source: string } };
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks?: boolean;
}

export interface FakeChartRecord {
  name: string;
  type: string;
  title: string;
  /** Series by name: values and category (x-axis) addresses as given (A1 of this sheet). */
  series: { name: string; values: string; categories?: string }[];
  position?: { start: string; end: string };
  legend?: string;
}

let sheetIds = 0;

export class FakeSheet {
  name: string;
  /** Office's worksheet id (what event args carry). */
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, '0')}}`;
  readonly validations: FakeValidation[] = [];
  readonly charts: FakeChartRecord[] = [];
  visibility: FakeVisibility = 'Visible';
  protected = false;
  /** 1-based row -> 1-based col -> cell. */
  readonly cells = new Map<number, Map<number, FakeCell>>();
  merges: CellRange[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  constructor(name: string) {
    this.name = name;
  }
  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row)?.get(col);
  }
  touch(row: number, col: number): FakeCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: null }));
    return c;
  }
  /** Value as the test wrote it ('' and null both mean empty). */
  value(row: number, col: number): Scalar {
    const v = this.cell(row, col)?.value;
    return v === undefined || v === '' ? null : v;
  }
  /** Fill the sheet from rows starting at A1 (null/'' = empty). */
  setRows(rows: readonly (readonly Scalar[])[], top = 1, left = 1): this {
    rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== '') this.touch(top + i, left + j).value = v;
    }));
    return this;
  }
  /** Every populated cell as A1 -> value. */
  snapshot(): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    for (const [r, row] of this.cells) for (const [c, cell] of row) if (cell.value !== null && cell.value !== '') out[`${colLetters(c)}${r}`] = cell.value;
    return out;
  }
}

export interface FakeExcelOptions {
  /** Largest response of one sync, in bytes of JSON (Excel on the web: about 5 MB). */
  payloadLimit?: number;
  /** Requirement sets the fake claims, e.g. { ExcelApi: '1.13' }. Default ExcelApi 1.20. */
  excelApi?: string;
  /**
   * Round trip of a sync in milliseconds (a real Excel takes tens): the queued work runs once
   * it has passed, so batches of different runs interleave as they would. Default 0 (no timer).
   */
  latencyMs?: number;
}

interface QueuedLoad {
  kind: 'load';
  obj: FakeObject;
  props: string[];
  top?: number;
  skip?: number;
}
interface QueuedAction {
  kind: 'action';
  run: () => void;
}

export interface SyncRecord {
  /** Estimated response size in bytes (JSON of the loaded values). */
  payload: number;
  loads: number;
  actions: number;
  failed?: string;
}

/** The fake workbook and its counters. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;
  /** Review > Protect Workbook (structure): sheets cannot be added. */
  workbookProtected = false;
  /** The user is typing in a cell: every batch fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  payloadLimit: number;
  readonly excelApi: string;
  latencyMs: number;
  readonly syncs: SyncRecord[] = [];
  /** Options of every run() call. */
  readonly runs: { mergeUndoGroup?: boolean }[] = [];
  /** Event handlers registered (at sync) and not removed. */
  readonly handlers: { kind: 'changed' | 'selection'; ctx: FakeContext; handler: (e: Record<string, unknown>) => Promise<unknown> }[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.excelApi = options.excelApi ?? '1.20';
    this.latencyMs = options.latencyMs ?? 0;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetCounters(): void {
    this.syncs.length = 0;
    this.runs.length = 0;
  }

  addSheet(name: string, rows: readonly (readonly Scalar[])[] = []): FakeSheet {
    const s = new FakeSheet(name).setRows(rows);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** isSetSupported('ExcelApi', v) for this fake. */
  isSetSupported(set: string, version: string): boolean {
    if (set !== 'ExcelApi') return false;
    const [a, b] = this.excelApi.split('.').map(Number);
    const [c, d] = version.split('.').map(Number);
    return a > c || (a === c && b >= d);
  }

  /** Excel.run-style provider: `(batch, options?) => Promise`. */
  readonly run = async <T>(batch: (context: FakeContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T> => {
    if (options?.mergeUndoGroup && !this.isSetSupported('ExcelApi', '1.20')) {
      throw new FakeRichApiError('ApiNotFound', 'The mergeUndoGroup run option requires ExcelApi 1.20.');
    }
    this.runs.push({ ...options });
    const ctx = new FakeContext(this);
    return FakeContext.within(ctx, batch);
  };

  /** `Excel.run(context, batch)`: a batch on an existing RequestContext (to remove its event handlers). */
  readonly runIn = async <T>(context: FakeContext, batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    this.runs.push({});
    return FakeContext.within(context, batch);
  };

  /** Fire worksheets.onChanged as Excel would after an edit of `address` on `sheet`. */
  async emitChanged(sheet: string, address: string, o: { changeType?: string; source?: 'Local' | 'Remote' } = {}): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const args = { type: 'WorksheetChanged', worksheetId: s.id, address, changeType: o.changeType ?? 'RangeEdited', source: o.source ?? 'Local' };
    await Promise.all(this.handlers.filter((h) => h.kind === 'changed').map((h) => h.handler(args)));
  }

  /** Select `address` on `sheet` (as the user would) and fire worksheets.onSelectionChanged. */
  async emitSelection(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.activeSheet = s.name;
    this.selection = { sheet: s.name, address };
    const args = { type: 'WorksheetSelectionChanged', worksheetId: s.id, address };
    await Promise.all(this.handlers.filter((h) => h.kind === 'selection').map((h) => h.handler(args)));
  }
}

const notLoaded = (type: string, prop: string) =>
  new FakeRichApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${type}.${prop}`);

/** Base of every proxy: queued loads, snapshot values available after sync. */
abstract class FakeObject {
  protected readonly ctx: FakeContext;
  private readonly data = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly typeName: string;
  constructor(ctx: FakeContext) {
    this.ctx = ctx;
  }
  load(what?: string | string[] | { select?: string | string[]; top?: number; skip?: number }): this {
    let props: string[] = [];
    let top: number | undefined;
    let skip: number | undefined;
    if (typeof what === 'string') props = what.split(',');
    else if (Array.isArray(what)) props = what;
    else if (what) {
      props = typeof what.select === 'string' ? what.select.split(',') : (what.select ?? []);
      top = what.top;
      skip = what.skip;
    }
    props = props.map((p) => p.trim()).filter(Boolean);
    if (props.length === 0) props = this.defaultProps();
    this.ctx.queue.push({ kind: 'load', obj: this, props, top, skip });
    return this;
  }
  protected defaultProps(): string[] {
    return [];
  }
  /** Called at sync: the current values of the props (null target -> isNullObject). */
  abstract fetch(props: string[], top?: number, skip?: number): Record<string, unknown> | null;
  commit(values: Record<string, unknown> | null): void {
    this.nullState = values === null;
    if (values) for (const [k, v] of Object.entries(values)) this.data.set(k, v);
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }
  protected read<T>(prop: string): T {
    if (this.nullState === true) throw new FakeRichApiError('InvalidObjectPath', `The object ${this.typeName} is a null object.`);
    if (!this.data.has(prop)) throw notLoaded(this.typeName, prop);
    return this.data.get(prop) as T;
  }
  protected act(run: () => void): void {
    this.ctx.queue.push({ kind: 'action', run });
  }
}

export class FakeContext {
  /** The context of the batch running now (set by run/runIn), to tell where a remove() was queued. */
  static current: FakeContext | undefined;
  readonly fake: FakeExcel;
  readonly queue: (QueuedLoad | QueuedAction)[] = [];
  readonly workbook: FakeWorkbook;
  constructor(fake: FakeExcel) {
    this.fake = fake;
    this.workbook = new FakeWorkbook(this);
  }
  static async within<T>(ctx: FakeContext, batch: (c: FakeContext) => Promise<T>): Promise<T> {
    const prev = FakeContext.current;
    FakeContext.current = ctx;
    try {
      return await batch(ctx);
    } finally {
      FakeContext.current = prev;
    }
  }
  async sync(): Promise<void> {
    FakeContext.current = this;
    const ops = this.queue.splice(0);
    if (this.fake.latencyMs > 0) await new Promise((r) => setTimeout(r, this.fake.latencyMs));
    const pending: [FakeObject, Record<string, unknown> | null][] = [];
    const rec: SyncRecord = { payload: 0, loads: 0, actions: 0 };
    this.fake.syncs.push(rec);
    if (this.fake.cellEditMode) {
      rec.failed = 'InvalidOperationInCellEditMode';
      throw new FakeRichApiError('InvalidOperationInCellEditMode', 'The operation is not allowed while Excel is in cell-edit mode.');
    }
    try {
      for (const op of ops) {
        if (op.kind === 'action') {
          rec.actions++;
          op.run();
        } else {
          rec.loads++;
          const v = op.obj.fetch(op.props, op.top, op.skip);
          rec.payload += v === null ? 4 : JSON.stringify(v).length;
          pending.push([op.obj, v]);
        }
      }
    } catch (e) {
      rec.failed = e instanceof FakeRichApiError ? e.code : String(e);
      throw e;
    }
    if (rec.payload > this.fake.payloadLimit) {
      rec.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${rec.payload} > ${this.fake.payloadLimit} bytes).`);
    }
    for (const [obj, v] of pending) obj.commit(v);
    await Promise.resolve();
  }
}

function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function a1(r: CellRange): string {
  const tl = `${colLetters(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${colLetters(r.c2)}${r.r2}`;
}

/** 'A1', 'A1:C3', '$A$1:$C$3' -> 1-based rectangle. */
export function parseRect(address: string): CellRange {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  if (!p || !q) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${address}'.`);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  /** ExcelApi 1.7: Review > Protect Workbook (structure). */
  readonly protection: FakeWorkbookProtection;
  private readonly ctx: FakeContext;
  constructor(ctx: FakeContext) {
    this.ctx = ctx;
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
  /** ExcelApi 1.7: the active cell (top-left of the selection; A1 of the active sheet when none). */
  getActiveCell(): FakeRange {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.7')) throw new FakeRichApiError('ApiNotFound', 'getActiveCell requires ExcelApi 1.7.');
    return new FakeRange(this.ctx, () => {
      const f = this.ctx.fake;
      const sel = f.selection && f.sheet(f.selection.sheet);
      if (sel && f.selection) {
        const r = parseRect(f.selection.address);
        return { sheet: sel, rect: { r1: r.r1, c1: r.c1, r2: r.r1, c2: r.c1 } };
      }
      const s = f.sheet(f.activeSheet);
      return s ? { sheet: s, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } } : null;
    });
  }
}

export class FakeWorkbookProtection extends FakeObject {
  protected readonly typeName = 'WorkbookProtection';
  fetch(): Record<string, unknown> {
    return { protected: this.ctx.fake.workbookProtected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

/** Excel keeps at most this many characters in a cell; a longer string is refused. */
export const CELL_TEXT_MAX = 32_767;

/** worksheets.onChanged / onSelectionChanged (ExcelApi 1.9). */
export class FakeEventSource {
  private readonly ctx: FakeContext;
  private readonly kind: 'changed' | 'selection';
  constructor(ctx: FakeContext, kind: 'changed' | 'selection') {
    this.ctx = ctx;
    this.kind = kind;
  }
  add(handler: (e: Record<string, unknown>) => Promise<unknown>): { context: FakeContext; remove(): void } {
    const fake = this.ctx.fake;
    if (!fake.isSetSupported('ExcelApi', '1.9')) throw new FakeRichApiError('ApiNotFound', `worksheets.on${this.kind === 'changed' ? 'Changed' : 'SelectionChanged'} requires ExcelApi 1.9.`);
    const added = this.ctx;
    const entry = { kind: this.kind, ctx: added, handler };
    added.queue.push({ kind: 'action', run: () => void fake.handlers.push(entry) });
    return {
      context: added,
      remove: () => {
        // Office.js removes a handler only through the RequestContext that added it.
        const ctx = FakeContext.current ?? added;
        ctx.queue.push({
          kind: 'action',
          run: () => {
            if (ctx !== added) throw new FakeRichApiError('InvalidOperation', 'The event handler must be removed in the same RequestContext in which it was added.');
            const i = fake.handlers.indexOf(entry);
            if (i >= 0) fake.handlers.splice(i, 1);
          },
        });
      },
    };
  }
}

export class FakeWorksheetCollection extends FakeObject {
  protected readonly typeName = 'WorksheetCollection';
  private itemProxies: FakeWorksheet[] = [];
  get onChanged(): FakeEventSource {
    return new FakeEventSource(this.ctx, 'changed');
  }
  get onSelectionChanged(): FakeEventSource {
    return new FakeEventSource(this.ctx, 'selection');
  }
  /** By name or by id, as in Office.js. */
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.fake.sheet(name) ?? this.ctx.fake.sheets.find((x) => x.id === name);
      if (!s) throw new FakeRichApiError('ItemNotFound', `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(this.ctx.fake.activeSheet) ?? null);
  }
  add(name: string): FakeWorksheet {
    this.act(() => {
      if (this.ctx.fake.workbookProtected) throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation: the workbook structure is protected.');
      if (this.ctx.fake.sheet(name)) throw new FakeRichApiError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      this.ctx.fake.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
  get items(): FakeWorksheet[] {
    this.read('items');
    return this.itemProxies;
  }
  fetch(props: string[]): Record<string, unknown> {
    const sub = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const sheets = this.ctx.fake.sheets.slice();
    this.itemProxies = sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    const items = sheets.map((s, i) => this.itemProxies[i].fetch(sub.length ? sub : ['name']));
    this.itemProxies.forEach((p, i) => p.commit(items[i]));
    return { items };
  }
}

export class FakeWorksheet extends FakeObject {
  protected readonly typeName = 'Worksheet';
  readonly target: () => FakeSheet | null;
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeRows: (n: number) => void };
  constructor(ctx: FakeContext, target: () => FakeSheet | null) {
    super(ctx);
    this.target = target;
    this.protection = new FakeProtection(ctx, target);
    this.freezePanes = { freezeRows: (n: number) => this.act(() => void (this.must().frozenRows = n)) };
  }
  must(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeRichApiError('InvalidObjectPath', 'The worksheet does not exist.');
    return s;
  }
  protected override defaultProps(): string[] {
    return ['name', 'visibility', 'position'];
  }
  fetch(props: string[]): Record<string, unknown> | null {
    const s = this.target();
    if (!s) return null;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') out.name = s.name;
      else if (p === 'id') out.id = s.id;
      else if (p === 'visibility') out.visibility = s.visibility;
      else if (p === 'position') out.position = this.ctx.fake.sheets.indexOf(s);
      else throw new FakeRichApiError('InvalidArgument', `Worksheet has no property '${p}' in this fake.`);
    }
    return out;
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, () => this.target());
  }
  get visibility(): FakeVisibility {
    return this.read('visibility');
  }
  set visibility(v: FakeVisibility) {
    this.act(() => {
      const s = this.must();
      if (v !== 'Visible' && this.ctx.fake.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
      if (v !== 'Visible' && this.ctx.fake.activeSheet === s.name) this.ctx.fake.activeSheet = this.ctx.fake.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
    });
  }
  activate(): void {
    this.act(() => {
      const s = this.must();
      if (s.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.ctx.fake.activeSheet = s.name;
    });
  }
  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return sheet && { sheet, rect: address ? parseRect(address) : { r1: 1, c1: 1, r2: 1048576, c2: 16384 } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      return sheet && { sheet, rect: { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols } };
    });
  }
  /** ExcelApi 1.9: several rectangles, comma-separated. */
  getRanges(address: string): FakeRangeAreas {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.9')) throw new FakeRichApiError('ApiNotFound', 'getRanges requires ExcelApi 1.9.');
    return new FakeRangeAreas(this.ctx, () => {
      const sheet = this.must();
      return { sheet, rects: address.split(',').map((a) => parseRect(a.trim())) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.target();
      if (!s) return null;
      let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
      for (const [r, row] of s.cells) {
        for (const [c, cell] of row) {
          const has = (cell.value !== null && cell.value !== '') || (!valuesOnly && (cell.fill !== undefined || cell.bold !== undefined || cell.numberFormat !== undefined));
          if (!has) continue;
          r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
        }
      }
      return r2 === 0 ? null : { sheet: s, rect: { r1, c1, r2, c2 } };
    });
  }
}

export class FakeProtection extends FakeObject {
  protected readonly typeName = 'WorksheetProtection';
  private readonly target: () => FakeSheet | null;
  constructor(ctx: FakeContext, target: () => FakeSheet | null) {
    super(ctx);
    this.target = target;
  }
  fetch(): Record<string, unknown> | null {
    const s = this.target();
    return s ? { protected: s.protected } : null;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: CellRange;
}

function guardWrite(sheet: FakeSheet, what: string): void {
  if (sheet.protected) {
    throw new FakeRichApiError('AccessDenied', `You cannot perform the requested operation (${what}): the cell or chart you're trying to change is on a protected sheet '${sheet.name}'.`);
  }
}

/**
 * What Excel stores when a string is written to `values` of a cell in General format: numbers,
 * booleans and ISO dates are converted (a date gets a date format); a leading apostrophe keeps
 * the rest as text; a text-formatted ('@') cell keeps the string.
 */
function coerce(v: Scalar, cell: FakeCell): Scalar {
  if (v === '' || v === null) return null;
  if (typeof v !== 'string') return v;
  if (v.startsWith("'")) return v.slice(1);
  if (cell.numberFormat === '@') return v;
  const t = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (d) {
    cell.numberFormat ??= 'yyyy/m/d';
    return (Date.UTC(+d[1], +d[2] - 1, +d[3]) - Date.UTC(1899, 11, 30)) / 86_400_000;
  }
  return v;
}

function valueType(v: Scalar): string {
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

export class FakeRange extends FakeObject {
  protected readonly typeName = 'Range';
  readonly target: () => RangeTarget | null;
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeContext, target: () => RangeTarget | null) {
    super(ctx);
    this.target = target;
    this.format = new FakeRangeFormat(ctx, () => this.target());
  }
  must(): RangeTarget {
    const t = this.target();
    if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The range is a null object.');
    return t;
  }
  private grid<T>(t: RangeTarget, f: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = t.rect.r1; r <= t.rect.r2; r++) {
      const row: T[] = [];
      for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(f(t.sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }
  fetch(props: string[]): Record<string, unknown> | null {
    const t = this.target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    const { r1, c1, r2, c2 } = t.rect;
    for (const p of props) {
      switch (p) {
        case 'address': out.address = `${sheetRef(t.sheet.name)}!${a1(t.rect)}`; break;
        case 'rowIndex': out.rowIndex = r1 - 1; break;
        case 'columnIndex': out.columnIndex = c1 - 1; break;
        case 'rowCount': out.rowCount = r2 - r1 + 1; break;
        case 'columnCount': out.columnCount = c2 - c1 + 1; break;
        case 'cellCount': out.cellCount = (r2 - r1 + 1) * (c2 - c1 + 1); break;
        case 'values': out.values = this.grid(t, (c) => (c?.value ?? '') as Scalar); break;
        case 'text': out.text = this.grid(t, (c) => (c?.value === null || c?.value === undefined ? '' : String(c.value))); break;
        case 'valueTypes': out.valueTypes = this.grid(t, (c) => valueType(c?.value ?? null)); break;
        case 'numberFormat': out.numberFormat = this.grid(t, (c) => c?.numberFormat ?? 'General'); break;
        default: throw new FakeRichApiError('InvalidArgument', `Range has no property '${p}' in this fake.`);
      }
    }
    return out;
  }
  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get cellCount(): number { return this.read('cellCount'); }
  get values(): Scalar[][] { return this.read('values'); }
  get text(): string[][] { return this.read('text'); }
  get valueTypes(): string[][] { return this.read('valueTypes'); }
  get numberFormat(): string[][] { return this.read('numberFormat'); }
  set values(v: Scalar[][]) {
    this.act(() => {
      const t = this.must();
      guardWrite(t.sheet, 'Range.values');
      const rows = t.rect.r2 - t.rect.r1 + 1;
      const cols = t.rect.c2 - t.rect.c1 + 1;
      const scalar = !Array.isArray(v);
      if (!scalar && (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))) {
        throw new FakeRichApiError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
      }
      const input = (i: number, j: number) => (scalar ? (v as unknown as Scalar) : v[i][j]);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        const x = input(i, j);
        if (typeof x === 'string' && x.replace(/^'/, '').length > CELL_TEXT_MAX) {
          throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: a cell holds at most ${CELL_TEXT_MAX} characters.`);
        }
      }
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        const cell = t.sheet.touch(t.rect.r1 + i, t.rect.c1 + j);
        cell.value = coerce(scalar ? (v as unknown as Scalar) : v[i][j], cell);
      }
    });
  }
  set numberFormat(v: string[][]) {
    this.act(() => {
      const t = this.must();
      guardWrite(t.sheet, 'Range.numberFormat');
      for (let i = 0; i <= t.rect.r2 - t.rect.r1; i++) for (let j = 0; j <= t.rect.c2 - t.rect.c1; j++) t.sheet.touch(t.rect.r1 + i, t.rect.c1 + j).numberFormat = v[i][j];
    });
  }
  select(): void {
    this.act(() => {
      const t = this.must();
      if (t.sheet.visibility !== 'Visible') throw new FakeRichApiError('InvalidSelection', 'The current selection is invalid for this operation.');
      this.ctx.fake.activeSheet = t.sheet.name;
      this.ctx.fake.selection = { sheet: t.sheet.name, address: a1(t.rect) };
    });
  }
  clear(): void {
    this.act(() => {
      const t = this.must();
      guardWrite(t.sheet, 'Range.clear');
      for (const [r, row] of t.sheet.cells) {
        if (r < t.rect.r1 || r > t.rect.r2) continue;
        for (const c of [...row.keys()]) if (c >= t.rect.c1 && c <= t.rect.c2) row.delete(c);
      }
    });
  }
  /** ExcelApi 1.8. */
  get dataValidation(): FakeDataValidation {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.8')) throw new FakeRichApiError('ApiNotFound', 'Range.dataValidation requires ExcelApi 1.8.');
    return new FakeDataValidation(this.ctx, () => this.target());
  }
  /** ExcelApi 1.13. A new RangeAreas proxy per call, as in Office.js. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.13')) throw new FakeRichApiError('ApiNotFound', 'getMergedAreasOrNullObject requires ExcelApi 1.13.');
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.target();
      if (!t) return null;
      const rects = t.sheet.merges.filter((m) => overlaps(m, t.rect)).sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }
}

type AreasTarget = { sheet: FakeSheet; rects: CellRange[] };

function mustTarget(t: AreasTarget | null): AreasTarget {
  if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The range is a null object.');
  return t;
}

export class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  private readonly target: () => AreasTarget | null;
  private readonly ctx: FakeContext;
  constructor(ctx: FakeContext, target: () => RangeTarget | AreasTarget | null) {
    this.ctx = ctx;
    this.target = () => {
      const t = target();
      return t === null ? null : 'rect' in t ? { sheet: t.sheet, rects: [t.rect] } : t;
    };
    this.fill = new FakeRangeFill(ctx, this.target);
    const each = (f: (c: FakeCell) => void) => () => {
      const t = mustTarget(this.target());
      guardWrite(t.sheet, 'RangeFormat');
      for (const r of t.rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) f(t.sheet.touch(i, j));
    };
    const act = (run: () => void) => this.ctx.queue.push({ kind: 'action', run });
    this.font = {
      set bold(v: boolean) {
        act(each((c) => void (c.bold = v)));
      },
      get bold(): boolean {
        throw notLoaded('RangeFont', 'bold');
      },
    };
  }
  set columnWidth(points: number) {
    this.ctx.queue.push({
      kind: 'action',
      run: () => {
        const t = mustTarget(this.target());
        for (const r of t.rects) for (let c = r.c1; c <= r.c2; c++) t.sheet.columnWidths.set(c, points);
      },
    });
  }
}

export class FakeRangeFill extends FakeObject {
  protected readonly typeName = 'RangeFill';
  private readonly target: () => AreasTarget | null;
  constructor(ctx: FakeContext, target: () => AreasTarget | null) {
    super(ctx);
    this.target = target;
  }
  /** Excel reports no fill as '#FFFFFF' and a mixed range as null. */
  fetch(): Record<string, unknown> | null {
    const t = this.target();
    if (!t) return null;
    const seen = new Set<string>();
    for (const r of t.rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) seen.add(t.sheet.cell(i, j)?.fill ?? '#FFFFFF');
    return { color: seen.size === 1 ? [...seen][0] : null };
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.act(() => {
      const t = mustTarget(this.target());
      guardWrite(t.sheet, 'RangeFill.color');
      for (const r of t.rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) t.sheet.touch(i, j).fill = v.toUpperCase();
    });
  }
  clear(): void {
    this.act(() => {
      const t = mustTarget(this.target());
      guardWrite(t.sheet, 'RangeFill.clear');
      for (const r of t.rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) {
        const c = t.sheet.cell(i, j);
        if (c) delete c.fill;
      }
    });
  }
}

export class FakeRangeAreas extends FakeObject {
  protected readonly typeName = 'RangeAreas';
  private readonly target: () => { sheet: FakeSheet; rects: CellRange[] } | null;
  readonly areas: FakeRangeCollection;
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeContext, target: () => { sheet: FakeSheet; rects: CellRange[] } | null) {
    super(ctx);
    this.target = target;
    this.areas = new FakeRangeCollection(ctx, target);
    this.format = new FakeRangeFormat(ctx, target);
  }
  fetch(props: string[]): Record<string, unknown> | null {
    const t = this.target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'areaCount') out.areaCount = t.rects.length;
      else if (p === 'address') out.address = t.rects.map((r) => `${sheetRef(t.sheet.name)}!${a1(r)}`).join(',');
      else throw new FakeRichApiError('InvalidArgument', `RangeAreas has no property '${p}' in this fake.`);
    }
    return out;
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get address(): string {
    return this.read('address');
  }
}

export class FakeRangeCollection extends FakeObject {
  protected readonly typeName = 'RangeCollection';
  private readonly target: () => { sheet: FakeSheet; rects: CellRange[] } | null;
  private itemProxies: FakeRange[] = [];
  constructor(ctx: FakeContext, target: () => { sheet: FakeSheet; rects: CellRange[] } | null) {
    super(ctx);
    this.target = target;
  }
  fetch(props: string[], top?: number, skip?: number): Record<string, unknown> | null {
    const t = this.target();
    if (!t) return null;
    const start = skip ?? 0;
    const rects = t.rects.slice(start, top === undefined ? undefined : start + top);
    const sub = props.map((p) => p.replace(/^items\//, ''));
    this.itemProxies = rects.map((r) => new FakeRange(this.ctx, () => ({ sheet: t.sheet, rect: r })));
    const items = this.itemProxies.map((p) => p.fetch(sub.length ? sub : ['address']));
    this.itemProxies.forEach((p, i) => p.commit(items[i]));
    return { items };
  }
  get items(): FakeRange[] {
    this.read('items');
    return this.itemProxies;
  }
}

/** Range.dataValidation: each setter edits the one validation that covers exactly the range. */
export class FakeDataValidation {
  private readonly ctx: FakeContext;
  private readonly target: () => RangeTarget | null;
  constructor(ctx: FakeContext, target: () => RangeTarget | null) {
    this.ctx = ctx;
    this.target = target;
  }
  private act(run: (t: RangeTarget) => void): void {
    this.ctx.queue.push({
      kind: 'action',
      run: () => {
        const t = this.target();
        if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The range is a null object.');
        guardWrite(t.sheet, 'DataValidation');
        run(t);
      },
    });
  }
  private entry(t: RangeTarget): FakeValidation {
    let v = t.sheet.validations.find((x) => x.rect.r1 === t.rect.r1 && x.rect.c1 === t.rect.c1 && x.rect.r2 === t.rect.r2 && x.rect.c2 === t.rect.c2);
    if (!v) {
      if (t.sheet.validations.some((x) => overlaps(x.rect, t.rect))) {
        throw new FakeRichApiError('InvalidOperation', 'The range has data validation of a different extent: clear() it first.');
      }
      t.sheet.validations.push((v = { rect: { ...t.rect } }));
    }
    return v;
  }
  /** Remove validation from the cells of the range (other cells of a wider validation keep it). */
  clear(): void {
    this.act((t) => {
      const next = t.sheet.validations.flatMap((v) => subtractRect(v.rect, t.rect).map((rect) => ({ ...v, rect })));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...next);
    });
  }
  set rule(r: FakeValidation['rule']) {
    this.act((t) => {
      const list = r?.list;
      if (list && typeof list.source === 'string' && list.source.length > 255) throw new FakeRichApiError('InvalidArgument', 'The list source is longer than 255 characters.');
      this.entry(t).rule = structuredClone(r);
    });
  }
  set prompt(p: NonNullable<FakeValidation['prompt']>) {
    this.act((t) => {
      if (p.title.length > 32 || p.message.length > 255) throw new FakeRichApiError('InvalidArgument', 'The prompt title or message is too long.');
      this.entry(t).prompt = { ...p };
    });
  }
  set errorAlert(a: NonNullable<FakeValidation['errorAlert']>) {
    this.act((t) => {
      if (!['Stop', 'Warning', 'Information'].includes(a.style)) throw new FakeRichApiError('InvalidArgument', `Unknown alert style ${a.style}.`);
      this.entry(t).errorAlert = { ...a };
    });
  }
  set ignoreBlanks(v: boolean) {
    this.act((t) => void (this.entry(t).ignoreBlanks = v));
  }
}

/** worksheet.charts. */
export class FakeChartCollection extends FakeObject {
  protected readonly typeName = 'ChartCollection';
  private readonly target: () => FakeSheet | null;
  private itemProxies: FakeChart[] = [];
  constructor(ctx: FakeContext, target: () => FakeSheet | null) {
    super(ctx);
    this.target = target;
  }
  fetch(props: string[]): Record<string, unknown> | null {
    const s = this.target();
    if (!s) return null;
    const sub = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    if (sub.some((p) => p !== 'name')) throw new FakeRichApiError('InvalidArgument', `ChartCollection items load ${sub.join(',')} not in this fake.`);
    this.itemProxies = s.charts.map((c) => {
      const ch = new FakeChart(this.ctx, () => ({ sheet: s, chart: c }));
      ch.commit({ name: c.name });
      return ch;
    });
    return { items: s.charts.map((c) => ({ name: c.name })) };
  }
  get items(): FakeChart[] {
    this.read('items');
    return this.itemProxies;
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const holder: { rec?: { sheet: FakeSheet; chart: FakeChartRecord } } = {};
    this.act(() => {
      const s = this.target();
      if (!s) throw new FakeRichApiError('InvalidObjectPath', 'The worksheet does not exist.');
      guardWrite(s, 'charts.add');
      if (type !== 'ColumnClustered') throw new FakeRichApiError('InvalidArgument', `chart type ${type} not in this fake`);
      if (seriesBy !== undefined && seriesBy !== 'Columns') throw new FakeRichApiError('InvalidArgument', `seriesBy ${seriesBy} not in this fake`);
      const t = source.must();
      if (t.rect.c1 !== t.rect.c2) throw new FakeRichApiError('InvalidArgument', 'this fake takes a one-column source');
      const chart: FakeChartRecord = { name: `Chart ${s.charts.length + 1}`, type, title: '', series: [{ name: `Series1`, values: a1(t.rect) }] };
      s.charts.push(chart);
      holder.rec = { sheet: s, chart };
    });
    return new FakeChart(this.ctx, () => holder.rec ?? null);
  }
}

export class FakeChart extends FakeObject {
  protected readonly typeName = 'Chart';
  private readonly target: () => { sheet: FakeSheet; chart: FakeChartRecord } | null;
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt(i: number): FakeChartSeries; add(name?: string): FakeChartSeries };
  constructor(ctx: FakeContext, target: () => { sheet: FakeSheet; chart: FakeChartRecord } | null) {
    super(ctx);
    this.target = target;
    const must = () => {
      const t = this.target();
      if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The chart does not exist.');
      return t;
    };
    const act = (run: () => void) => this.ctx.queue.push({ kind: 'action', run });
    this.title = {
      set text(v: string) {
        act(() => void (must().chart.title = v));
      },
      get text(): string {
        throw notLoaded('ChartTitle', 'text');
      },
    };
    this.legend = {
      set position(v: string) {
        act(() => void (must().chart.legend = v));
      },
      get position(): string {
        throw notLoaded('ChartLegend', 'position');
      },
    };
    this.series = {
      getItemAt: (i: number) => new FakeChartSeries(ctx, () => must().chart.series[i] ?? null, must),
      add: (name?: string) => {
        const holder: { s?: FakeChartRecord['series'][number] } = {};
        act(() => {
          holder.s = { name: name ?? `Series${must().chart.series.length + 1}`, values: '' };
          must().chart.series.push(holder.s);
        });
        return new FakeChartSeries(ctx, () => holder.s ?? null, must);
      },
    };
  }
  fetch(props: string[]): Record<string, unknown> | null {
    const t = this.target();
    if (!t) return null;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') out.name = t.chart.name;
      else throw new FakeRichApiError('InvalidArgument', `Chart has no property '${p}' in this fake.`);
    }
    return out;
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.act(() => {
      const t = this.target();
      if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The chart does not exist.');
      t.chart.name = v;
    });
  }
  setPosition(start: string, end: string): void {
    this.act(() => {
      const t = this.target();
      if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The chart does not exist.');
      parseRect(start);
      parseRect(end);
      t.chart.position = { start, end };
    });
  }
  delete(): void {
    this.act(() => {
      const t = this.target();
      if (!t) throw new FakeRichApiError('InvalidObjectPath', 'The chart does not exist.');
      guardWrite(t.sheet, 'Chart.delete');
      const i = t.sheet.charts.indexOf(t.chart);
      if (i >= 0) t.sheet.charts.splice(i, 1);
    });
  }
}

export class FakeChartSeries {
  private readonly ctx: FakeContext;
  private readonly target: () => FakeChartRecord['series'][number] | null;
  private readonly chart: () => { sheet: FakeSheet };
  constructor(ctx: FakeContext, target: () => FakeChartRecord['series'][number] | null, chart: () => { sheet: FakeSheet }) {
    this.ctx = ctx;
    this.target = target;
    this.chart = chart;
  }
  private act(f: (s: FakeChartRecord['series'][number]) => void): void {
    this.ctx.queue.push({
      kind: 'action',
      run: () => {
        const s = this.target();
        if (!s) throw new FakeRichApiError('InvalidArgument', 'The series does not exist.');
        f(s);
      },
    });
  }
  private rangeOf(r: FakeRange): string {
    const t = r.must();
    if (t.sheet !== this.chart().sheet) throw new FakeRichApiError('InvalidArgument', 'this fake keeps chart data on the chart sheet');
    return a1(t.rect);
  }
  set name(v: string) {
    this.act((s) => void (s.name = v));
  }
  setValues(r: FakeRange): void {
    this.act((s) => void (s.values = this.rangeOf(r)));
  }
  setXAxisValues(r: FakeRange): void {
    this.act((s) => void (s.categories = this.rangeOf(r)));
  }
}
