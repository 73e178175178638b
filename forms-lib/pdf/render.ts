/**
 * The display list and its rendering into pdf-lib pages. Drawing calls record operations
 * (sync, already laid out and coverage-checked); finish() embeds only the fonts that are used
 * and renders. Coordinates here are PDF points, origin bottom-left, y up.
 *
 * Each page gets one Flate-compressed content stream written as text here: a run of text
 * operations on one baseline in one face, size and colour becomes a single TJ (character
 * spacing Tc for the common gap, e.g. the GB/T 9704 grid, and kerning numbers only where a
 * glyph is not where Tc puts it), not one positioned string per character.
 */
import { degrees, drawEllipse, drawLine, drawRectangle, rgb, type PDFDocument, type PDFName, type PDFOperator, type PDFPage } from 'pdf-lib';
import { asciiBytes, currentDeflate, embedFonts, flateStream, type Deflate, type EmbeddedFonts, type FaceEncoder } from './embed.ts';
import type { LoadedFonts } from './fonts.ts';

export { subsetTag } from './embed.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
/** the red of seals and 发文机关标志 */
export const SEAL_RED: Rgb = { r: 0.8, g: 0, b: 0 };

export interface TextOp {
  kind: 'text';
  /** index into LoadedFonts.faces */
  face: number;
  text: string;
  /** baseline start */
  x: number;
  y: number;
  size: number;
  color: Rgb;
}

export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  color: Rgb;
  dash?: number[];
}

export interface RectOp {
  kind: 'rect';
  /** lower-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
  thickness: number;
  color: Rgb;
  fill?: Rgb;
  dash?: number[];
}

export interface EllipseOp {
  kind: 'ellipse';
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  thickness: number;
  color: Rgb;
  dash?: number[];
}

/** Raw operators (e.g. a flattened form widget appearance), added by the caller. */
export interface RawOp {
  kind: 'raw';
  build: (page: PDFPage) => PDFOperator[];
}

export type DrawOp = TextOp | LineOp | RectOp | EllipseOp | RawOp;

/** Embedders for the faces used by `ops` in `pdfDoc`. Call `finalize()` after rendering every page. */
export async function prepareFonts(pdfDoc: PDFDocument, fonts: LoadedFonts, opsPerPage: readonly (readonly DrawOp[])[], deflate?: Deflate): Promise<EmbeddedFonts> {
  const used = new Set<number>();
  for (const ops of opsPerPage) for (const op of ops) if (op.kind === 'text') used.add(op.face);
  return embedFonts(pdfDoc, fonts, used, currentDeflate(deflate));
}

const toColor = (c: Rgb) => rgb(c.r, c.g, c.b);

/** A number for a content stream: at most 3 decimals, no exponent, no -0. */
export function fmt(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

const sameColor = (a: Rgb, b: Rgb): boolean => a.r === b.r && a.g === b.g && a.b === b.b;

/**
 * Renders one page's operations in order, as one content stream added to the page (after
 * whatever the page already shows, e.g. a letterhead).
 */
export function renderOps(page: PDFPage, ops: readonly DrawOp[], fonts: EmbeddedFonts): void {
  const out: string[] = [];
  const fontKeys = new Map<number, PDFName>();
  const keyFor = (face: number, enc: FaceEncoder): string => {
    let key = fontKeys.get(face);
    if (!key) {
      key = page.node.newFontDictionary(enc.key, enc.ref);
      fontKeys.set(face, key);
    }
    return key.toString();
  };
  const pushOperators = (operators: PDFOperator[]): void => {
    for (const o of operators) out.push(o.toString());
  };

  let i = 0;
  while (i < ops.length) {
    const op = ops[i];
    if (op.kind === 'text') {
      // One BT … ET block for consecutive text operations of one colour; one TJ per baseline run.
      out.push('q', `${fmt(op.color.r)} ${fmt(op.color.g)} ${fmt(op.color.b)} rg`, 'BT');
      let font = '';
      let tc = 0;
      while (i < ops.length) {
        const first = ops[i];
        if (first.kind !== 'text' || !sameColor(first.color, op.color)) break;
        // the run: same face, size and baseline, left to right
        let j = i + 1;
        while (j < ops.length) {
          const t = ops[j];
          const prev = ops[j - 1] as TextOp;
          if (t.kind !== 'text' || !sameColor(t.color, op.color) || t.face !== first.face || t.size !== first.size || t.y !== first.y || t.x < prev.x) break;
          j++;
        }
        const run = ops.slice(i, j) as TextOp[];
        i = j;
        const enc = fonts.encoder(first.face);
        const fontState = `${keyFor(first.face, enc)} ${fmt(first.size)} Tf`;
        if (fontState !== font) {
          out.push(fontState);
          font = fontState;
        }
        const shown = showRun(run, enc, tc);
        if (shown.tc !== tc) {
          out.push(`${fmt(shown.tc)} Tc`);
          tc = shown.tc;
        }
        out.push(`1 0 0 1 ${fmt(first.x)} ${fmt(first.y)} Tm`, shown.tj);
      }
      out.push('ET', 'Q');
      continue;
    }
    switch (op.kind) {
      case 'line':
        pushOperators(drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.thickness, color: toColor(op.color), dashArray: op.dash }));
        break;
      case 'rect':
        pushOperators(
          drawRectangle({
            x: op.x,
            y: op.y,
            width: op.width,
            height: op.height,
            borderWidth: op.thickness,
            borderColor: op.thickness > 0 ? toColor(op.color) : undefined,
            color: op.fill ? toColor(op.fill) : undefined,
            borderDashArray: op.dash,
            rotate: degrees(0),
            xSkew: degrees(0),
            ySkew: degrees(0),
          }),
        );
        break;
      case 'ellipse':
        pushOperators(drawEllipse({ x: op.cx, y: op.cy, xScale: op.rx, yScale: op.ry, borderWidth: op.thickness, borderColor: toColor(op.color), color: undefined, borderDashArray: op.dash }));
        break;
      case 'raw':
        pushOperators(op.build(page));
        break;
    }
    i++;
  }
  if (out.length === 0) return;
  page.node.addContentStream(flateStream(page.doc, asciiBytes(out.join('\n')), fonts.deflate));
}

