/**
 * Font embedding for one PDF: each face used gets a Type0 / CIDFontType2 font, Identity-H,
 * with a ToUnicode CMap and a subset tag (`ABCDEF+Name`).
 *
 * TrueType faces (the shipped Noto subset, most office fonts) go through our own path: text is
 * shaped once per string per face (FontFace.shape, cached across documents), glyphs get CIDs
 * in order of first use in this PDF, and finish() writes one subset (truetype-subset.ts) with
 * Flate-compressed streams (fflate). Other faces (CFF-based OpenType) go through pdf-lib's
 * embedFont with fontkit's subsetter, as before.
 */
import { zlibSync } from 'fflate';
import { PDFString, type PDFDocument, type PDFFont, type PDFRef } from 'pdf-lib';
import type { FontFace, LoadedFonts } from './fonts.ts';
import { fontkitForPdfLib } from './fontkit-adapter.ts';
import type { TrueTypeSource } from './truetype-subset.ts';

/** How text in one face is written into content streams of this PDF. */
export interface FaceEncoder {
  /** the font dictionary (Type0) */
  readonly ref: PDFRef;
  /** a base for the page resource key */
  readonly key: string;
  /**
   * The glyphs of `text` as hex CIDs (4 digits each, no brackets) and their advances in
   * thousandths of an em, one per glyph.
   */
  encode(text: string): { hex: string[]; widths: number[] };
}

/** The fonts of one PDF being written: encoders per face, and a final write. */
export interface EmbeddedFonts {
  /** the compressor for this PDF's streams */
  readonly deflate: Deflate;
  encoder(face: number): FaceEncoder;
  /** Writes the font objects (call once, after every page's text has been encoded). */
  finalize(): void;
}

/**
 * A compressor producing the zlib format (RFC 1950), as PDF's FlateDecode expects. The default
 * is fflate (pure JS, works everywhere); a Node host can pass `zlib.deflateSync`, which is
 * native and much faster in a fresh process (the font stream is most of the work of a page).
 */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** fflate, level 6 */
export const fflateDeflate: Deflate = (bytes) => zlibSync(bytes, { level: 6 });

let defaultDeflate: Deflate = fflateDeflate;

/**
 * Sets the compressor used by every document that does not pass its own `deflate` (e.g.
 * `setDeflate((b) => zlib.deflateSync(b))` once in a Node CLI); `undefined` restores fflate.
 */
export function setDeflate(deflate: Deflate | undefined): void {
  defaultDeflate = deflate ?? fflateDeflate;
}

export function currentDeflate(override?: Deflate): Deflate {
  return override ?? defaultDeflate;
}

/** A content stream / font stream object with FlateDecode. */
export function flateStream(pdfDoc: PDFDocument, raw: Uint8Array, deflate: Deflate, extra: Record<string, number> = {}): PDFRef {
  return pdfDoc.context.register(pdfDoc.context.stream(deflate(raw), { Filter: 'FlateDecode', ...extra }));
}

const HEX: string[] = [];

/** Four upper-case hex digits (filled in as used: a subset has a few hundred CIDs). */
export function hex4(n: number): string {
  const i = n & 0xffff;
  return (HEX[i] ??= i.toString(16).toUpperCase().padStart(4, '0'));
}

