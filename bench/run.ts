/**
 * `npm run bench [-- FILTER…] [--inline] [--list]`
 *
 * Runs the benchmarks of bench/registry.ts whose name contains a FILTER (or that carry it as
 * a tag; no filter = all), each in a fresh Node process so that JIT state, heap and peak RSS
 * of one benchmark never leak into the next. Prints exactly one JSON line per benchmark on
 * stdout; diagnostics go to stderr. Exit 0 even when goals are missed (`"met":false`) or a
 * benchmark fails (`{"bench":…,"error":…}`); 2 on a usage error.
 *
 *   --inline   run in this process (for `node --cpu-prof --import tsx bench/run.ts --inline …`)
 *   --list     list the benchmarks on stderr
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Benchmark, errorLine, log, resultLine } from './lib/harness.ts';
import { benchmarks } from './registry.ts';

const CHILD_TIMEOUT_MS = 110_000;

function emit(line: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function runHere(b: Benchmark): Promise<Record<string, unknown>> {
  try {
    return resultLine(b, await b.run());
  } catch (e) {
    log(`${b.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return errorLine(b.name, e);
  }
}

function runInChild(b: Benchmark): Record<string, unknown> {
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : ['--expose-gc', ...process.execArgv];
  const r = spawnSync(process.execPath, [...execArgv, fileURLToPath(import.meta.url), '--child', b.name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  const last = r.stdout
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .pop();
  if (last) {
    try {
      return JSON.parse(last) as Record<string, unknown>;
    } catch {
      // fall through
    }
  }
  const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}${r.signal === 'SIGTERM' ? ` (timeout ${CHILD_TIMEOUT_MS / 1000} s)` : ''}` : `exit ${r.status} without a result line`;
  return errorLine(b.name, new Error(`benchmark process failed: ${why}`));
}

async function main(argv: string[]): Promise<number> {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) {
    const b = benchmarks.find((x) => x.name === argv[childAt + 1]);
    if (!b) {
      log(`bench: no benchmark named "${argv[childAt + 1]}"`);
      return 2;
    }
    emit(await runHere(b));
    return 0;
  }
  const inline = argv.includes('--inline');
  const filters = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--inline' && a !== '--list');
  if (unknown.length) {
    log(`bench: unknown option ${unknown.join(' ')}\nusage: npm run bench [-- FILTER…] [--inline] [--list]`);
    return 2;
  }
  const selected = filters.length ? benchmarks.filter((b) => filters.some((f) => b.name.includes(f) || (b.tags ?? []).includes(f))) : benchmarks;
  if (argv.includes('--list') || !selected.length) {
    for (const b of benchmarks) log(`${b.name.padEnd(28)} ${(b.tags ?? []).join(',').padEnd(16)} ${b.description}`);
    if (!selected.length) {
      log(`bench: no benchmark matches ${filters.join(' ')}`);
      return 2;
    }
    return 0;
  }
  for (const b of selected) {
    const t0 = performance.now();
    emit(inline ? await runHere(b) : runInChild(b));
    log(`bench: ${b.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
