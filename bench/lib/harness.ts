/**
 * Benchmark harness: a benchmark is a named object with a `run()` that measures our side and
 * a peer; the runner turns what it returns into exactly one JSON line on stdout. Timings are
 * only ever reported, never asserted: a missed goal prints `"met":false` and still exits 0.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A goal is a conjunction of simple comparisons on the printed metrics. */
export interface GoalTerm {
  metric: string;
  op: '<=' | '>=';
  value: number;
}
export const atMost = (metric: string, value: number): GoalTerm => ({ metric, op: '<=', value });
export const atLeast = (metric: string, value: number): GoalTerm => ({ metric, op: '>=', value });

/** What a benchmark's run() returns. Times in milliseconds. */
export interface Measured {
  ours_ms: number;
  /** Name of the comparison (an npm package, a command …); omit for a benchmark without a peer. */
  peer?: string;
  peer_ms?: number;
  /** Further metrics printed in the line (e.g. peak_rss_mb); goals may refer to them. */
  extra?: Record<string, number | string | boolean | null>;
}

export interface Benchmark {
  /** kebab-case, unique; what `npm run bench -- NAME` matches (substring). */
  name: string;
  /** Extra words `npm run bench -- WORD` matches exactly. */
  tags?: string[];
  description: string;
  goal?: GoalTerm[];
  run(): Promise<Measured>;
}

export function defineBenchmark(b: Benchmark): Benchmark {
  return b;
}

export function goalText(goal: readonly GoalTerm[] | undefined): string | null {
  return goal?.length ? goal.map((g) => `${g.metric}${g.op}${g.value}`).join(' && ') : null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The JSON object printed for a finished benchmark. Key order is part of the format. */
export function resultLine(b: Benchmark, m: Measured): Record<string, unknown> {
  const line: Record<string, unknown> = { bench: b.name, ours_ms: round(m.ours_ms, 2) };
  if (m.peer !== undefined) {
    line.peer = m.peer;
    line.peer_ms = round(m.peer_ms ?? Number.NaN, 2);
    line.ratio = m.peer_ms !== undefined && m.ours_ms > 0 ? round(m.peer_ms / m.ours_ms, 2) : null;
  }
  Object.assign(line, m.extra ?? {});
  line.goal = goalText(b.goal);
  line.met = b.goal?.length
    ? b.goal.every((g) => {
        const v = line[g.metric];
        if (typeof v !== 'number' || Number.isNaN(v)) return false;
        return g.op === '<=' ? v <= g.value : v >= g.value;
      })
    : null;
  return line;
}

export function errorLine(name: string, e: unknown): Record<string, unknown> {
  const msg = e instanceof Error ? e.message : String(e);
  return { bench: name, error: msg.split('\n').slice(0, 3).join(' | ').slice(0, 400) };
}

/** Diagnostics go to stderr; stdout carries only the JSON lines. */
export function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
let warnedGc = false;
export function collectGarbage(): void {
  if (gc) {
    gc();
    return;
  }
  if (!warnedGc) log('bench: global.gc is not exposed (run through `npm run bench`, which passes --expose-gc); timings include GC noise');
  warnedGc = true;
}

export interface Timing {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timing(samples: number[]): Timing {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

/**
 * Time `fn` in this process: `warmup` untimed runs (fewer when they take longer than
 * `warmupMs` in all, at least one), then `runs` timed runs with a full GC before each (so one
 * run's garbage is not collected during the next). `afterEach` runs outside the timed region
 * (e.g. to sample memory).
 */
export async function measure(fn: () => unknown, o: { warmup?: number; warmupMs?: number; runs?: number; afterEach?: () => void } = {}): Promise<Timing> {
  const warmup = o.warmup ?? 3;
  const warmupMs = o.warmupMs ?? 3000;
  const runs = Math.max(1, o.runs ?? 7);
  const w0 = performance.now();
  for (let i = 0; i < warmup && (i === 0 || performance.now() - w0 < warmupMs); i++) {
    collectGarbage();
    await fn();
    o.afterEach?.();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t0 = performance.now();
    const r = fn();
    if (r && typeof (r as Promise<unknown>).then === 'function') await r;
    samples.push(performance.now() - t0);
    o.afterEach?.();
  }
  return timing(samples);
}

/**
 * Peak resident set size of this process: the largest `process.memoryUsage().rss` sampled,
 * and the kernel's high-water mark (getrusage maxRSS), which also sees peaks inside a
 * synchronous run where no sample can be taken. Each benchmark runs in its own process, so
 * this is the footprint of that benchmark alone (plus Node and tsx).
 */
export class RssPeak {
  private peak = 0;
  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
  mb(): number {
    this.sample();
    const kernel = process.resourceUsage().maxRSS * 1024;
    return round(Math.max(this.peak, kernel) / 2 ** 20, 1);
  }
}

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Time a command as a child process (wall clock, including process start-up): `warmup`
 * untimed runs (tsx's transform cache, the OS file cache), then the median of `runs`.
 * `check` sees every run and throws to abort the benchmark (a crash is not a timing).
 */
export function timeChild(cmd: string, args: string[], o: { cwd?: string; warmup?: number; runs?: number; timeoutMs?: number; check?: (r: ChildRun) => void } = {}): { timing: Timing; last: ChildRun } {
  const once = (): ChildRun => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: o.cwd ?? REPO_ROOT, encoding: 'utf8', maxBuffer: 512 * 2 ** 20, timeout: o.timeoutMs ?? 60_000 });
    const ms = performance.now() - t0;
    if (r.error) throw r.error;
    const run: ChildRun = { status: r.status, stdout: r.stdout, stderr: r.stderr, ms };
    o.check?.(run);
    return run;
  };
  for (let i = 0; i < (o.warmup ?? 1); i++) once();
  const samples: number[] = [];
  let last: ChildRun | undefined;
  for (let i = 0; i < Math.max(1, o.runs ?? 3); i++) {
    last = once();
    samples.push(last.ms);
  }
  return { timing: timing(samples), last: last! };
}

export function fmtMs(t: Timing): string {
  return `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)}, n=${t.samples.length})`;
}
