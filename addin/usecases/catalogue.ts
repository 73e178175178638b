/**
 * Use-cases shared by every host (Excel task pane, browser workbench, CLI): validate a sheet
 * and fix it through a WorkbookPort. Hosts only do I/O and presentation.
 */
import type { Grid } from '../catalogue/grid.ts';
import { fixGrid, validateGrid } from '../catalogue/engine.ts';
import type { Catalogue } from '../catalogue/model/catalogue.ts';
import type { CatalogueOptions } from '../catalogue/options.ts';
import type { CellEdit, ColumnDef, Finding } from '../catalogue/types.ts';
import type { ApplyResult, WorkbookPort } from '../port/workbook-port.ts';

export interface ValidationReport {
  sheet: string;
  header: { row: number; rows: number[]; columns: ColumnDef[] } | null;
  findings: Finding[];
  stats: { items: number; errors: number; warnings: number; infos: number; fixable: { safe: number; unsafe: number }; ms: number };
}

function now(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}

export function countItems(cat: Catalogue | undefined): number {
  if (!cat) return 0;
  let n = 0;
  for (const r of cat.rows) if (r.kind === 'item' || r.kind === 'child') n++;
  return n;
}

export function reportOf(grid: Grid, findings: Finding[], cat: Catalogue | undefined, ms: number): ValidationReport {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    sheet: grid.sheet,
    header: cat ? { row: cat.header.headerRows[0], rows: cat.header.headerRows, columns: cat.header.columns } : null,
    findings,
    stats: {
      items: countItems(cat),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      fixable: {
        safe: findings.filter((f) => f.fix?.applicability === 'safe').length,
        unsafe: findings.filter((f) => f.fix?.applicability === 'unsafe').length,
      },
      ms: Math.round(ms * 10) / 10,
    },
  };
}

export async function validateSheet(port: WorkbookPort, sheet?: string, options?: Partial<CatalogueOptions>): Promise<ValidationReport> {
  const grid = await port.readSheet(sheet);
  const t0 = now();
  const res = validateGrid(grid, options);
  return reportOf(grid, res.findings, res.catalogue, now() - t0);
}

export interface FixReport {
  sheet: string;
  /** One edit per changed cell (expect = the value read, set = the final value). */
  edits: CellEdit[];
  passes: number;
  stoppedOnCycle: boolean;
  apply: ApplyResult | null;
  before: ValidationReport;
  after: ValidationReport;
}

export async function fixSheet(port: WorkbookPort, o: { sheet?: string; unsafe?: boolean; dryRun?: boolean; options?: Partial<CatalogueOptions> } = {}): Promise<FixReport> {
  const grid = await port.readSheet(o.sheet);
  const t0 = now();
  const first = validateGrid(grid, o.options);
  const before = reportOf(grid, first.findings, first.catalogue, now() - t0);
  const t1 = now();
  const res = fixGrid(grid, { unsafe: o.unsafe, options: o.options });
  const cat = validateGrid(res.grid, o.options).catalogue;
  const after = reportOf(res.grid, res.findings, cat, now() - t1);
  const apply = o.dryRun || !res.edits.length ? null : await port.applyEdits(grid.sheet, res.edits);
  return { sheet: grid.sheet, edits: res.edits, passes: res.passes, stoppedOnCycle: res.stoppedOnCycle, apply, before, after };
}
