/**
 * An .xlsx/.xlsm file as an OPC package, edited in place: read parts, change a few, and write the
 * zip back with every other entry byte-identical (see zip.ts).
 *
 * All XML handling of the write path lives here and in sheet-xml.ts: part lookup through
 * relationships, [Content_Types].xml, the workbook's sheet list, calcChain. New parts (a later
 * very-hidden log sheet) go through addPart + addRelationship + addOverride.
 */
import { entryData, readZip, writeZip } from './zip.ts';
import type { ZipArchive, ZipEntry } from './zip.ts';
import { attr, elementPrefix, escapeCellText, parseRef, patchWorksheetXml, unescapeXml } from './sheet-xml.ts';
import type { CellWrite } from './sheet-xml.ts';

export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';
export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
/** Strict-conformance files use purl.oclc.org relationship URIs. */
const relTypeIs = (type: string, wanted: string): boolean => type === wanted || type.endsWith(wanted.slice(wanted.lastIndexOf('/')));

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Package path of the target part (no leading '/'), for internal targets. */
  path: string;
}

export interface SheetRef {
  name: string;
  sheetId: string;
  rId: string;
  /** Package path of the worksheet part, e.g. 'xl/worksheets/sheet1.xml'. */
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const enc = new TextEncoder();

/** Decode an XML part keeping any BOM (so encoding back gives the same bytes). UTF-16 LE/BE too. */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16be' };
  return { text: dec.decode(bytes), encoding: 'utf-8' };
}

export function encodeXml(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return enc.encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hi = c >> 8;
    const lo = c & 0xff;
    out[2 * i] = encoding === 'utf-16le' ? lo : hi;
    out[2 * i + 1] = encoding === 'utf-16le' ? hi : lo;
  }
  return out;
}

