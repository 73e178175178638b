/**
 * cli-validate-10k-xlsx: the whole CLI (`node bin/xxgk.mjs validate FILE --format json`:
 * process start, tsx, reading the .xlsx through the file adapter, validating, JSON output) on
 * the same 10,000-row catalogue written to a temporary .xlsx, against SheetJS alone reading
 * that file into rows in a child process. ratio = peer_ms / ours_ms < 1 is our overhead over
 * pure parsing (0.5 = the CLI takes twice as long as parsing the file with SheetJS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { validateGrid } from '../addin/catalogue/engine.ts';
import { generateCatalogue } from './lib/catalogue-data.ts';
import { type ChildRun, REPO_ROOT, defineBenchmark, fmtMs, log, timeChild } from './lib/harness.ts';

const ROWS = 10_000;

/** The peer: SheetJS reads the workbook and turns the first sheet into rows (what our adapter hands the core). */
const SHEETJS_READ = `
const XLSX = require('xlsx');
const wb = XLSX.readFile(process.argv[1]);
const ws = wb.Sheets[wb.SheetNames[0]];
const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: true });
process.stdout.write(JSON.stringify({ rows: rows.length, merges: (ws['!merges'] || []).length }));
`;

function writeXlsx(file: string, values: unknown[][], merges: { r1: number; c1: number; r2: number; c2: number }[], sheet: string): void {
  XLSX.set_fs(fs);
  const ws = XLSX.utils.aoa_to_sheet(values);
  ws['!merges'] = merges.map((m) => ({ s: { r: m.r1 - 1, c: m.c1 - 1 }, e: { r: m.r2 - 1, c: m.c2 - 1 } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  XLSX.writeFile(wb, file, { compression: true });
}

function excerpt(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim());
  const key = lines.find((l) => /Error|error|Cannot|找不到|错误/.test(l));
  return (key ?? lines[0] ?? '(no output)').trim().slice(0, 300);
}

interface CliJson {
  findings: unknown[];
  stats: { items: number; errors: number; warnings: number; infos: number; ms: number };
}

export default defineBenchmark({
  name: 'cli-validate-10k-xlsx',
  tags: ['cli', 'xlsx'],
  description: 'xxgk validate FILE --format json on a 10,000-row .xlsx (child process) vs SheetJS reading the same file into rows',
  async run() {
    const data = generateCatalogue({ rows: ROWS });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
    const file = path.join(dir, 'catalogue-10k.xlsx');
    try {
      writeXlsx(file, data.grid.values, data.grid.merges, data.grid.sheet);
      const inProcess = validateGrid(data.grid).findings.length;

      let json: CliJson | undefined;
      const checkCli = (r: ChildRun) => {
        // exit 0 = no errors, 1 = errors found; anything else, or no JSON, is a failure
        try {
          json = JSON.parse(r.stdout) as CliJson;
        } catch {
          json = undefined;
        }
        if ((r.status !== 0 && r.status !== 1) || !json || !Array.isArray(json.findings)) {
          throw new Error(`xxgk validate failed (exit ${r.status}): ${excerpt(r.stderr || r.stdout)}`);
        }
      };
      const ours = timeChild(process.execPath, [path.join(REPO_ROOT, 'bin/xxgk.mjs'), 'validate', file, '--format', 'json'], { warmup: 1, runs: 3, check: checkCli });

      let parsed: { rows: number; merges: number } | undefined;
      const peer = timeChild(process.execPath, ['-e', SHEETJS_READ, file], {
        warmup: 1,
        runs: 3,
        check: (r) => {
          if (r.status !== 0) throw new Error(`SheetJS child failed (exit ${r.status}): ${excerpt(r.stderr)}`);
          parsed = JSON.parse(r.stdout) as { rows: number; merges: number };
        },
      });

      const kb = fs.statSync(file).size / 1024;
      log(`cli-validate-10k-xlsx: ${path.basename(file)} ${kb.toFixed(0)} KB, ${data.grid.values.length} sheet rows, ${data.grid.merges.length} merges`);
      log(`  ours (node bin/xxgk.mjs validate --format json): ${fmtMs(ours.timing)}`);
      log(`    ${json!.findings.length} findings (in-process validateGrid on the generated grid: ${inProcess}); items ${json!.stats.items}, errors ${json!.stats.errors}, warnings ${json!.stats.warnings}; validate itself ${json!.stats.ms} ms`);
      log(`  SheetJS read + sheet_to_json: ${fmtMs(peer.timing)}; ${parsed!.rows} rows, ${parsed!.merges} merges`);
      return { ours_ms: ours.timing.median, peer: 'sheetjs-read', peer_ms: peer.timing.median, extra: { validate_ms: json!.stats.ms } };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});
