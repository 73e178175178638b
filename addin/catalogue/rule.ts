import type { Scalar } from './grid.ts';
import { address, textAt } from './grid.ts';
import { type Catalogue, type CatalogueRow, type CellRef, cellText, fieldSlot, ownColAt } from './model/catalogue.ts';
import type { CatalogueOptions } from './options.ts';
import type { Applicability, CellEdit, FieldId, Finding, RuleMeta, Severity } from './types.ts';

export interface Report {
  row: number;
  col: number;
  messageId: string;
  data?: Record<string, string | number>;
  field?: FieldId | null;
  /** defaults to the cell's text */
  value?: string | null;
  severity?: Severity;
  fix?: { applicability: Applicability; edits: { row: number; col: number; set: Scalar }[] };
}

export interface RuleContext {
  readonly cat: Catalogue;
  readonly options: CatalogueOptions;
  report(r: Report): void;
  /** Non-blank data rows whose values rules should read: rows that look shifted are left to row-shift. */
  dataRows(): CatalogueRow[];
  /**
   * The non-empty cell that stands in `field`'s column once row-shift has re-aligned the row:
   * the row's own cell in that column, or for a shifted row the cell that moves into it
   * (seed 001 rows 75 and 76 have their 公开依据 in column F). Undefined when the catalogue has
   * no such column, the row's cell there moves away, or the cell is blank. `text` is untrimmed.
   */
  valueAfterShift(row: CatalogueRow, field: FieldId): CellRef | undefined;
  /**
   * `fn(text)`, computed once per distinct text in this validation run and shared by every rule
   * that asks (catalogues repeat their 时限, 渠道 and 依据 texts). `fn` must be pure and its
   * result is shared: read it, never change it. `id`: the text's cellTextId when the caller knows
   * it (not 0): the result is then kept by id, with no lookup by text.
   */
  memo<T>(fn: (text: string) => T, text: string, id?: number): T;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(r: Rule): Rule {
  return r;
}

/** See RuleContext.valueAfterShift. */
export function valueAfterShift(cat: Catalogue, r: CatalogueRow, field: FieldId): CellRef | undefined {
  const c = colAfterShift(cat, r, field);
  return c ? { row: r.row, col: c, text: cellText(r, c), inherited: false } : undefined;
}

/**
 * The column of the cell valueAfterShift returns, 0 when none: the same answer without building
 * a CellRef (rules that read every row ask for the text only where they need it).
 */
export function colAfterShift(cat: Catalogue, r: CatalogueRow, field: FieldId): number {
  return colAfterShiftAt(cat, r, cat.header.byField[field], fieldSlot(field));
}

/** colAfterShift for a field given by its first column (header.byField) and its slot (fieldSlot), for loops over fields. */
export function colAfterShiftAt(cat: Catalogue, r: CatalogueRow, col: number | undefined, slot: number): number {
  if (col === undefined) return 0;
  let c = col;
  const s = r.shift;
  if (s) {
    const src = col - s.by;
    if (src >= s.from && src <= s.to) c = src;
    else if (col >= s.from && col <= s.to) return 0;
  } else {
    // the row's own cell of the field is the first non-blank one of its columns: when that is
    // not the field's first column, the first column is blank
    return ownColAt(r, slot) === col ? col : 0;
  }
  return textAt(cat.grid, r.row, c).trim() ? c : 0;
}

/**
 * Build a finding from a report: fills cell address, current value and fix `expect`s.
 * (A finding with a fix is written as one object literal, not given its `fix` afterwards: the
 * shape an added property makes is held only weakly, and each time the findings of a run were
 * collected V8 dropped it and discarded the compiled code of every rule that reports a fix.)
 */
export function toFinding(rule: Rule, cat: Catalogue, r: Report, severity: Severity): Finding {
  const g = cat.grid;
  const ruleId = rule.meta.id;
  const cell = address(r.row, r.col);
  const field = r.field === undefined ? (cat.fieldOfCol[r.col] ?? null) : r.field;
  const value = r.value === undefined ? textAt(g, r.row, r.col) || null : r.value;
  const data = r.data ?? {};
  if (!r.fix) return { ruleId, severity, sheet: g.sheet, row: r.row, col: r.col, cell, field, value, messageId: r.messageId, data };
  const edits: CellEdit[] = r.fix.edits.map((e) => ({
    row: e.row,
    col: e.col,
    cell: address(e.row, e.col),
    expect: g.values[e.row - 1]?.[e.col - 1] ?? null,
    set: e.set === '' ? null : e.set,
  }));
  const fix = { applicability: r.fix.applicability, edits };
  return { ruleId, severity, sheet: g.sheet, row: r.row, col: r.col, cell, field, value, messageId: r.messageId, data, fix };
}