/** Resolve a relationship target against the part that owns the .rels file. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as is */
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The part a .rels file belongs to ('' for the package's own _rels/.rels); undefined for any other path. */
export function sourceOfRels(relsPath: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  if (!m) return undefined;
  return `${m[1]}${m[2]}`;
}

export function relsPathFor(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export class OoxmlPackage {
  private readonly zip: ZipArchive;
  /** Lower-cased part name -> entry (OPC part names compare case-insensitively). */
  private readonly index = new Map<string, ZipEntry>();
  private readonly changes = new Map<string, Uint8Array | null>();
  private readonly additions: { name: string; data: Uint8Array }[] = [];
  private readonly encodings = new Map<string, 'utf-8' | 'utf-16le' | 'utf-16be'>();

  private constructor(zip: ZipArchive) {
    this.zip = zip;
    for (const e of zip.entries) this.index.set(e.name.toLowerCase(), e);
  }

  /** Throws ZipFormatError for a damaged zip. */
  static open(bytes: Uint8Array): OoxmlPackage {
    return new OoxmlPackage(readZip(bytes));
  }

  get entryNames(): string[] {
    return this.zip.entries.map((e) => e.name);
  }

  /** Sum of declared uncompressed sizes (zip-bomb guard). */
  get unpackedSize(): number {
    let n = 0;
    for (const e of this.zip.entries) n += e.size;
    return n;
  }

  /**
   * Inflate and CRC-check every entry whose name passes `filter` (damaged-file detection: a
   * corrupt deflate stream can otherwise decode to garbage without an error).
   */
  verify(filter: (name: string) => boolean = () => true): void {
    for (const e of this.zip.entries) if (filter(e.name)) entryData(this.zip, e, true);
  }

  entry(path: string): ZipEntry | undefined {
    return this.index.get(path.replace(/^\//, '').toLowerCase());
  }

  has(path: string): boolean {
    const e = this.entry(path);
    if (!e) return this.additions.some((a) => a.name.toLowerCase() === path.toLowerCase());
    return this.changes.get(e.name) !== null;
  }

  read(path: string): Uint8Array {
    const e = this.entry(path);
    if (!e) {
      const a = this.additions.find((x) => x.name.toLowerCase() === path.toLowerCase());
      if (a) return a.data;
      throw new Error(`part ${path} not found`);
    }
    const changed = this.changes.get(e.name);
    if (changed === null) throw new Error(`part ${path} was removed`);
    return changed ?? entryData(this.zip, e);
  }

  readText(path: string): string {
    const { text, encoding } = decodeXml(this.read(path));
    this.encodings.set(path.toLowerCase(), encoding);
    return text;
  }

  write(path: string, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? encodeXml(data, this.encodings.get(path.toLowerCase())) : data;
    const e = this.entry(path);
    if (e) {
      this.changes.set(e.name, bytes);
      return;
    }
    const a = this.additions.find((x) => x.name.toLowerCase() === path.toLowerCase());
    if (a) a.data = bytes;
    else this.additions.push({ name: path.replace(/^\//, ''), data: bytes });
  }

  remove(path: string): void {
    const e = this.entry(path);
    if (e) this.changes.set(e.name, null);
    const i = this.additions.findIndex((x) => x.name.toLowerCase() === path.toLowerCase());
    if (i >= 0) this.additions.splice(i, 1);
  }

  /** Every part there is now: entries not removed, and the ones added. */
  partNames(): string[] {
    return [...this.zip.entries.filter((e) => this.changes.get(e.name) !== null).map((e) => e.name), ...this.additions.map((a) => a.name)];
  }

  /** Names of entries changed, removed or added so far. */
  get touched(): string[] {
    return [...this.changes.keys(), ...this.additions.map((a) => a.name)];
  }

  toBytes(): Uint8Array {
    return writeZip(this.zip, this.changes, this.additions);
  }

  // ---- relationships -------------------------------------------------------------------------

  relationships(sourcePart: string): Relationship[] {
    const relsPath = relsPathFor(sourcePart);
    if (!this.has(relsPath)) return [];
    const xml = this.readText(relsPath);
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
      const id = attr(m[1], 'Id') ?? '';
      const type = attr(m[1], 'Type') ?? '';
      const target = unescapeXml(attr(m[1], 'Target') ?? '');
      const external = attr(m[1], 'TargetMode') === 'External';
      out.push({ id, type, target, external, path: external ? '' : resolveTarget(sourcePart, target) });
    }
    return out;
  }

  /** Remove relationships of `sourcePart` whose Id is in `ids`. */
  removeRelationships(sourcePart: string, ids: ReadonlySet<string>): void {
    const relsPath = relsPathFor(sourcePart);
    if (!this.has(relsPath) || ids.size === 0) return;
    const xml = this.readText(relsPath);
    const next = xml.replace(/<(?:[\w.-]+:)?Relationship\b([^>]*?)(?:\/>|>\s*<\/(?:[\w.-]+:)?Relationship>)/g, (m, attrs: string) =>
      ids.has(attr(attrs, 'Id') ?? '') ? '' : m,
    );
    if (next !== xml) this.write(relsPath, next);
  }

  /** Add a relationship from `sourcePart`; returns its new Id. */
  addRelationship(sourcePart: string, type: string, target: string): string {
    const relsPath = relsPathFor(sourcePart);
    const xml = this.has(relsPath)
      ? this.readText(relsPath)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(this.relationships(sourcePart).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
    const close = xml.lastIndexOf('</Relationships>');
    this.write(relsPath, close >= 0 ? xml.slice(0, close) + el + xml.slice(close) : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`));
    return id;
  }

  // ---- content types -------------------------------------------------------------------------

  addOverride(partPath: string, contentType: string): void {
    const xml = this.readText('[Content_Types].xml');
    const el = `<Override PartName="/${escapeAttr(partPath.replace(/^\//, ''))}" ContentType="${contentType}"/>`;
    const close = xml.lastIndexOf('</Types>');
    this.write('[Content_Types].xml', xml.slice(0, close) + el + xml.slice(close));
  }

  removeOverride(partPath: string): void {
    const xml = this.readText('[Content_Types].xml');
    const want = `/${partPath.replace(/^\//, '')}`.toLowerCase();
    const next = xml.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)(?:\/>|>\s*<\/(?:[\w.-]+:)?Override>)/g, (m, attrs: string) =>
      (attr(attrs, 'PartName') ?? '').toLowerCase() === want ? '' : m,
    );
    if (next !== xml) this.write('[Content_Types].xml', next);
  }

  // ---- workbook --------------------------------------------------------------------------------

  /** Path of the workbook part, from the package relationships (not assumed xl/workbook.xml). */
  workbookPath(): string {
    const rel = this.relationships('').find((r) => relTypeIs(r.type, REL_OFFICE_DOCUMENT));
    if (!rel) throw new Error('package has no officeDocument relationship');
    return rel.path;
  }

  /** Sheets in workbook order with their part paths, resolved through workbook.xml.rels. */
  sheets(): SheetRef[] {
    const wbPath = this.workbookPath();
    const xml = this.readText(wbPath);
    const rels = new Map(this.relationships(wbPath).map((r) => [r.id, r]));
    const out: SheetRef[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = m[1];
      const rId = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(a);
      const id = rId ? (rId[1] ?? rId[2]) : '';
      const state = attr(a, 'state');
      out.push({
        name: unescapeXml(attr(a, 'name') ?? ''),
        sheetId: attr(a, 'sheetId') ?? '',
        rId: id,
        path: rels.get(id)?.path ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      });
    }
    return out;
  }

  /** Ask Excel to recalculate everything when the file is next opened (cached results may be stale). */
  setFullCalcOnLoad(): void {
    const wbPath = this.workbookPath();
    const xml = this.readText(wbPath);
    const p = elementPrefix(xml, 'workbook');
    const calc = new RegExp(`<${p.replace(/[.-]/g, '\\$&')}calcPr\\b([^>]*?)(/?)>`).exec(xml);
    let next: string;
    if (calc) {
      if (/\sfullCalcOnLoad\s*=\s*["'](1|true)["']/.test(calc[1])) return;
      const attrs = calc[1].replace(/\sfullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')/, '');
      next = `${xml.slice(0, calc.index)}<${p}calcPr${attrs} fullCalcOnLoad="1"${calc[2]}>${xml.slice(calc.index + calc[0].length)}`;
    } else {
      // calcPr follows sheets/functionGroups/externalReferences/definedNames in CT_Workbook.
      const after = [`</${p}definedNames>`, `</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`];
      let at = -1;
      for (const t of after) {
        const i = xml.indexOf(t);
        if (i >= 0) {
          at = i + t.length;
          break;
        }
      }
      if (at < 0) return;
      next = `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
    }
    this.write(wbPath, next);
  }

  /**
   * Drop calcChain entries for `cells` of the sheet with `sheetId`. Removes the part (and its
   * relationship and content-type override) when no entry is left, as the schema wants ≥ 1 entry.
   */
  dropCalcChainCells(sheetId: string, cells: readonly string[]): void {
    if (cells.length === 0) return;
    const wbPath = this.workbookPath();
    const rel = this.relationships(wbPath).find((r) => relTypeIs(r.type, REL_CALC_CHAIN));
    if (!rel || !this.has(rel.path)) return;
    const xml = this.readText(rel.path);
    const next = removeCalcChainCells(xml, sheetId, new Set(cells.map((c) => c.toUpperCase())));
    if (next === xml) return;
    if (next === null) {
      this.remove(rel.path);
      this.removeRelationships(wbPath, new Set([rel.id]));
      this.removeOverride(rel.path);
      return;
    }
    this.write(rel.path, next);
  }

  /** Apply cell writes to one sheet. Returns the A1 refs whose formulas were removed. */
  patchSheet(sheet: SheetRef, writes: readonly CellWrite[]): string[] {
    const xml = this.readText(sheet.path);
    const { xml: next, removedFormulaCells } = patchWorksheetXml(xml, writes);
    if (next !== xml) this.write(sheet.path, next);
    this.dropCalcChainCells(sheet.sheetId, removedFormulaCells);
    this.renameTableColumns(sheet, writes);
    return removedFormulaCells;
  }

  /**
   * An Excel Table (ListObject) keeps its column names in tableN.xml, and they must match the
   * header cells or Excel "repairs" the file. A header cell edited to a non-empty text renames
   * the column. (Clearing a header, or a name another column already has, is left as is: Excel
   * itself would invent "Column1"/"Name2" there.)
   */
  private renameTableColumns(sheet: SheetRef, writes: readonly CellWrite[]): void {
    for (const rel of this.relationships(sheet.path)) {
      if (!relTypeIs(rel.type, REL_TABLE) || rel.external || !this.has(rel.path)) continue;
      const xml = this.readText(rel.path);
      const root = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(xml);
      if (!root) continue;
      const [a, b] = (attr(root[1], 'ref') ?? '').split(':');
      const s = parseRef(a ?? '');
      const e = parseRef(b ?? a ?? '');
      if (!s || !e || attr(root[1], 'headerRowCount') === '0') continue;
      const cols = [...xml.matchAll(/<(?:[\w.-]+:)?tableColumn\b([^>]*?)(\/?)>/g)];
      const names = cols.map((m) => attr(m[1], 'name') ?? '');
      const renames = new Map<number, string>();
      for (const w of writes) {
        if (w.row !== s.row || w.col < s.col || w.col > e.col) continue;
        const name = w.value === null || w.value === '' ? '' : typeof w.value === 'boolean' ? (w.value ? 'TRUE' : 'FALSE') : String(w.value);
        const i = w.col - s.col;
        const encoded = escapeCellText(name).replace(/"/g, '&quot;').replace(/\n/g, '_x000a_');
        if (!name || names.some((n, k) => k !== i && unescapeXml(n) === unescapeXml(encoded))) continue;
        renames.set(i, encoded);
        names[i] = encoded;
      }
      if (renames.size === 0) continue;
      let k = -1;
      const next = xml.replace(/<((?:[\w.-]+:)?tableColumn)\b([^>]*?)(\/?)>/g, (m, tag: string, attrs: string, close: string) => {
        k++;
        const n = renames.get(k);
        if (n === undefined) return m;
        return `<${tag}${attrs.replace(/\sname\s*=\s*(?:"[^"]*"|'[^']*')/, ` name="${n}"`)}${close}>`;
      });
      if (next !== xml) this.write(rel.path, next);
    }
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * calcChain.xml without the entries of `cells` on sheet `sheetId`; null when nothing is left.
 * An entry's `i` (sheet id) is inherited from the previous entry when omitted, so when an entry
 * that carried `i` is removed, the next kept entry is given it explicitly.
 */
export function removeCalcChainCells(xml: string, sheetId: string, cells: ReadonlySet<string>): string | null {
  const re = /<(?:[\w.-]+:)?c\b([^>]*?)\/>/g;
  let current = '';
  let pendingI: string | undefined;
  let kept = 0;
  let removed = 0;
  const next = xml.replace(re, (m, attrs: string) => {
    const i = attr(attrs, 'i');
    if (i !== undefined) current = i;
    const r = (attr(attrs, 'r') ?? '').toUpperCase();
    if (current === sheetId && cells.has(r)) {
      removed++;
      if (i !== undefined) pendingI = i;
      return '';
    }
    kept++;
    if (pendingI !== undefined && i === undefined) {
      const out = m.replace(/<((?:[\w.-]+:)?c)\b/, `<$1 i="${pendingI}"`);
      pendingI = undefined;
      return out;
    }
    pendingI = undefined;
    return m;
  });
  if (removed === 0) return xml;
  return kept === 0 ? null : next;
}
