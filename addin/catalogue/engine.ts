/**
 * ESLint-style engine: run every rule over the catalogue model, collect findings; fix in
 * passes of non-overlapping edits, re-checking between passes (≤ 10 passes, stop on a cycle).
 */
import { type Grid, address, withEdits } from './grid.ts';
import { type Catalogue, type CatalogueRow, type CellRef, buildCatalogue } from './model/catalogue.ts';
import { detectHeader } from './model/header.ts';
import { type CatalogueOptions, withDefaults } from './options.ts';
import { type Report, type Rule, type RuleContext, toFinding, valueAfterShift } from './rule.ts';
import { allRules } from './rules/index.ts';
import type { CellEdit, FieldId, Finding, Severity } from './types.ts';

export interface ValidateResult {
  catalogue?: Catalogue;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validateGrid(grid: Grid, opts?: Partial<CatalogueOptions>, rules: readonly Rule[] = allRules): ValidateResult {
  const options = withDefaults(opts);
  const header = detectHeader(grid);
  if (!header) {
    return {
      findings: [
        {
          ruleId: 'no-header',
          severity: 'error',
          sheet: grid.sheet,
          row: 1,
          col: 1,
          cell: 'A1',
          field: null,
          value: null,
          messageId: grid.values.some((r) => r && r.some((v) => v !== null && v !== '')) ? 'noHeader' : 'emptySheet',
          data: { sheet: grid.sheet },
        },
      ],
    };
  }
  const cat = buildCatalogue(grid, header)!;
  const run: Run = { cat, options, findings: [], ignored: new Set(options.ignored), dataRows: undefined, memos: new Map(), idMemos: new Map() };
  for (const rule of rules) {
    const sev = options.severity[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (sev === 'off') continue;
    const ctx: RunContext = { cat, options, report, dataRows, valueAfterShift: ctxValueAfterShift, memo, run, rule, sev };
    rule.check(ctx);
  }
  const findings = run.findings;
  // a header with nothing below it (a new, still empty catalogue; or the items were lost)
  const noItems = options.severity['no-items'] ?? 'warning';
  if (noItems !== 'off' && !cat.rows.some((r) => r.kind !== 'blank') && !run.ignored.has(`no-items@${address(header.firstDataRow, 1)}`)) {
    findings.push({
      ruleId: 'no-items',
      severity: noItems,
      sheet: grid.sheet,
      row: header.firstDataRow,
      col: 1,
      cell: address(header.firstDataRow, 1),
      field: null,
      value: null,
      messageId: 'noItems',
      data: { sheet: grid.sheet, row: header.firstDataRow },
    });
  }
  findings.sort(byCell);
  return { catalogue: cat, findings };
}

/** Findings in sheet order: row, column, severity, rule. */
function byCell(a: Finding, b: Finding): number {
  return a.row - b.row || a.col - b.col || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId);
}

/** What one validateGrid call shares between its rules (nothing outlives the call). */
interface Run {
  cat: Catalogue;
  options: CatalogueOptions;
  findings: Finding[];
  ignored: Set<string>;
  /** ctx.dataRows(), computed for the first rule that asks */
  dataRows: CatalogueRow[] | undefined;
  /** ctx.memo's results: per function, per text */
  memos: Map<(text: string) => unknown, Map<string, unknown>>;
  /** ctx.memo's results for texts given with their id: per function, by id */
  idMemos: Map<(text: string) => unknown, unknown[]>;
}

/**
 * A rule's context: the RuleContext methods are the module-level functions below, reading the
 * run from `this`. (Closures made per run were inlined into the rules' compiled code together
 * with the objects they closed over, that run's findings and Sets; when those died, V8
 * discarded the code and compiled it again in the next run.)
 */
interface RunContext extends RuleContext {
  readonly run: Run;
  readonly rule: Rule;
  readonly sev: Severity;
}

function report(this: RunContext, r: Report): void {
  const { run, rule, sev } = this;
  const f = toFinding(rule, run.cat, r, r.severity && !run.options.severity[rule.meta.id] ? r.severity : sev);
  if (run.ignored.size && run.ignored.has(`${f.ruleId}@${f.cell}`)) return;
  run.findings.push(f);
}

function dataRows(this: RunContext): CatalogueRow[] {
  return (this.run.dataRows ??= this.run.cat.rows.filter(isDataRow));
}

/** Non-blank rows that do not look shifted (rows that look shifted are left to row-shift). */
function isDataRow(r: CatalogueRow): boolean {
  return r.kind !== 'blank' && !r.shift;
}

function ctxValueAfterShift(this: RunContext, row: CatalogueRow, field: FieldId): CellRef | undefined {
  return valueAfterShift(this.run.cat, row, field);
}

function memo<T>(this: RunContext, fn: (text: string) => T, text: string, id = 0): T {
  if (id) {
    const idMemos = this.run.idMemos;
    let byId = idMemos.get(fn) as T[] | undefined;
    if (!byId) idMemos.set(fn, (byId = new Array<T>(this.run.cat.cells.textIds)));
    let v = byId[id];
    // (a result that is undefined is worked out again: fn is pure)
    if (v === undefined) byId[id] = v = fn(text);
    return v;
  }
  const memos = this.run.memos;
  let byText = memos.get(fn) as Map<string, T> | undefined;
  if (!byText) memos.set(fn, (byText = new Map()));
  let v = byText.get(text);
  if (v === undefined && !byText.has(text)) byText.set(text, (v = fn(text)));
  return v as T;
}

export interface FixOptions {
  unsafe?: boolean;
  maxPasses?: number;
  options?: Partial<CatalogueOptions>;
  rules?: readonly Rule[];
}

export interface FixResult {
  grid: Grid;
  /** Every edit applied, in order, with `expect` = the value before that pass. */
  edits: CellEdit[];
  passes: number;
  /** Findings left after the last pass. */
  findings: Finding[];
  stoppedOnCycle: boolean;
}

/** Which fixes a run applies. */
export function fixable(f: Finding, unsafe: boolean): boolean {
  return !!f.fix && (f.fix.applicability === 'safe' || (unsafe && f.fix.applicability === 'unsafe'));
}

/**
 * Non-overlapping selection: a fix whose cells another chosen fix already touches waits for
 * the next pass (where it is re-checked against the new values).
 */
export function selectNonOverlapping(findings: readonly Finding[], unsafe: boolean): CellEdit[] {
  const taken = new Set<string>();
  const out: CellEdit[] = [];
  for (const f of findings) {
    if (!fixable(f, unsafe)) continue;
    const cells = f.fix!.edits.map((e) => e.cell);
    if (cells.some((c) => taken.has(c))) continue;
    for (const c of cells) taken.add(c);
    out.push(...f.fix!.edits);
  }
  return out;
}

export function fixGrid(grid: Grid, o: FixOptions = {}): FixResult {
  const unsafe = !!o.unsafe;
  const max = o.maxPasses ?? 10;
  const seen = new Set<string>();
  let g = grid;
  const edits: CellEdit[] = [];
  let passes = 0;
  let stoppedOnCycle = false;
  let res = validateGrid(g, o.options, o.rules);
  while (passes < max) {
    const chosen = selectNonOverlapping(res.findings, unsafe).filter((e) => sameValue(g.values[e.row - 1]?.[e.col - 1] ?? null, e.expect));
    if (!chosen.length) break;
    const key = chosen.map((e) => `${e.cell}=${String(e.set)}`).join('|');
    if (seen.has(key)) {
      stoppedOnCycle = true;
      break;
    }
    seen.add(key);
    g = withEdits(g, chosen);
    edits.push(...chosen);
    passes++;
    res = validateGrid(g, o.options, o.rules);
  }
  return { grid: g, edits: collapseEdits(grid, edits), passes, findings: res.findings, stoppedOnCycle };
}

/** One edit per cell: the original value as `expect`, the final value as `set`. */
export function collapseEdits(original: Grid, edits: readonly CellEdit[]): CellEdit[] {
  const byCell = new Map<string, CellEdit>();
  for (const e of edits) {
    const prev = byCell.get(e.cell);
    byCell.set(e.cell, { row: e.row, col: e.col, cell: address(e.row, e.col), expect: prev ? prev.expect : (original.values[e.row - 1]?.[e.col - 1] ?? null), set: e.set });
  }
  return [...byCell.values()].filter((e) => !sameValue(e.expect, e.set)).sort((a, b) => a.row - b.row || a.col - b.col);
}

export function sameValue(a: unknown, b: unknown): boolean {
  const na = a === null || a === undefined ? '' : String(a);
  const nb = b === null || b === undefined ? '' : String(b);
  return na === nb;
}
