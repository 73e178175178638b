/**
 * pdf-dafushu-*: the same one-page 政府信息公开申请答复书 (title, 文号, salutation, 600-hanzi
 * body, issuer and date with the seal box; bench/lib/pdf-dafushu.ts) written by forms-lib/pdf
 * and by pdfme (@pdfme/generator + @pdfme/schemas text, bench/lib/pdf-pdfme.ts), both with
 * forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf embedded as a subset. Three lines:
 *
 * - pdf-dafushu-warm: one document in a warm process (fonts loaded / pdfme's font cache warm),
 *   median ms; PDF size per page for both. Self-check: pdftotext of both PDFs holds the same
 *   text (title, 文号, salutation, every body paragraph, issuer, date), one page each.
 * - pdf-dafushu-cold: a fresh `node` process per run: import + font load + one document, wall
 *   clock including Node's start-up. Each side's script (bench/lib/pdf-cold-*.ts) is bundled
 *   with esbuild first, the same way for both, so neither pays for the tsx loader.
 * - pdf-dafushu-batch20: twenty records (different names, topics, dates) in one PDF: one
 *   section per record on our side (one font subset), one `inputs` row per page for pdfme.
 *
 * peak_rss_mb: the kernel's high-water mark of a fresh process (the bundled script below)
 * writing 30 single documents (warm) or 5 batches (batch20) / one document (cold): the
 * library's own footprint. The runner's process also holds tsx and every other benchmark's
 * modules (bench/registry.ts imports them all); its figure is printed on stderr.
 *
 * Our side uses Node's native zlib for the streams through createDocument's `deflate` hook
 * (setDeflate), as a Node host would; the pure-JS default (fflate) is measured too and printed
 * as ours_fflate_ms. pdfme compresses with its bundled pako (no such hook).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { fflateDeflate, loadFonts, setDeflate } from '../forms-lib/pdf/index.ts';
import { dafushuRecord, type DafushuRecord } from './lib/pdf-dafushu.ts';
import { oursDafushu } from './lib/pdf-ours.ts';
import { REPO_ROOT, RssPeak, atLeast, atMost, defineBenchmark, fmtMs, log, measure, timeChild, type ChildRun } from './lib/harness.ts';

const FONT = path.join(REPO_ROOT, 'forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf');
const PEER = '@pdfme/generator';
const BATCH = 20;
const nodeDeflate = (bytes: Uint8Array): Uint8Array => deflateSync(bytes);

const kb = (bytes: number, pages = 1): number => Math.round((bytes / 1024 / pages) * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** 1-minute load average when the line is printed: timings on a shared machine need it */
const load = (): number => round2(loadavg()[0]);

async function pdfmeSide() {
  // imported only when needed, so our side's RSS does not include pdfme
  const lib = await import('./lib/pdf-pdfme.ts');
  const ttf = readFileSync(FONT);
  return { lib, template: lib.dafushuTemplate(), font: lib.pdfmeFont(ttf) };
}

