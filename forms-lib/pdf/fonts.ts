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
import { TrueTypeSource } from './truetype-subset.ts';

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
  /** the font's raw TrueType tables, for a static TrueType-outline font (else undefined: embedded through pdf-lib) */
  readonly trueType?: TrueTypeSource;
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

/**
 * fontkit's default GPOS features, switched off for shaping: positioning never changes glyph
 * ids or advance widths (the PDF shows glyphs at their advances, as pdf-lib did), and a first
 * layout with them runs the whole GPOS pass (~15 ms of a cold document). GSUB features (ccmp,
 * locl, liga, …) stay on.
 */
const NO_POSITIONING: Record<string, boolean> = { kern: false, mark: false, mkmk: false, curs: false, dist: false, abvm: false, blwm: false };

type Lazy<T> = T[] | { toArray(): T[] } | undefined;
const arr = <T>(x: Lazy<T>): T[] => (x === undefined ? [] : Array.isArray(x) ? x : x.toArray());

interface Coverage {
  version: number;
  glyphs?: Lazy<number>;
  rangeRecords?: Lazy<{ start: number; end: number }>;
}

/**
 * Every glyph id at which any GSUB lookup of the font can fire. A string none of whose glyphs
 * is in it comes out of shaping as its cmap glyphs. Undefined when a subtable has no coverage we can read (then
 * every string is shaped).
 */
function gsubCoverage(font: FontkitFont): Set<number> | undefined {
  const gsub = (font as unknown as { GSUB?: { lookupList?: Lazy<{ lookupType: number; subTables: Lazy<Record<string, unknown>> }> } }).GSUB;
  const set = new Set<number>();
  if (!gsub) return set;
  const add = (c: unknown): boolean => {
    const cov = c as Coverage | undefined;
    if (!cov) return false;
    if (cov.version === 1) for (const g of arr(cov.glyphs)) set.add(g);
    else if (cov.version === 2) for (const r of arr(cov.rangeRecords)) for (let g = r.start; g <= r.end; g++) set.add(g);
    else return false;
    return true;
  };
  try {
    for (const lookup of arr(gsub.lookupList)) {
      for (let st of arr(lookup.subTables)) {
        if (lookup.lookupType === 7) st = st.extension as Record<string, unknown>;
        // A lookup can only fire where the current glyph is in its first coverage: the
        // `coverage` of most formats, the first input coverage of (chained) context format 3.
        // Backtrack and lookahead glyphs are context only; later input glyphs need the first.
        let known = false;
        if (st.coverage !== undefined) known = add(st.coverage);
        for (const k of ['coverages', 'inputCoverage']) if (st[k] !== undefined) known = add(arr(st[k] as Lazy<unknown>)[0]) || known;
        if (!known) return undefined;
      }
    }
  } catch {
    return undefined;
  }
  return set;
}

/**
 * Code points that shaping passes through unchanged apart from GSUB: printable ASCII and
 * Latin-1, general punctuation and symbols, CJK symbols and punctuation, kana, hanzi (BMP and
 * the supplementary ideographic planes), full-width forms. Not: combining marks, default
 * ignorables (zero-width characters, soft hyphen, bidi controls) and variation selectors,
 * which fontkit's layout treats specially.
 */
function plainCodePoint(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x2ff && cp !== 0xad) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e) ||
    (cp >= 0x2070 && cp <= 0x2bff) ||
    (cp >= 0x2e80 && cp <= 0x303f) ||
    (cp >= 0x3041 && cp <= 0x3098) ||
    (cp >= 0x309b && cp <= 0x30ff) ||
    (cp >= 0x3100 && cp <= 0x3163) ||
    (cp >= 0x3165 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff01 && cp <= 0xff9f) ||
    (cp >= 0xffa1 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function makeFace(bytes: Uint8Array, label: string): FontFace {
  const font = adaptForPdfLib(parseFont(bytes, label));
  const cmapCache = new Map<number, boolean>();
  const shapeCache = new Map<string, ShapedText>();
  const os2 = font['OS/2'] as { typoAscender?: number } | undefined;
  const upm = font.unitsPerEm;
  const typoAscender = os2?.typoAscender;
  const emAscent = typoAscender && typoAscender > 0 && typoAscender <= upm ? typoAscender / upm : 0.88;
  const trueType = TrueTypeSource.from(bytes);
  let coverage: Set<number> | undefined | null = null; // null: not computed yet
  /** The cmap glyphs of `text` when shaping cannot change them, else undefined. */
  const direct = (text: string): ShapedText | undefined => {
    if (!trueType) return undefined;
    if (coverage === null) coverage = gsubCoverage(font);
    if (coverage === undefined) return undefined;
    const glyphs: number[] = [];
    const advances: number[] = [];
    const codePoints: number[][] = [];
    let advance = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!plainCodePoint(cp)) return undefined;
      const id = font.glyphForCodePoint(cp).id;
      if (coverage.has(id)) return undefined;
      const a = trueType.metrics(id).advance;
      glyphs.push(id);
      advances.push(a);
      codePoints.push([cp]);
      advance += a;
    }
    return { glyphs, advances, codePoints, advance };
  };
  const shape = (text: string): ShapedText => {
    let s = shapeCache.get(text);
    if (s === undefined) {
      // Shaped once per string and face, reused by every document: the glyphs the PDF
      // shows and the advances its /W array carries. Units are mostly single characters.
      // Strings GSUB cannot touch skip fontkit's layout (most of a first document's time).
      s = direct(text);
      if (s === undefined) {
        const glyphs: number[] = [];
        const advances: number[] = [];
        const codePoints: number[][] = [];
        let advance = 0;
        for (const g of font.layout(text, NO_POSITIONING).glyphs) {
          glyphs.push(g.id);
          advances.push(g.advanceWidth);
          codePoints.push([...g.codePoints]);
          advance += g.advanceWidth;
        }
        s = { glyphs, advances, codePoints, advance };
      }
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
    trueType,
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

  // Width in em per string: measured many times during line breaking (units are mostly
  // single characters), the same for every size.
  const emCache = new Map<string, number>();
  const width = (text: string, size: number): number => {
    let em = emCache.get(text);
    if (em === undefined) {
      em = 0;
      for (const r of runs(text)) {
        const face = faces[r.face];
        em += face.advance(r.text) / face.unitsPerEm;
      }
      if (emCache.size >= SHAPE_CACHE_LIMIT) emCache.clear();
      emCache.set(text, em);
    }
    return em * size;
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
