/**
 * Font loading and coverage. Fonts are parsed once with fontkit 2 and reused by every
 * document made with the returned LoadedFonts. Before any string is laid out, each of its
 * characters is looked up: in the primary font, then in each fallback in order; a character
 * in none of them raises MissingGlyphError naming the character and the caller's field.
 */
import type { Font as FontkitFont } from 'fontkit';
import type { Unit } from '../layout/index.ts';
import { InvalidArgumentError, MissingGlyphError } from './errors.ts';
import { adaptForPdfLib, parseFont } from './fontkit-adapter.ts';

export interface FontFace {
  /** 'primary', 'fallback 1', … */
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly font: FontkitFont;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** top of the ideographic em box above the baseline, in em (0.88 for Noto CJK) */
  readonly emAscent: number;
  has(codePoint: number): boolean;
  /** advance width of `text` in font units, as the PDF will show it (sum of glyph advances) */
  advance(text: string): number;
  /** `text` shaped by fontkit (GSUB applied): glyph ids, advances in font units, code points per glyph; cached per string */
  shape(text: string): ShapedText;
}

/** The glyphs of a string in one face. */
export interface ShapedText {
  readonly glyphs: readonly number[];
  /** advance widths in font units */
  readonly advances: readonly number[];
  /** the characters each glyph stands for (for ToUnicode) */
  readonly codePoints: readonly (readonly number[])[];
  /** sum of advances */
  readonly advance: number;
}

/** A piece of text set in one face. */
export interface FaceRun {
  face: number;
  text: string;
}

export interface LoadedFonts {
  /** [primary, ...fallbacks] */
  readonly faces: readonly FontFace[];
  readonly primary: FontFace;
  /** index of the first face that has the character, or -1 */
  faceFor(ch: string): number;
  /**
   * Checks every character of `text`; throws MissingGlyphError for the first one no face has.
   * Line feeds are allowed (they separate paragraphs).
   */
  check(text: string, field: string): void;
  /** Splits a checked text into runs of one face each. */
  runs(text: string): FaceRun[];
  /** width in pt of a checked text at `size` */
  width(text: string, size: number): number;
  /** a unit measure for forms-lib/layout at `size` */
  measureAt(size: number): (unit: Unit) => number;
}

export interface LoadFontsInput {
  /** the main font, e.g. forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf */
  primary: Uint8Array;
  /** tried in order for characters the primary font lacks */
  fallbacks?: Uint8Array[];
}

const SHAPE_CACHE_LIMIT = 50_000;

function makeFace(bytes: Uint8Array, label: string): FontFace {
  const font = adaptForPdfLib(parseFont(bytes, label));
  const cmapCache = new Map<number, boolean>();
  const shapeCache = new Map<string, ShapedText>();
  const os2 = font['OS/2'] as { typoAscender?: number } | undefined;
  const upm = font.unitsPerEm;
  const typoAscender = os2?.typoAscender;
  const emAscent = typoAscender && typoAscender > 0 && typoAscender <= upm ? typoAscender / upm : 0.88;
  const shape = (text: string): ShapedText => {
    let s = shapeCache.get(text);
    if (s === undefined) {
      // Shaped once per string and face, reused by every document: the glyphs the PDF
      // shows and the advances its /W array carries. Units are mostly single characters.
      const glyphs: number[] = [];
      const advances: number[] = [];
      const codePoints: number[][] = [];
      let advance = 0;
      for (const g of font.layout(text).glyphs) {
        glyphs.push(g.id);
        advances.push(g.advanceWidth);
        codePoints.push([...g.codePoints]);
        advance += g.advanceWidth;
      }
      s = { glyphs, advances, codePoints, advance };
      if (shapeCache.size >= SHAPE_CACHE_LIMIT) shapeCache.clear();
      shapeCache.set(text, s);
    }
    return s;
  };
  return {
    label,
    bytes,
    font,
    postscriptName: font.postscriptName ?? label,
    unitsPerEm: upm,
    emAscent,
    has(cp: number): boolean {
      let hit = cmapCache.get(cp);
      if (hit === undefined) {
        hit = font.hasGlyphForCodePoint(cp);
        cmapCache.set(cp, hit);
      }
      return hit;
    },
    advance: (text: string): number => shape(text).advance,
    shape,
  };
}

/** Characters every layout handles itself and never draws. */
function isLayoutControl(ch: string): boolean {
  return ch === '\n' || ch === '\r';
}

/**
 * Parses the fonts once. Keep the result and pass it to every createDocument / fillForm call.
 */
export function loadFonts(input: LoadFontsInput): LoadedFonts {
  if (!input || !(input.primary instanceof Uint8Array)) {
    throw new InvalidArgumentError('loadFonts: primary 须为字体字节 Uint8Array / primary must be the font bytes as a Uint8Array');
  }
  const faces: FontFace[] = [makeFace(input.primary, 'primary')];
  (input.fallbacks ?? []).forEach((bytes, i) => faces.push(makeFace(bytes, `fallback ${i + 1}`)));
  const faceCache = new Map<string, number>();

  const faceFor = (ch: string): number => {
    let idx = faceCache.get(ch);
    if (idx === undefined) {
      const cp = ch.codePointAt(0) ?? 0;
      idx = faces.findIndex((f) => f.has(cp));
      faceCache.set(ch, idx);
    }
    return idx;
  };

  const runs = (text: string): FaceRun[] => {
    const out: FaceRun[] = [];
    for (const ch of text) {
      if (isLayoutControl(ch)) continue;
      const face = Math.max(0, faceFor(ch));
      const last = out[out.length - 1];
      if (last && last.face === face) last.text += ch;
      else out.push({ face, text: ch });
    }
    return out;
  };

  const width = (text: string, size: number): number => {
    let w = 0;
    for (const r of runs(text)) {
      const face = faces[r.face];
      w += (face.advance(r.text) / face.unitsPerEm) * size;
    }
    return w;
  };

  return {
    faces,
    primary: faces[0],
    faceFor,
    check(text: string, field: string): void {
      if (typeof text !== 'string') {
        throw new InvalidArgumentError(`字段「${field}」的内容须为字符串 / field "${field}": text must be a string, got ${typeof text}`);
      }
      for (const ch of text) {
        if (isLayoutControl(ch)) continue;
        if (faceFor(ch) < 0) throw new MissingGlyphError(ch, field);
      }
    },
    runs,
    width,
    measureAt: (size: number) => (unit: Unit) => width(unit.text, size),
  };
}
