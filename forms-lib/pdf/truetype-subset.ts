/**
 * A TrueType (glyf) subsetter for PDF embedding, working on the font's raw bytes.
 *
 * fontkit's TTFSubset decodes every glyph's outline only to find composite components, which
 * made it the largest cost of writing a one-page document. Here the font's tables are indexed
 * once per face; a subset copies the raw glyph records (components remapped) and writes the
 * tables a PDF CIDFontType2 needs (PDF 32000-1 9.9: head, hhea, loca, maxp, cvt , prep, glyf,
 * hmtx, fpgm — the same set fontkit writes). No cmap: the PDF maps CIDs to glyphs itself
 * (CIDToGIDMap /Identity, CID = new glyph id). Pure: Uint8Array in, Uint8Array out.
 */

interface TableRecord {
  offset: number;
  length: number;
}

/** Tables copied unchanged when the source has them (hinting programs). */
const COPIED = ['cvt ', 'fpgm', 'prep'] as const;

// composite glyph flags (OpenType glyf table)
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The raw tables of one TrueType font, indexed once; subsets are cut from it. */
export class TrueTypeSource {
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  private readonly locaLong: boolean;
  private readonly numberOfHMetrics: number;
  private readonly componentsCache = new Map<number, readonly number[]>();

  private constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = this.view.getUint16(4);
    for (let i = 0; i < n; i++) {
      const rec = 12 + 16 * i;
      const tag = String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]);
      this.tables.set(tag, { offset: this.view.getUint32(rec + 8), length: this.view.getUint32(rec + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head.offset + 18);
    this.locaLong = this.view.getInt16(head.offset + 50) === 1;
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
  }

  /**
   * The source for a font file, or undefined when it is not a plain TrueType-outline font
   * (CFF-based OpenType, variable fonts, collections): those are embedded through pdf-lib and fontkit.
   */
  static from(bytes: Uint8Array): TrueTypeSource | undefined {
    if (bytes.length < 12) return undefined;
    const sig = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    if (sig !== 0x00010000 && sig !== 0x74727565 /* 'true' */) return undefined;
    try {
      const src = new TrueTypeSource(bytes);
      for (const t of ['glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp']) if (!src.tables.has(t)) return undefined;
      // variable fonts: fontkit applies the variation to outlines and advances; not copied raw
      if (src.tables.has('gvar') || src.tables.has('fvar')) return undefined;
      return src;
    } catch {
      return undefined;
    }
  }

  private table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`TrueType font has no ${tag} table`);
    return t;
  }

  /** The raw glyph record of `gid` (a view, not a copy); empty for a blank glyph. */
  glyph(gid: number): Uint8Array {
    if (gid < 0 || gid >= this.numGlyphs) return new Uint8Array(0);
    const loca = this.table('loca').offset;
    const glyf = this.table('glyf').offset;
    const start = this.locaLong ? this.view.getUint32(loca + 4 * gid) : 2 * this.view.getUint16(loca + 2 * gid);
    const end = this.locaLong ? this.view.getUint32(loca + 4 * gid + 4) : 2 * this.view.getUint16(loca + 2 * gid + 2);
    return end > start ? this.bytes.subarray(glyf + start, glyf + end) : new Uint8Array(0);
  }

  /** Glyph ids a composite glyph refers to, with the byte offset of each id in the record. */
  private components(record: Uint8Array): { gid: number; at: number }[] {
    const out: { gid: number; at: number }[] = [];
    if (record.length < 10) return out;
    const v = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (v.getInt16(0) >= 0) return out;
    let p = 10;
    for (;;) {
      const flags = v.getUint16(p);
      out.push({ gid: v.getUint16(p + 2), at: p + 2 });
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return out;
  }

  /** Component glyph ids of `gid` (cached; empty for a simple glyph). */
  componentIds(gid: number): readonly number[] {
    let c = this.componentsCache.get(gid);
    if (!c) {
      c = this.components(this.glyph(gid)).map((x) => x.gid);
      this.componentsCache.set(gid, c);
    }
    return c;
  }

  /** Advance width and left side bearing of `gid` in font units. */
  metrics(gid: number): { advance: number; lsb: number } {
    const hmtx = this.table('hmtx').offset;
    const n = this.numberOfHMetrics;
    if (gid < n) return { advance: this.view.getUint16(hmtx + 4 * gid), lsb: this.view.getInt16(hmtx + 4 * gid + 2) };
    return { advance: this.view.getUint16(hmtx + 4 * (n - 1)), lsb: this.view.getInt16(hmtx + 4 * n + 2 * (gid - n)) };
  }

  /**
   * A TrueType font holding `gids` (old ids, in the order given; glyph 0 is always new id 0
   * and need not be listed). Components of composite glyphs are appended and remapped.
   * Returns the font and the old id of every new id.
   */
  subset(gids: Iterable<number>): { font: Uint8Array; oldIds: number[] } {
    const newId = new Map<number, number>([[0, 0]]);
    const oldIds = [0];
    const add = (g: number): void => {
      if (!newId.has(g)) {
        newId.set(g, oldIds.length);
        oldIds.push(g);
      }
    };
    for (const g of gids) add(g);
    for (let i = 0; i < oldIds.length; i++) for (const c of this.componentIds(oldIds[i])) add(c);

    // glyf + loca (long offsets), each glyph padded to 4 bytes
    const records = oldIds.map((g) => this.glyph(g));
    let glyfLength = 0;
    for (const r of records) glyfLength += (r.length + 3) & ~3;
    const glyf = new Uint8Array(glyfLength);
    const loca = new Uint8Array(4 * (oldIds.length + 1));
    const locaView = new DataView(loca.buffer);
    let pos = 0;
    records.forEach((r, i) => {
      locaView.setUint32(4 * i, pos);
      glyf.set(r, pos);
      const comps = this.components(r);
      if (comps.length) {
        const gv = new DataView(glyf.buffer, pos, r.length);
        for (const c of comps) gv.setUint16(c.at, newId.get(c.gid) ?? 0);
      }
      pos += (r.length + 3) & ~3;
    });
    locaView.setUint32(4 * oldIds.length, pos);

    const hmtx = new Uint8Array(4 * oldIds.length);
    const hv = new DataView(hmtx.buffer);
    oldIds.forEach((g, i) => {
      const m = this.metrics(g);
      hv.setUint16(4 * i, m.advance);
      hv.setInt16(4 * i + 2, m.lsb);
    });

    const head = this.copy('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set below
    headView.setInt16(50, 1); // indexToLocFormat: long
    const hhea = this.copy('hhea');
    new DataView(hhea.buffer).setUint16(34, oldIds.length);
    const maxp = this.copy('maxp');
    new DataView(maxp.buffer).setUint16(4, oldIds.length);

    const tables: [string, Uint8Array][] = [
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ];
    for (const t of COPIED) if (this.tables.has(t)) tables.push([t, this.copy(t)]);
    tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const font = writeSfnt(tables);
    const headAt = tableOffset(font, 'head');
    new DataView(font.buffer).setUint32(headAt + 8, (0xb1b0afba - checksum(font)) >>> 0);
    return { font, oldIds };
  }

  /** A copy of the raw table `tag`, or undefined when the font has none. */
  tableBytes(tag: string): Uint8Array | undefined {
    return this.tables.has(tag) ? this.copy(tag) : undefined;
  }

  private copy(tag: string): Uint8Array {
    const t = this.table(tag);
    // a copy (Buffer#slice would return a view into the caller's font bytes)
    return new Uint8Array(this.bytes.subarray(t.offset, t.offset + t.length));
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file (version 1.0) from tables sorted by tag. */
export function writeSfnt(tables: readonly [string, Uint8Array][]): Uint8Array {
  const n = tables.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  let size = 12 + 16 * n;
  for (const [, data] of tables) size += (data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  let offset = 12 + 16 * n;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

function tableOffset(font: Uint8Array, tag: string): number {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const n = v.getUint16(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    if (String.fromCharCode(font[rec], font[rec + 1], font[rec + 2], font[rec + 3]) === tag) return v.getUint32(rec + 8);
  }
  throw new Error(`no ${tag} table`);
}
