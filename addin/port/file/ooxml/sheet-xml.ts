/**
 * Patch the <sheetData> of one worksheet part as text: only the <c> elements being written change
 * (and the rows that hold them); every other byte of the part stays as it was.
 *
 * Strings are written as inline strings (t="inlineStr"), not into sharedStrings.xml: the shared
 * string table then stays byte-identical, no index or count bookkeeping can go wrong for the cells
 * we do not touch, and Excel folds inline strings into its table on its next save.
 */
import type { Scalar } from '../../../catalogue/grid.ts';
import { shiftFormula } from './formula-shift.ts';

export interface CellWrite {
  /** 1-based. */
  row: number;
  col: number;
  value: Scalar;
}

export interface SheetPatchResult {
  xml: string;
  /** A1 refs of cells that held a formula and no longer do (their calcChain entries must go). */
  removedFormulaCells: string[];
}

export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const ref = (row: number, col: number): string => `${colLetters(col)}${row}`;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The attribute value in a start tag's attribute text, or undefined. Handles both quote styles. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${escapeRe(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function setAttr(attrs: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${escapeRe(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (value === undefined) return attrs.replace(re, '');
  if (re.test(attrs)) return attrs.replace(re, ` ${name}="${value}"`);
  return ` ${name}="${value}"${attrs}`;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/**
 * Text for an XML text node in SpreadsheetML: &, <, > escaped; characters XML 1.0 cannot carry
 * (control characters, CR which parsers turn into LF, lone surrogates) written as OOXML `_xHHHH_`,
 * and a literal `_xHHHH_` in the text protected as `_x005F_xHHHH_` so readers do not decode it.
 */
export function escapeCellText(s: string): string {
  let out = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return out;
}

interface Span {
  start: number;
  end: number;
  /** End of the start tag (index after '>'). */
  openEnd: number;
  /** Start of the close tag, = end for a self-closing element. */
  closeStart: number;
  attrs: string;
  selfClosing: boolean;
}

interface RowSpan extends Span {
  row: number;
  explicit: boolean;
}

interface CellSpan extends Span {
  col: number;
  explicit: boolean;
}

