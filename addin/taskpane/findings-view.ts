/**
 * The 目录校验 tab's view of a validation report, as plain data (no React): findings grouped by
 * severity then rule with counts, a flat order for next/previous, and ignore keys.
 */
import type { CellEdit, Finding, Severity } from '../catalogue/types.ts';
import type { ApplyResult } from '../port/workbook-port.ts';

export interface RuleGroup {
  ruleId: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The key the engine's `ignored` option understands. */
export function ignoreKey(f: Pick<Finding, 'ruleId' | 'cell'>): string {
  return `${f.ruleId}@${f.cell}`;
}

/** A key unique within one report (several findings can share a cell and rule). */
export function findingId(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}#${f.ruleId}:${f.messageId}:${index}`;
}

/** Severity groups (errors first), rules within by count (largest first, then id), findings in sheet order. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of ORDER) {
    const mine = findings.filter((f) => f.severity === severity);
    if (mine.length === 0) continue;
    const byRule = new Map<string, Finding[]>();
    for (const f of mine) {
      const list = byRule.get(f.ruleId) ?? [];
      list.push(f);
      byRule.set(f.ruleId, list);
    }
    const rules = [...byRule].map(([ruleId, list]) => ({ ruleId, findings: list }));
    rules.sort((a, b) => b.findings.length - a.findings.length || a.ruleId.localeCompare(b.ruleId));
    out.push({ severity, count: mine.length, rules });
  }
  return out;
}

/** The findings in the order the list shows them (what next/previous walk through). */
export function displayOrder(groups: readonly SeverityGroup[]): Finding[] {
  return groups.flatMap((g) => g.rules.flatMap((r) => r.findings));
}

/** The index after `current` moving by `step` (wrapping), or -1 for an empty list. */
export function step(current: number, length: number, by: 1 | -1): number {
  if (length === 0) return -1;
  if (current < 0 || current >= length) return by === 1 ? 0 : length - 1;
  return (current + by + length) % length;
}

export function safeFixCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.fix?.applicability === 'safe').length;
}

/**
 * Edits that put back what `applied` changed: last first, each expecting the value it wrote.
 * A cell changed since is skipped by the port, never overwritten.
 */
export function undoEdits(applied: readonly CellEdit[]): CellEdit[] {
  return [...applied].reverse().map((e) => ({ row: e.row, col: e.col, cell: e.cell, expect: e.set, set: e.expect }));
}

/** The port's own revert set when it returns one (the Excel adapter: exact previous contents), else undoEdits(applied). */
export function undoFor(result: ApplyResult): CellEdit[] {
  const revert = (result as ApplyResult & { revert?: unknown }).revert;
  return Array.isArray(revert) ? (revert as CellEdit[]) : undoEdits(result.applied);
}