/** `ABCDEF+Name` for a face. */
export function subsetFontName(face: FontFace, index: number): string {
  return `${subsetTag(face.postscriptName, index)}+${face.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
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

/** The TrueType tables of a face (indexed once per face), or null for a CFF or variable font. */
export function trueTypeSource(face: FontFace): TrueTypeSource | null {
  return face.trueType ?? null;
}

/** Our TrueType path: CIDs in order of first use, subset and font objects at finalize(). */
class TrueTypeEmbedding implements FaceEncoder {
  readonly ref: PDFRef;
  readonly key: string;
  /** old glyph id → CID (= new glyph id; 0 is .notdef) */
  private readonly cids = new Map<number, number>();
  private readonly order: number[] = [];
  private readonly unicode = new Map<number, string>();

  constructor(
    private readonly pdfDoc: PDFDocument,
    private readonly face: FontFace,
    private readonly index: number,
    private readonly source: TrueTypeSource,
    private readonly deflate: Deflate,
  ) {
    this.ref = pdfDoc.context.nextRef();
    this.key = face.postscriptName.replace(/[^A-Za-z0-9-]/g, '') || `F${index}`;
  }

  encode(text: string): { hex: string[]; widths: number[] } {
    const shaped = this.face.shape(text);
    const hex: string[] = [];
    const widths: number[] = [];
    const scale = 1000 / this.face.unitsPerEm;
    for (let i = 0; i < shaped.glyphs.length; i++) {
      const gid = shaped.glyphs[i];
      let cid = this.cids.get(gid);
      if (cid === undefined) {
        cid = gid === 0 ? 0 : this.order.length + 1;
        if (gid !== 0) this.order.push(gid);
        this.cids.set(gid, cid);
        const cps = shaped.codePoints[i];
        if (cps.length && cid !== 0) this.unicode.set(cid, String.fromCodePoint(...cps));
      }
      hex.push(hex4(cid));
      widths.push(shaped.advances[i] * scale);
    }
    return { hex, widths };
  }

  finalize(): void {
    const { context } = this.pdfDoc;
    const { font, oldIds } = this.source.subset(this.order);
    const scale = 1000 / this.face.unitsPerEm;
    const name = subsetFontName(this.face, this.index);
    const f = this.face.font;
    const bbox = f.bbox;
    const os2 = f['OS/2'] as { capHeight?: number; xHeight?: number } | undefined;
    const fontFile = flateStream(this.pdfDoc, font, this.deflate, { Length1: font.length });
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: 4,
        FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: f.italicAngle ?? 0,
        Ascent: Math.round(f.ascent * scale),
        Descent: Math.round(f.descent * scale),
        CapHeight: Math.round((os2?.capHeight || f.capHeight || f.ascent) * scale),
        XHeight: Math.round((os2?.xHeight || f.xHeight || 0) * scale),
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    // /W: one run from CID 1 (CIDs are the subset's glyph ids, 0 … n-1)
    const widths = oldIds.slice(1).map((g) => Math.round(this.source.metrics(g).advance * scale * 1000) / 1000);
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: context.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }),
        FontDescriptor: descriptor,
        DW: Math.round(this.source.metrics(0).advance * scale),
        W: widths.length ? [1, widths] : [],
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = flateStream(this.pdfDoc, asciiBytes(toUnicodeCMap(this.unicode)), this.deflate);
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

/** pdf-lib + fontkit for faces that are not plain TrueType. */
class PdfLibEmbedding implements FaceEncoder {
  constructor(
    private readonly font: PDFFont,
    private readonly face: FontFace,
  ) {}
  get ref(): PDFRef {
    return this.font.ref;
  }
  get key(): string {
    return this.font.name.replace(/^[A-Z]{6}\+/, '').replace(/[^A-Za-z0-9-]/g, '') || 'F';
  }
  encode(text: string): { hex: string[]; widths: number[] } {
    const hexString = this.font.encodeText(text).asString();
    const hex: string[] = [];
    for (let i = 0; i < hexString.length; i += 4) hex.push(hexString.slice(i, i + 4));
    const scale = 1000 / this.face.unitsPerEm;
    return { hex, widths: this.face.shape(text).advances.map((a) => a * scale) };
  }
}

/** The embedders for the faces `used` of `fonts` in `pdfDoc`. */
export async function embedFonts(pdfDoc: PDFDocument, fonts: LoadedFonts, used: Iterable<number>, deflate: Deflate = currentDeflate()): Promise<EmbeddedFonts> {
  const encoders = new Map<number, FaceEncoder>();
  const ours: TrueTypeEmbedding[] = [];
  let registered = false;
  for (const index of [...new Set(used)].sort((a, b) => a - b)) {
    const face = fonts.faces[index];
    const source = trueTypeSource(face);
    if (source) {
      const e = new TrueTypeEmbedding(pdfDoc, face, index, source, deflate);
      ours.push(e);
      encoders.set(index, e);
      continue;
    }
    if (!registered) {
      // fontkit 2 fonts carry everything pdf-lib reads; only the declared types differ.
      pdfDoc.registerFontkit(fontkitForPdfLib(fonts.faces) as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
      registered = true;
    }
    const font = await pdfDoc.embedFont(face.bytes, { subset: true, customName: subsetFontName(face, index) });
    encoders.set(index, new PdfLibEmbedding(font, face));
  }
  return {
    deflate,
    encoder(face: number): FaceEncoder {
      const e = encoders.get(face);
      if (!e) throw new Error(`internal: face ${face} was not embedded`);
      return e;
    },
    finalize(): void {
      for (const e of ours) e.finalize();
    },
  };
}

/** A ToUnicode CMap (bfchar entries, 100 per block as the CMap format allows). */
export function toUnicodeCMap(map: ReadonlyMap<number, string>): string {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const out: string[] = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    out.push(`${chunk.length} beginbfchar`);
    for (const [cid, text] of chunk) {
      let utf16 = '';
      for (let k = 0; k < text.length; k++) utf16 += hex4(text.charCodeAt(k));
      out.push(`<${hex4(cid)}> <${utf16}>`);
    }
    out.push('endbfchar');
  }
  out.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return out.join('\n');
}

const utf8 = new TextEncoder();

/** Bytes of a string of code units < 256 (content streams are ASCII here: text is hex). */
export function asciiBytes(s: string): Uint8Array {
  // ASCII is its own UTF-8: the native encoder, much faster than a loop in a cold process
  if (!/[\u0080-\uffff]/.test(s)) return utf8.encode(s);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
