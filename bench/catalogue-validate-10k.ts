/**
 * catalogue-validate-10k: validateGrid (every rule in allRules) over a 10,000-row catalogue in
 * memory, against the npm package `tableschema` (Frictionless Data) validating the same rows
 * with an equivalent Table Schema (bench/lib/catalogue-schema.ts).
 *
 * Peer API: `Schema.load(descriptor)` once, then `schema.castRow(row)` per row, catching the
 * TableSchemaError thrown for an invalid row — documented in tableschema's README (Schema ›
 * castRow). It is the fastest documented way: `Table.load(rows, {schema, headers})` +
 * `table.read({cast: true, forceCast: true})` calls the same castRow per row behind a Node
 * stream pipeline and measured ~1.3–2× slower here. Schema compilation is outside the timed
 * region (as our rule modules are loaded once), and the rows are handed over pre-converted
 * (null → '', its missing value), which only favours the peer.
 */
import { Schema } from 'tableschema';
import { validateGrid } from '../addin/catalogue/engine.ts';
import type { Grid } from '../addin/catalogue/grid.ts';
import { buildCatalogue } from '../addin/catalogue/model/catalogue.ts';
import { detectHeader } from '../addin/catalogue/model/header.ts';
import type { Rule } from '../addin/catalogue/rule.ts';
import { allRules } from '../addin/catalogue/rules/index.ts';
import type { Finding } from '../addin/catalogue/types.ts';
import { type CatalogueData, type DefectKind, generateCatalogue } from './lib/catalogue-data.ts';
import { catalogueTableSchema } from './lib/catalogue-schema.ts';
import { RssPeak, atLeast, atMost, defineBenchmark, fmtMs, log, measure, median } from './lib/harness.ts';

const ROWS = 10_000;

/** How many of the rows flagged are seeded defects, by kind, and how many are clean rows. */
export function crossCheck(data: CatalogueData, flagged: ReadonlySet<number>): string {
  const byKind = new Map<DefectKind | 'clean', number>();
  for (const r of flagged) {
    const k = data.defects.get(r) ?? 'clean';
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  const seeded = new Map<DefectKind, number>();
  for (const k of data.defects.values()) seeded.set(k, (seeded.get(k) ?? 0) + 1);
  const parts = [...seeded].map(([k, n]) => `${k} ${byKind.get(k) ?? 0}/${n}`);
  return `${parts.join(', ')}; clean rows flagged ${byKind.get('clean') ?? 0}`;
}

/**
 * Diagnostics for stderr: the catalogue model (header + buildCatalogue) on its own, and each
 * rule's check() inside full validateGrid runs (so each rule pays its share of GC, as in the
 * timed runs). Runs after the timed region; not part of ours_ms.
 */
async function whereTimeGoes(grid: Grid): Promise<string> {
  const model = await measure(() => buildCatalogue(grid, detectHeader(grid)!), { warmup: 2, runs: 5 });
  const perRule = new Map<string, number[]>();
  const timed: Rule[] = allRules.map((r) => ({
    meta: r.meta,
    check(ctx) {
      const t0 = performance.now();
      r.check(ctx);
      const list = perRule.get(r.meta.id) ?? [];
      list.push(performance.now() - t0);
      perRule.set(r.meta.id, list);
    },
  }));
  await measure(() => validateGrid(grid, undefined, timed), { warmup: 0, runs: 5 });
  const rules = [...perRule]
    .map(([id, xs]) => [id, median(xs)] as const)
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1]);
  return `model ${model.median.toFixed(1)} ms; rules ${rules.map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ')} (rules under 0.5 ms left out)`;
}

export default defineBenchmark({
  name: 'catalogue-validate-10k',
  tags: ['catalogue', 'core'],
  description: 'validateGrid, all rules, 10,000-row catalogue in memory vs tableschema castRow with an equivalent Table Schema',
  goal: [atMost('ours_ms', 30), atLeast('ratio', 15)],
  async run() {
    const rss = new RssPeak();
    const data = generateCatalogue({ rows: ROWS });
    const baseMb = rss.sample() / 2 ** 20;

    // ours
    let findings: Finding[] = [];
    const ours = await measure(
      () => {
        findings = validateGrid(data.grid).findings;
      },
      { warmup: 5, runs: 9, afterEach: () => rss.sample() },
    );
    const peakRssMb = rss.mb();
    const breakdown = await whereTimeGoes(data.grid);

    // peer
    const schema = await Schema.load(catalogueTableSchema());
    const rows = data.rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? v : String(v))));
    let invalid = new Set<number>();
    const peer = await measure(
      () => {
        const bad = new Set<number>();
        for (let i = 0; i < rows.length; i++) {
          try {
            schema.castRow(rows[i]);
          } catch {
            bad.add(data.firstDataRow + i);
          }
        }
        invalid = bad;
      },
      { warmup: 3, runs: 9 },
    );

    // sanity: both sides really validated the same rows
    const ourRows = new Set(findings.filter((f) => f.row >= data.firstDataRow).map((f) => f.row));
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    log(`catalogue-validate-10k: ${ROWS} rows, ${data.defects.size} seeded defective rows; rss ${baseMb.toFixed(0)} MB after generating, peak ${peakRssMb} MB`);
    log(`  ours (rules: ${allRules.map((r) => r.meta.id).join(', ')}): ${fmtMs(ours)}`);
    log(`    ${ourRows.size} rows with findings (${findings.length} findings: ${[...byRule].map(([k, n]) => `${k} ${n}`).join(', ')})`);
    log(`    found/seeded: ${crossCheck(data, ourRows)}`);
    log(`    where the time goes (medians of 5): ${breakdown}`);
    log(`  tableschema castRow: ${fmtMs(peer)}`);
    log(`    ${invalid.size} invalid rows; found/seeded: ${crossCheck(data, invalid)}`);
    if (!ourRows.size || !invalid.size) throw new Error(`sanity check failed: ours flagged ${ourRows.size} rows, tableschema ${invalid.size}`);

    // The floor: one regex pass that visits every character of every text cell and finds nothing
    // (every rule together must at least read each character once). peer_ms / one_pass_ms is the
    // highest ratio any checker that reads the text could reach against this peer on this machine.
    const cells: string[] = [];
    for (const r of data.rows) for (const v of r) if (typeof v === 'string' && v) cells.push(v);
    const chars = cells.reduce((n, c) => n + c.length, 0);
    const NEVER = /[\uE000-\uE0FF]/; // private-use characters: never in a catalogue
    let hits = 0;
    const onePass = await measure(
      () => {
        hits = 0;
        for (let i = 0; i < cells.length; i++) if (NEVER.test(cells[i])) hits++;
      },
      { warmup: 5, runs: 15 },
    );
    log(`  one regex pass over ${cells.length} text cells (${chars} characters, ${hits} hits): ${fmtMs(onePass)}; ratio ceiling ${(peer.median / onePass.median).toFixed(1)}x`);

    return {
      ours_ms: ours.median,
      peer: 'tableschema',
      peer_ms: peer.median,
      extra: { peak_rss_mb: peakRssMb, one_pass_ms: Math.round(onePass.median * 100) / 100, ratio_ceiling: Math.round((peer.median / onePass.median) * 10) / 10 },
    };
  },
});