function scanElements(xml: string, from: number, to: number, prefix: string, local: string): Span[] {
  const open = new RegExp(`<${escapeRe(prefix + local)}(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  const close = `</${prefix}${local}>`;
  const out: Span[] = [];
  open.lastIndex = from;
  for (;;) {
    const m = open.exec(xml);
    if (!m || m.index >= to) break;
    const openEnd = m.index + m[0].length;
    if (m[2] === '/') {
      out.push({ start: m.index, end: openEnd, openEnd, closeStart: openEnd, attrs: m[1], selfClosing: true });
      continue;
    }
    const c = xml.indexOf(close, openEnd);
    if (c < 0 || c >= to) throw new Error(`malformed worksheet XML: <${prefix}${local}> at ${m.index} is not closed`);
    out.push({ start: m.index, end: c + close.length, openEnd, closeStart: c, attrs: m[1], selfClosing: false });
    open.lastIndex = c + close.length;
  }
  return out;
}

function scanRows(xml: string, from: number, to: number, prefix: string): RowSpan[] {
  let prev = 0;
  return scanElements(xml, from, to, prefix, 'row').map((s) => {
    const r = attr(s.attrs, 'r');
    const row = r ? Number(r) : prev + 1;
    prev = row;
    return { ...s, row, explicit: r !== undefined };
  });
}

function scanCells(xml: string, from: number, to: number, prefix: string): CellSpan[] {
  let prev = 0;
  return scanElements(xml, from, to, prefix, 'c').map((s) => {
    const r = attr(s.attrs, 'r');
    const col = r ? (parseRef(r)?.col ?? prev + 1) : prev + 1;
    prev = col;
    return { ...s, col, explicit: r !== undefined };
  });
}

/** The namespace prefix of the worksheet element ('' or e.g. 'x:'). */
export function elementPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

interface FormulaInfo {
  t?: string;
  si?: string;
  ref?: string;
  text: string;
  /** Offsets of the whole <f> element within the document. */
  start: number;
  end: number;
}

function formulaOf(xml: string, cell: CellSpan, p: string): FormulaInfo | undefined {
  if (cell.selfClosing) return undefined;
  const els = scanElements(xml, cell.openEnd, cell.closeStart, p, 'f');
  const f = els[0];
  if (!f) return undefined;
  return {
    t: attr(f.attrs, 't'),
    si: attr(f.attrs, 'si'),
    ref: attr(f.attrs, 'ref'),
    text: f.selfClosing ? '' : unescapeXml(xml.slice(f.openEnd, f.closeStart)),
    start: f.start,
    end: f.end,
  };
}

function escapeAttrText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * When an edit overwrites the master cell of a shared formula, the first remaining dependent
 * becomes the master (formula text moved to its position; ref = the dependents' bounding box).
 * Without this the dependents would point at a shared formula that no longer exists.
 */
function promoteSharedMasters(xml: string, p: string, from: number, to: number, written: Set<string>): string {
  const rows = scanRows(xml, from, to, p);
  interface Member {
    row: number;
    col: number;
    f: FormulaInfo;
  }
  const groups = new Map<string, { master?: Member; deps: Member[] }>();
  for (const r of rows) {
    if (r.selfClosing) continue;
    for (const c of scanCells(xml, r.openEnd, r.closeStart, p)) {
      if (c.selfClosing) continue;
      const f = formulaOf(xml, c, p);
      if (!f || f.t !== 'shared' || f.si === undefined) continue;
      const g = groups.get(f.si) ?? { deps: [] };
      groups.set(f.si, g);
      const m = { row: r.row, col: c.col, f };
      if (f.ref !== undefined && f.text !== '') g.master = m;
      else g.deps.push(m);
    }
  }
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [si, g] of groups) {
    if (!g.master || !written.has(ref(g.master.row, g.master.col))) continue;
    const rest = g.deps.filter((d) => !written.has(ref(d.row, d.col)));
    if (rest.length === 0) continue;
    const nm = rest[0];
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    for (const d of rest) {
      r1 = Math.min(r1, d.row);
      c1 = Math.min(c1, d.col);
      r2 = Math.max(r2, d.row);
      c2 = Math.max(c2, d.col);
    }
    const text = shiftFormula(g.master.f.text, nm.row - g.master.row, nm.col - g.master.col);
    const span = r1 === r2 && c1 === c2 ? ref(r1, c1) : `${ref(r1, c1)}:${ref(r2, c2)}`;
    splices.push({ start: nm.f.start, end: nm.f.end, text: `<${p}f t="shared" ref="${span}" si="${si}">${escapeAttrText(text)}</${p}f>` });
  }
  splices.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function cellXml(p: string, r: string, keptAttrs: string, value: Scalar): string {
  if (value === null || value === '') return keptAttrs ? `<${p}c r="${r}"${keptAttrs}/>` : '';
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `<${p}c r="${r}"${keptAttrs}><${p}v>${Object.is(value, -0) ? 0 : value}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${r}"${keptAttrs} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  const text = escapeCellText(String(value));
  return `<${p}c r="${r}"${keptAttrs} t="inlineStr"><${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is></${p}c>`;
}

/** Attributes of an existing <c> that survive an overwrite: its style (s) and phonetic flag (ph). */
function keptCellAttrs(attrs: string): string {
  let out = '';
  const s = attr(attrs, 's');
  if (s !== undefined && s !== '0') out += ` s="${s}"`;
  const ph = attr(attrs, 'ph');
  if (ph !== undefined) out += ` ph="${ph}"`;
  return out;
}

/** Column default styles from <cols>: a new cell gets what Excel would give it. */
function columnStyles(xml: string, p: string): (col: number) => string | undefined {
  const open = new RegExp(`<${escapeRe(p)}cols[\\s>]`).exec(xml);
  if (!open) return () => undefined;
  const end = xml.indexOf(`</${p}cols>`, open.index);
  if (end < 0) return () => undefined;
  const ranges: { min: number; max: number; style: string }[] = [];
  for (const c of scanElements(xml, open.index + 1, end, p, 'col')) {
    const style = attr(c.attrs, 'style');
    if (style === undefined || style === '0') continue;
    ranges.push({ min: Number(attr(c.attrs, 'min')), max: Number(attr(c.attrs, 'max')), style });
  }
  return (col) => ranges.find((x) => col >= x.min && col <= x.max)?.style;
}

function extendSpans(attrs: string, cols: number[]): string {
  const spans = attr(attrs, 'spans');
  if (spans === undefined || cols.length === 0) return attrs;
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  if (!m) return setAttr(attrs, 'spans', undefined);
  const lo = Math.min(Number(m[1]), ...cols);
  const hi = Math.max(Number(m[2]), ...cols);
  return setAttr(attrs, 'spans', `${lo}:${hi}`);
}

function updateDimension(xml: string, p: string, cells: { row: number; col: number }[]): string {
  if (cells.length === 0) return xml;
  const re = new RegExp(`(<${escapeRe(p)}dimension\\b[^>]*?\\sref\\s*=\\s*)(["'])([^"']*)\\2`);
  const m = re.exec(xml);
  if (!m) return xml;
  const [a, b] = m[3].split(':');
  const s = parseRef(a);
  const e = parseRef(b ?? a);
  if (!s || !e) return xml;
  let r1 = s.row;
  let c1 = s.col;
  let r2 = e.row;
  let c2 = e.col;
  for (const c of cells) {
    r1 = Math.min(r1, c.row);
    c1 = Math.min(c1, c.col);
    r2 = Math.max(r2, c.row);
    c2 = Math.max(c2, c.col);
  }
  const next = r1 === r2 && c1 === c2 ? ref(r1, c1) : `${ref(r1, c1)}:${ref(r2, c2)}`;
  if (next === m[3]) return xml;
  return xml.slice(0, m.index) + m[1] + m[2] + next + m[2] + xml.slice(m.index + m[0].length);
}

/**
 * Write `writes` into the worksheet XML. A null/'' value clears the cell (the element stays when it
 * carries a style, so formatting is kept). Existing cells keep their style; new cells take the row's
 * or column's default style, as Excel does. Formulas of overwritten cells are removed.
 */
export function patchWorksheetXml(source: string, writes: readonly CellWrite[]): SheetPatchResult {
  const removedFormulaCells: string[] = [];
  if (writes.length === 0) return { xml: source, removedFormulaCells };
  const p = elementPrefix(source, 'worksheet');
  // Last write to a cell wins.
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) {
    if (!(w.row >= 1 && w.row <= 1048576 && w.col >= 1 && w.col <= 16384 && Number.isInteger(w.row) && Number.isInteger(w.col))) {
      throw new RangeError(`cell (${w.row}, ${w.col}) is outside the sheet`);
    }
    byCell.set(ref(w.row, w.col), w);
  }
  const byRow = new Map<number, CellWrite[]>();
  for (const w of byCell.values()) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const editRows = [...byRow.keys()].sort((a, b) => a - b);

  let xml = source;
  const sdRe = new RegExp(`<${escapeRe(p)}sheetData(?=[\\s/>])[^>]*?(/?)>`);
  let sd = sdRe.exec(xml);
  if (!sd) throw new Error('malformed worksheet XML: no <sheetData>');
  if (sd[1] === '/') {
    xml = `${xml.slice(0, sd.index)}<${p}sheetData></${p}sheetData>${xml.slice(sd.index + sd[0].length)}`;
    sd = sdRe.exec(xml);
    if (!sd) throw new Error('unreachable');
  }
  const contentStart = sd.index + sd[0].length;
  const closeTag = `</${p}sheetData>`;
  let contentEnd = xml.indexOf(closeTag, contentStart);
  if (contentEnd < 0) throw new Error('malformed worksheet XML: <sheetData> is not closed');

  if (/\st\s*=\s*["']shared["']/.test(xml.slice(contentStart, contentEnd))) {
    const before = xml.length;
    xml = promoteSharedMasters(xml, p, contentStart, contentEnd, new Set(byCell.keys()));
    contentEnd += xml.length - before;
  }

  const colStyle = columnStyles(xml, p);
  const rows = scanRows(xml, contentStart, contentEnd, p);
  const pieces: string[] = [xml.slice(0, contentStart)];
  let pos = contentStart;
  let ri = 0;
  const added: { row: number; col: number }[] = [];

  const newRow = (rowNum: number): string => {
    const cells = byRow.get(rowNum) ?? [];
    let inner = '';
    for (const w of cells) {
      const s = colStyle(w.col);
      const x = cellXml(p, ref(rowNum, w.col), s ? ` s="${s}"` : '', w.value);
      if (x) added.push({ row: rowNum, col: w.col });
      inner += x;
    }
    return inner ? `<${p}row r="${rowNum}">${inner}</${p}row>` : '';
  };

  const patchRow = (row: RowSpan): string => {
    const writesHere = byRow.get(row.row) ?? [];
    const rowStyle = attr(row.attrs, 'customFormat') === '1' || attr(row.attrs, 'customFormat') === 'true' ? attr(row.attrs, 's') : undefined;
    const cells = row.selfClosing ? [] : scanCells(xml, row.openEnd, row.closeStart, p);
    const newCols: number[] = [];
    const newCell = (w: CellWrite): string => {
      const s = rowStyle ?? colStyle(w.col);
      const x = cellXml(p, ref(row.row, w.col), s && s !== '0' ? ` s="${s}"` : '', w.value);
      if (x) {
        newCols.push(w.col);
        added.push({ row: row.row, col: w.col });
      }
      return x;
    };
    let out = '';
    let cpos = row.openEnd;
    let wi = 0;
    let insertedBeforeImplicit = false;
    for (const c of cells) {
      out += xml.slice(cpos, c.start);
      while (wi < writesHere.length && writesHere[wi].col < c.col) {
        out += newCell(writesHere[wi++]);
        insertedBeforeImplicit = true;
      }
      if (wi < writesHere.length && writesHere[wi].col === c.col) {
        const w = writesHere[wi++];
        const f = formulaOf(xml, c, p);
        if (f) removedFormulaCells.push(ref(row.row, c.col));
        out += cellXml(p, ref(row.row, c.col), keptCellAttrs(c.attrs), w.value);
        if (w.value !== null && w.value !== '') added.push({ row: row.row, col: c.col });
        insertedBeforeImplicit = true;
      } else if (!c.explicit && insertedBeforeImplicit) {
        // Its column was implied by the previous cell, which changed: make it explicit.
        out += `<${p}c r="${ref(row.row, c.col)}"${xml.slice(c.start + p.length + 2, c.end)}`;
        insertedBeforeImplicit = false;
      } else {
        out += xml.slice(c.start, c.end);
        insertedBeforeImplicit = false;
      }
      cpos = c.end;
    }
    let tail = '';
    while (wi < writesHere.length) tail += newCell(writesHere[wi++]);
    const rowAttrs = extendSpans(row.attrs, newCols);
    if (row.selfClosing) {
      return tail ? `<${p}row${rowAttrs}>${tail}</${p}row>` : xml.slice(row.start, row.end);
    }
    out += tail + xml.slice(cpos, row.closeStart);
    return `<${p}row${rowAttrs}>${out}</${p}row>`;
  };

  for (const er of editRows) {
    while (ri < rows.length && rows[ri].row < er) ri++;
    const existing = ri < rows.length && rows[ri].row === er ? rows[ri] : undefined;
    if (existing) {
      pieces.push(xml.slice(pos, existing.start), patchRow(existing));
      pos = existing.end;
      ri++;
    } else {
      const at = ri < rows.length ? rows[ri].start : contentEnd;
      pieces.push(xml.slice(pos, at), newRow(er));
      pos = at;
      const next = rows[ri];
      if (next && !next.explicit) {
        // The next row's number was implied by its predecessor: pin it.
        pieces.push(`<${p}row r="${next.row}"`);
        pos = next.start + p.length + 4;
      }
    }
  }
  pieces.push(xml.slice(pos));
  let result = pieces.join('');
  result = updateDimension(result, p, added);
  return { xml: result, removedFormulaCells };
}
