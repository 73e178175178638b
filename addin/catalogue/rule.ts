import type { Scalar } from './grid.ts';
import { address, textAt } from './grid.ts';
import type { Catalogue, CatalogueRow } from './model/catalogue.ts';
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
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(r: Rule): Rule {
  return r;
}

/** Build a finding from a report: fills cell address, current value and fix `expect`s. */
export function toFinding(rule: Rule, cat: Catalogue, r: Report, severity: Severity): Finding {
  const g = cat.grid;
  const f: Finding = {
    ruleId: rule.meta.id,
    severity,
    sheet: g.sheet,
    row: r.row,
    col: r.col,
    cell: address(r.row, r.col),
    field: r.field === undefined ? (cat.fieldOfCol[r.col] ?? null) : r.field,
    value: r.value === undefined ? textAt(g, r.row, r.col) || null : r.value,
    messageId: r.messageId,
    data: r.data ?? {},
  };
  if (r.fix) {
    const edits: CellEdit[] = r.fix.edits.map((e) => ({
      row: e.row,
      col: e.col,
      cell: address(e.row, e.col),
      expect: g.values[e.row - 1]?.[e.col - 1] ?? null,
      set: e.set === '' ? null : e.set,
    }));
    f.fix = { applicability: r.fix.applicability, edits };
  }
  return f;
}
