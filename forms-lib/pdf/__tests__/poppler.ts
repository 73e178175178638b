/* eslint-disable no-restricted-imports, no-restricted-globals -- test-only helper: runs poppler-utils (pdftotext,
   pdffonts, pdfinfo, pdftoppm) on files in a temporary folder, and a fresh Node process for
   cold timings. Never imported by the core. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FONT_DIR = new URL('../../fonts/', import.meta.url);
export const SUBSET_FONT = readFileSync(new URL('NotoSerifSC-Regular-GB2312.ttf', FONT_DIR));
/** The full Noto Serif SC (devDependency; the source of the committed subset). */
export const FULL_FONT_PATH = new URL('../../../node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', import.meta.url);
export const fullFont = (): Uint8Array => readFileSync(FULL_FONT_PATH);

const dir = mkdtempSync(join(tmpdir(), 'xxgk-pdf-'));
let counter = 0;

export function writePdf(bytes: Uint8Array, name = 'doc'): string {
  const path = join(dir, `${name}-${++counter}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export function pdftotext(path: string, options: { page?: number; layout?: boolean } = {}): string {
  const args: string[] = [];
  if (options.page) args.push('-f', String(options.page), '-l', String(options.page));
  if (options.layout) args.push('-layout');
  return run('pdftotext', [...args, '-enc', 'UTF-8', path, '-']);
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

export function pdffonts(path: string): FontRow[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((l) => {
    const m = /^(\S+)\s+(.+?)\s+(Identity-H|WinAnsi|Custom|Builtin|Standard|MacRoman)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(l);
    if (!m) throw new Error(`unparsed pdffonts line: ${l}`);
    return { name: m[1], type: m[2], emb: m[4], sub: m[5], uni: m[6] };
  });
}

export function pdfinfo(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', path]).split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export interface GrayImage {
  width: number;
  height: number;
  dpi: number;
  pixels: Uint8Array;
}

/** Renders one page to 8-bit gray with `pdftoppm -gray` (PGM). */
export function renderGray(path: string, page = 1, dpi = 72): GrayImage {
  const out = join(dir, `render-${++counter}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', path, out]);
  const data = readFileSync(`${out}.pgm`);
  // P5\n<w> <h>\n<max>\n<bytes>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(data[pos]))) tok += String.fromCharCode(data[pos++]);
    fields.push(tok);
  }
  pos++;
  const [magic, w, h] = fields;
  if (magic !== 'P5') throw new Error(`not a PGM: ${magic}`);
  return { width: Number(w), height: Number(h), dpi, pixels: data.subarray(pos, pos + Number(w) * Number(h)) };
}

/** Dark pixels (< threshold) inside a box given in mm from the top-left of the page. */
export function darkPixels(img: GrayImage, box: { x: number; y: number; width: number; height: number }, threshold = 128): number {
  const px = (mm: number) => (mm * img.dpi) / 25.4;
  const x0 = Math.max(0, Math.floor(px(box.x)));
  const y0 = Math.max(0, Math.floor(px(box.y)));
  const x1 = Math.min(img.width, Math.ceil(px(box.x + box.width)));
  const y1 = Math.min(img.height, Math.ceil(px(box.y + box.height)));
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.pixels[y * img.width + x] < threshold) n++;
  return n;
}

/**
 * Times, in a fresh Node process (tsx loader), importing forms-lib/pdf, loadFonts and making
 * the first one-page document of 600 hanzi.
 */
export function coldProcess(): { import: number; loadFonts: number; firstDoc: number; bytes: number } {
  const script = join(dir, 'cold.mjs');
  const pdfIndex = new URL('../index.ts', import.meta.url).href;
  const charset = new URL('../charset.ts', import.meta.url).href;
  const font = new URL('NotoSerifSC-Regular-GB2312.ttf', FONT_DIR).pathname;
  writeFileSync(
    script,
    `const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { loadFonts, createDocument } = await import(${JSON.stringify(pdfIndex)});
const { gb2312Hanzi } = await import(${JSON.stringify(charset)});
const t1 = performance.now();
const fonts = loadFonts({ primary: readFileSync(${JSON.stringify(font)}) });
const t2 = performance.now();
const pool = gb2312Hanzi();
const doc = await createDocument({ fonts, meta: { title: 'cold' } });
doc.drawParagraphs(Array.from({ length: 600 }, (_, i) => pool[(i * 37) % pool.length]).join(''));
const pdf = await doc.finish();
const t3 = performance.now();
console.log(JSON.stringify({ import: t1 - t0, loadFonts: t2 - t1, firstDoc: t3 - t2, bytes: pdf.length }));
`,
  );
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: new URL('../../../', import.meta.url).pathname });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}
