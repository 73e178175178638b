/**
 * Cold start, pdfme side: run as a fresh process (bundled by bench/pdf-dafushu.ts):
 * import @pdfme/generator + schemas, read the TTF (argv[2]), generate one 答复书, print one
 * JSON line with the phases (ms since process start), the PDF size and the peak RSS.
 * pdfme parses the font inside generate(), so loadFont here is only the file read.
 * argv[3] = records per PDF (default 1), argv[4] = PDFs to write (default 1), for peak RSS.
 */
export {};
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { dafushuRecord } = await import('./pdf-dafushu.ts');
const { dafushuTemplate, pdfmeDafushu, pdfmeFont } = await import('./pdf-pdfme.ts');
const t1 = performance.now();
const font = pdfmeFont(readFileSync(process.argv[2]));
const t2 = performance.now();
const records = Array.from({ length: Number(process.argv[3] ?? 1) }, (_, i) => dafushuRecord(i));
const template = dafushuTemplate();
const pdf = await pdfmeDafushu(template, font, records);
const t3 = performance.now();
for (let i = 1; i < Number(process.argv[4] ?? 1); i++) await pdfmeDafushu(template, font, records);
process.stdout.write(
  JSON.stringify({ start: t0, import: t1 - t0, loadFont: t2 - t1, document: t3 - t2, bytes: pdf.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
