/**
 * The display list and its rendering into pdf-lib pages. Drawing calls record operations
 * (sync, already laid out and coverage-checked); finish() embeds only the fonts that are used
 * and renders. Coordinates here are PDF points, origin bottom-left, y up.
 */
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { LoadedFonts } from './fonts.ts';
import { fontkitForPdfLib } from './fontkit-adapter.ts';

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

/** Embeds the faces used by `ops` (subset) and returns a renderer bound to `pdfDoc`. */
export async function prepareFonts(pdfDoc: PDFDocument, fonts: LoadedFonts, opsPerPage: readonly (readonly DrawOp[])[]): Promise<(face: number) => PDFFont> {
  const used = new Set<number>();
  for (const ops of opsPerPage) for (const op of ops) if (op.kind === 'text') used.add(op.face);
  // fontkit 2 fonts carry everything pdf-lib reads; only the declared types differ.
  pdfDoc.registerFontkit(fontkitForPdfLib(fonts.faces) as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const embedded = new Map<number, PDFFont>();
  for (const face of [...used].sort((a, b) => a - b)) {
    const { bytes, postscriptName } = fonts.faces[face];
    // `ABCDEF+Name`: the subset tag PDF readers (and pdffonts) recognise as a subset.
    const customName = `${subsetTag(postscriptName, face)}+${postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
    embedded.set(face, await pdfDoc.embedFont(bytes, { subset: true, customName }));
  }
  return (face: number) => {
    const f = embedded.get(face);
    if (!f) throw new Error(`internal: face ${face} was not embedded`);
    return f;
  };
}

/** Six capital letters from the font name and face index (PDF 32000-1 9.6.4: unique within a file). */
export function subsetTag(name: string, face: number): string {
  let h = 2166136261 ^ face;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (face + 1), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + (i + 1) * 7919 * (face + 1);
  }
  return tag;
}

const toColor = (c: Rgb) => rgb(c.r, c.g, c.b);

/** Renders one page's operations in order. */
export function renderOps(page: PDFPage, ops: readonly DrawOp[], fontFor: (face: number) => PDFFont): void {
  const fontKeys = new Map<number, PDFName>();
  const encoded = new Map<string, PDFHexString>();
  const keyFor = (face: number): PDFName => {
    let key = fontKeys.get(face);
    if (!key) {
      const font = fontFor(face);
      key = page.node.newFontDictionary(font.name, font.ref);
      fontKeys.set(face, key);
    }
    return key;
  };
  const encode = (face: number, text: string): PDFHexString => {
    const k = `${face}\u0000${text}`;
    let hex = encoded.get(k);
    if (!hex) {
      hex = fontFor(face).encodeText(text);
      encoded.set(k, hex);
    }
    return hex;
  };

  let i = 0;
  while (i < ops.length) {
    const op = ops[i];
    if (op.kind === 'text') {
      // One BT … ET block for a run of consecutive text operations of one colour.
      const out: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(op.color.r, op.color.g, op.color.b), beginText()];
      let current = '';
      while (i < ops.length) {
        const t = ops[i];
        if (t.kind !== 'text' || t.color.r !== op.color.r || t.color.g !== op.color.g || t.color.b !== op.color.b) break;
        const fontState = `${t.face}/${t.size}`;
        if (fontState !== current) {
          out.push(setFontAndSize(keyFor(t.face), t.size));
          current = fontState;
        }
        out.push(setTextMatrix(1, 0, 0, 1, round(t.x), round(t.y)), showText(encode(t.face, t.text)));
        i++;
      }
      out.push(endText(), popGraphicsState());
      page.pushOperators(...out);
      continue;
    }
    switch (op.kind) {
      case 'line':
        page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.thickness, color: toColor(op.color), dashArray: op.dash });
        break;
      case 'rect':
        page.drawRectangle({
          x: op.x,
          y: op.y,
          width: op.width,
          height: op.height,
          borderWidth: op.thickness,
          borderColor: op.thickness > 0 ? toColor(op.color) : undefined,
          color: op.fill ? toColor(op.fill) : undefined,
          borderDashArray: op.dash,
        });
        break;
      case 'ellipse':
        page.drawEllipse({ x: op.cx, y: op.cy, xScale: op.rx, yScale: op.ry, borderWidth: op.thickness, borderColor: toColor(op.color), borderDashArray: op.dash });
        break;
      case 'raw':
        page.pushOperators(...op.build(page));
        break;
    }
    i++;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
