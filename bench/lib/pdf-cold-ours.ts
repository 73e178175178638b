/**
 * Cold start, our side: run as a fresh process (bundled by bench/pdf-dafushu.ts):
 * import forms-lib/pdf, load the TTF (argv[2]), write one 答复书, print one JSON line with the
 * phases (ms since process start), the PDF size and the process's peak RSS.
 * argv[3] = 'zlib' (default): streams compressed by Node's native zlib through
 * createDocument's `deflate` hook, as a Node host does; 'fflate': the pure-JS default.
 * argv[4] = records per PDF (default 1), argv[5] = PDFs to write (default 1): the peak RSS
 * of a warm loop or a batch, without the benchmark runner's own modules in the process.
 */
export {};
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { deflateSync } = await import('node:zlib');
const { loadFonts, setDeflate } = await import('../../forms-lib/pdf/index.ts');
const { dafushuRecord } = await import('./pdf-dafushu.ts');
const { oursDafushu } = await import('./pdf-ours.ts');
if (process.argv[3] !== 'fflate') setDeflate((bytes) => deflateSync(bytes));
const t1 = performance.now();
const fonts = loadFonts({ primary: readFileSync(process.argv[2]) });
const t2 = performance.now();
const records = Array.from({ length: Number(process.argv[4] ?? 1) }, (_, i) => dafushuRecord(i));
const pdf = await oursDafushu(fonts, records);
const t3 = performance.now();
for (let i = 1; i < Number(process.argv[5] ?? 1); i++) await oursDafushu(fonts, records);
process.stdout.write(
  JSON.stringify({ start: t0, import: t1 - t0, loadFont: t2 - t1, document: t3 - t2, bytes: pdf.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