/**
 * One TJ for text operations on one baseline (same face and size, x increasing). Tc is the
 * most common gap between the end of one operation and the start of the next (0 when there is
 * one operation); a number in the TJ array moves a glyph that Tc alone would misplace.
 */
export function showRun(run: readonly TextOp[], enc: FaceEncoder, currentTc: number): { tj: string; tc: number } {
  const size = run[0].size;
  const encoded = run.map((op) => enc.encode(op.text));
  const natural = encoded.map((e) => e.widths.reduce((a, w) => a + (w * size) / 1000, 0));
  const gaps = new Map<number, number>();
  for (let k = 0; k + 1 < run.length; k++) {
    const g = Math.round((run[k + 1].x - (run[k].x + natural[k])) * 1000) / 1000;
    gaps.set(g, (gaps.get(g) ?? 0) + 1);
  }
  let tc = run.length > 1 || encoded[0].hex.length > 1 ? 0 : currentTc;
  let best = 0;
  for (const [g, n] of gaps) if (n > best || (n === best && g === currentTc)) [tc, best] = [g, n];

  const parts: string[] = ['['];
  let open = false;
  let pen = run[0].x; // where the next glyph will be drawn
  run.forEach((op, k) => {
    let want = op.x;
    const { hex, widths } = encoded[k];
    for (let g = 0; g < hex.length; g++) {
      if (!(k === 0 && g === 0)) {
        const adj = Math.round(((pen - want) * 1000) / size * 100) / 100;
        if (adj !== 0) {
          if (open) parts.push('>');
          parts.push(fmt(adj));
          open = false;
          pen -= (adj * size) / 1000;
        }
      }
      if (!open) parts.push('<');
      open = true;
      parts.push(hex[g]);
      pen += (widths[g] * size) / 1000 + tc;
      want += (widths[g] * size) / 1000;
    }
  });
  if (open) parts.push('>');
  parts.push('] TJ');
  return { tj: parts.join(''), tc };
}