function pdftotext(file: string): string | undefined {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : undefined;
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * Both PDFs carry the record's text: title, 文号, salutation, the whole body, issuer, date
 * (compared without whitespace; pdfme's paragraphs start with ideographic spaces).
 */
function checkSameText(ours: Uint8Array, peer: Uint8Array, r: DafushuRecord): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-pdf-'));
  const files = [path.join(dir, 'ours.pdf'), path.join(dir, 'pdfme.pdf')];
  writeFileSync(files[0], ours);
  writeFileSync(files[1], peer);
  const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const texts = files.map(pdftotext);
  if (texts.some((t) => t === undefined)) return `pdftotext not available: text not compared (PDFs in ${dir})`;
  const wanted = [r.title, r.docNumber, r.salutation, ...r.body.split('\n'), r.issuer, r.dateText].map(strip);
  texts.forEach((t, i) => {
    const flat = strip(t ?? '');
    const missing = wanted.filter((w) => !flat.includes(w));
    if (missing.length) throw new Error(`self-check: ${i ? 'pdfme' : 'our'} PDF lacks ${missing.length} of the texts, first: ${missing[0].slice(0, 40)}… (${files[i]})`);
  });
  return `pdftotext: both PDFs hold the same ${wanted.reduce((n, w) => n + w.length, 0)} characters of text (title, 文号, salutation, ${r.body.split('\n').length} body paragraphs, issuer, date)`;
}

const bundles = new Map<string, string>();

/** Bundles bench/lib/pdf-cold-<side>.ts into a temporary .mjs (outside any timing; once per process). */
async function bundle(side: 'ours' | 'pdfme'): Promise<string> {
  const done = bundles.get(side);
  if (done) return done;
  const { build } = await import('esbuild');
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'xxgk-bench-pdf-')), `pdf-cold-${side}.mjs`);
  await build({
    entryPoints: [path.join(REPO_ROOT, `bench/lib/pdf-cold-${side}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies (pdf-lib, pako) may require() Node built-ins
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  bundles.set(side, outfile);
  return outfile;
}

interface ColdReport {
  start: number;
  import: number;
  loadFont: number;
  document: number;
  bytes: number;
  maxRssMb: number;
}

const coldCheck = (r: ChildRun): void => {
  if (r.status !== 0) throw new Error(`cold child failed (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
};
const coldReport = (r: ChildRun): ColdReport => JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as ColdReport;
/**
 * Peak RSS (MB) of a fresh process of one side writing `pdfs` PDFs of `records` records each:
 * the library's footprint, without the benchmark runner (which imports every benchmark).
 */
async function childPeakRss(side: 'ours' | 'pdfme', records: number, pdfs: number): Promise<number> {
  const script = await bundle(side);
  const args = side === 'ours' ? [script, FONT, 'zlib', String(records), String(pdfs)] : [script, FONT, String(records), String(pdfs)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  coldCheck({ status: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 });
  return Math.round(coldReport({ status: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 }).maxRssMb * 10) / 10;
}

const phases = (c: ColdReport): string =>
  `node start + bundle parse ${c.start.toFixed(0)} ms, import ${c.import.toFixed(0)} ms, font ${c.loadFont.toFixed(0)} ms, document ${c.document.toFixed(0)} ms, ${c.bytes} bytes, max RSS ${c.maxRssMb.toFixed(0)} MB`;

const warm = defineBenchmark({
  name: 'pdf-dafushu-warm',
  tags: ['pdf', 'forms'],
  description: 'one-page 600-hanzi 答复书, warm process: forms-lib/pdf vs pdfme generate (same TTF); KB per page, peak RSS',
  goal: [atMost('ours_ms', 40), atLeast('ratio', 2), atMost('kb_per_page', 60), atMost('peak_rss_mb', 128)],
  async run() {
    const rss = new RssPeak();
    const fonts = loadFonts({ primary: readFileSync(FONT) });
    const record = dafushuRecord(0);
    setDeflate(nodeDeflate);
    let ours: Uint8Array = new Uint8Array();
    const t = await measure(
      async () => {
        ours = await oursDafushu(fonts, [record]);
      },
      { warmup: 8, runs: 15, afterEach: () => rss.sample() },
    );
    const inProcessRssMb = rss.mb();
    setDeflate(fflateDeflate);
    const tFflate = await measure(() => oursDafushu(fonts, [record]), { warmup: 5, runs: 15 });
    setDeflate(nodeDeflate);

    const { lib, template, font } = await pdfmeSide();
    let peer: Uint8Array = new Uint8Array();
    const p = await measure(
      async () => {
        peer = await lib.pdfmeDafushu(template, font, [record]);
      },
      { warmup: 5, runs: 15 },
    );
    const pages = [await pageCount(ours), await pageCount(peer)];
    if (pages[0] !== 1 || pages[1] !== 1) throw new Error(`self-check: expected one page each, got ours ${pages[0]}, pdfme ${pages[1]}`);
    const [peakRssMb, peerPeakRssMb] = [await childPeakRss('ours', 1, 30), await childPeakRss('pdfme', 1, 30)];
    log(`pdf-dafushu-warm: ${checkSameText(ours, peer, record)}`);
    log(`  ours (zlib): ${fmtMs(t)}, ${ours.length} bytes; ours (fflate): ${fmtMs(tFflate)}`);
    log(`  pdfme: ${fmtMs(p)}, ${peer.length} bytes`);
    log(`  peak RSS of a fresh process writing 30 PDFs: ours ${peakRssMb} MB, pdfme ${peerPeakRssMb} MB (this runner process: ${inProcessRssMb} MB, with tsx and every benchmark's modules)`);
    return {
      ours_ms: t.median,
      peer: PEER,
      peer_ms: p.median,
      extra: {
        kb_per_page: kb(ours.length),
        peer_kb_per_page: kb(peer.length),
        peak_rss_mb: peakRssMb,
        peer_peak_rss_mb: peerPeakRssMb,
        ours_fflate_ms: round2(tFflate.median),
        deflate: 'node:zlib',
        load_avg_1m: load(),
      },
    };
  },
});

const cold = defineBenchmark({
  name: 'pdf-dafushu-cold',
  tags: ['pdf', 'forms'],
  description: 'fresh node process (esbuild bundle, same for both): import + font load + one 答复书, wall clock incl. Node start-up; forms-lib/pdf vs pdfme',
  goal: [atMost('ours_ms', 300), atMost('peak_rss_mb', 128)],
  async run() {
    const ours = await bundle('ours');
    const peer = await bundle('pdfme');
    const o = timeChild(process.execPath, [ours, FONT, 'zlib'], { warmup: 1, runs: 7, check: coldCheck });
    const f = timeChild(process.execPath, [ours, FONT, 'fflate'], { warmup: 1, runs: 5, check: coldCheck });
    const p = timeChild(process.execPath, [peer, FONT], { warmup: 1, runs: 7, check: coldCheck });
    const [co, cf, cp] = [o, f, p].map((x) => coldReport(x.last));
    log(`pdf-dafushu-cold: ours (zlib) ${fmtMs(o.timing)}; last run: ${phases(co)}`);
    log(`  ours (fflate) ${fmtMs(f.timing)}; last run: ${phases(cf)}`);
    log(`  pdfme ${fmtMs(p.timing)}; last run: ${phases(cp)}`);
    return {
      ours_ms: o.timing.median,
      peer: PEER,
      peer_ms: p.timing.median,
      extra: {
        peak_rss_mb: Math.round(co.maxRssMb * 10) / 10,
        peer_peak_rss_mb: Math.round(cp.maxRssMb * 10) / 10,
        ours_fflate_ms: round2(f.timing.median),
        ours_document_ms: round2(co.document),
        peer_document_ms: round2(cp.document),
        deflate: 'node:zlib',
        load_avg_1m: load(),
      },
    };
  },
});

const batch = defineBenchmark({
  name: 'pdf-dafushu-batch20',
  tags: ['pdf', 'forms'],
  description: `${BATCH} 答复书 records in one PDF (one font subset): ms per page and KB per page, forms-lib/pdf vs pdfme`,
  goal: [atMost('ms_per_page', 20), atLeast('ratio', 2), atMost('kb_per_page', 60), atMost('peak_rss_mb', 128)],
  async run() {
    const rss = new RssPeak();
    const fonts = loadFonts({ primary: readFileSync(FONT) });
    const records = Array.from({ length: BATCH }, (_, i) => dafushuRecord(i));
    setDeflate(nodeDeflate);
    let ours: Uint8Array = new Uint8Array();
    const t = await measure(
      async () => {
        ours = await oursDafushu(fonts, records);
      },
      { warmup: 3, runs: 9, afterEach: () => rss.sample() },
    );
    const inProcessRssMb = rss.mb();
    const { lib, template, font } = await pdfmeSide();
    let peer: Uint8Array = new Uint8Array();
    const p = await measure(
      async () => {
        peer = await lib.pdfmeDafushu(template, font, records);
      },
      { warmup: 2, runs: 5 },
    );
    const [peakRssMb, peerPeakRssMb] = [await childPeakRss('ours', BATCH, 5), await childPeakRss('pdfme', BATCH, 5)];
    const pages = [await pageCount(ours), await pageCount(peer)];
    if (pages[0] !== BATCH || pages[1] !== BATCH) throw new Error(`self-check: expected ${BATCH} pages each, got ours ${pages[0]}, pdfme ${pages[1]}`);
    log(`pdf-dafushu-batch20: ours ${fmtMs(t)}, ${ours.length} bytes; pdfme ${fmtMs(p)}, ${peer.length} bytes`);
    log(`  peak RSS of a fresh process writing 5 batches: ours ${peakRssMb} MB, pdfme ${peerPeakRssMb} MB (this runner process: ${inProcessRssMb} MB)`);
    return {
      ours_ms: t.median,
      peer: PEER,
      peer_ms: p.median,
      extra: {
        ms_per_page: round2(t.median / BATCH),
        peer_ms_per_page: round2(p.median / BATCH),
        kb_per_page: kb(ours.length, BATCH),
        peer_kb_per_page: kb(peer.length, BATCH),
        peak_rss_mb: peakRssMb,
        peer_peak_rss_mb: peerPeakRssMb,
        deflate: 'node:zlib',
        load_avg_1m: load(),
      },
    };
  },
});

export default [warm, cold, batch];
