/**
 * CSV/TSV read and lossless write-back.
 *
 * Our own parser rather than SheetJS's, for three reasons: the encoding (CSV saved by Excel on a
 * Chinese Windows is GBK/GB18030, not UTF-8) must be detected; values must not be re-typed (SheetJS
 * turns "2024-01-05" into a date and "001" into 1); and write-back must keep every record that was
 * not edited byte for byte, quoting and line endings included.
 */
import type { Scalar } from '../../catalogue/grid.ts';
import { scalarText } from '../../catalogue/grid.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/** Decode bytes as text, or undefined when they look binary. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  // Binary: NUL bytes, or many control characters.
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return undefined;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 0x7f) control++;
  }
  if (control > sample.length * 0.01) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    /* not UTF-8 */
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030').decode(bytes);
  } catch {
    return undefined;
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > text.length * 0.01) return undefined;
  return { text, encoding: 'gb18030', bom: false };
}

export interface CsvField {
  value: string;
  quoted: boolean;
}

export interface CsvRecord {
  fields: CsvField[];
  /** The record's raw text, line terminator included: written back as is when not edited. */
  raw: string;
}

export interface CsvDocument {
  records: CsvRecord[];
  delimiter: string;
  /** The line terminator used by the file ('\r\n' or '\n'); '\r\n' when there is none. */
  eol: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/** Pick the delimiter: the candidate whose count per line (outside quotes) is most consistent. */
export function sniffDelimiter(text: string, fileName: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.length > 0).slice(0, 30);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => {
      let n = 0;
      let q = false;
      for (const ch of l) {
        if (ch === '"') q = !q;
        else if (ch === d && !q) n++;
      }
      return n;
    });
    const nonzero = counts.filter((c) => c > 0);
    if (nonzero.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of nonzero) freq.set(c, (freq.get(c) ?? 0) + 1);
    const mode = Math.max(...freq.values());
    const score = (mode / lines.length) * 10 + nonzero.length / lines.length;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** RFC 4180 with the usual leniencies (bare quotes inside unquoted fields kept as text). */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    const fields: CsvField[] = [];
    for (;;) {
      if (text[i] === '"') {
        let v = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            v += text.slice(i);
            i = n;
            break;
          }
          v += text.slice(i, q);
          if (text[q + 1] === '"') {
            v += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything after the closing quote up to the delimiter is kept (lenient).
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') v += text[i++];
        fields.push({ value: v, quoted: true });
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        fields.push({ value: text.slice(i, j), quoted: false });
        i = j;
      }
      if (i < n && text[i] === delimiter) {
        i++;
        if (i >= n) fields.push({ value: '', quoted: false });
        continue;
      }
      break;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\r' || text[i] === '\n') i++;
    records.push({ fields, raw: text.slice(start, i) });
  }
  return records;
}

export function readCsv(bytes: Uint8Array, fileName: string, decoded: DecodedText): CsvDocument {
  const delimiter = sniffDelimiter(decoded.text, fileName);
  const m = /\r\n|\n|\r/.exec(decoded.text);
  return { records: parseCsv(decoded.text, delimiter), delimiter, eol: m ? m[0] : '\r\n', encoding: decoded.encoding, bom: decoded.bom };
}

/** A field as a grid value: a canonical number becomes a number ("1", "2.5"), everything else stays text ("001", "1e3"). */
export function csvValue(s: string): Scalar {
  if (s === '') return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(s) && String(Number(s)) === s) return Number(s);
  return s;
}

/** Is this text plausibly a table? A prose text file is not. */
export function looksLikeCsv(text: string, fileName: string): boolean {
  if (/\.(csv|tsv)$/i.test(fileName)) return true;
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim().length > 0).slice(0, 50);
  if (lines.length < 2) return false;
  const d = sniffDelimiter(text, fileName);
  const records = parseCsv(lines.join('\n'), d);
  const widths = records.map((r) => r.fields.length);
  const multi = widths.filter((w) => w > 1).length;
  if (multi < Math.ceil(records.length * 0.8)) return false;
  const freq = new Map<number, number>();
  for (const w of widths) freq.set(w, (freq.get(w) ?? 0) + 1);
  return Math.max(...freq.values()) >= Math.ceil(records.length * 0.6);
}

function quoteField(v: string, delimiter: string, wasQuoted: boolean): string {
  if (wasQuoted || v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') || /^\s|\s$/.test(v)) {
    return `"${v.replace(/"/g, '""')}"`;
  }
  return v;
}

const enc = new TextEncoder();

/**
 * Write the document back with `edits` (row/col 1-based). Records without edits are copied as
 * they were. GB18030 input is written as UTF-8 with a BOM (browsers have no GB18030 encoder;
 * Excel and WPS open UTF-8 with BOM correctly).
 */
export function writeCsv(doc: CsvDocument, edits: ReadonlyMap<number, ReadonlyMap<number, Scalar>>): Uint8Array {
  const out: string[] = [];
  const maxRow = Math.max(doc.records.length, ...[...edits.keys()].filter((r) => (edits.get(r)?.size ?? 0) > 0));
  for (let r = 1; r <= maxRow; r++) {
    const rec = doc.records[r - 1];
    const e = edits.get(r);
    if (rec && (!e || e.size === 0)) {
      out.push(rec.raw);
      continue;
    }
    const fields = rec ? rec.fields.map((f) => ({ ...f })) : [];
    for (const [c, v] of e ?? []) {
      while (fields.length < c) fields.push({ value: '', quoted: false });
      fields[c - 1] = { value: scalarText(v), quoted: fields[c - 1].quoted };
    }
    const terminator = rec ? (/(\r\n|\n|\r)$/.exec(rec.raw)?.[0] ?? '') : doc.eol;
    if (!rec && out.length > 0 && !/(\r\n|\n|\r)$/.test(out[out.length - 1])) out[out.length - 1] += doc.eol;
    out.push(fields.map((f) => quoteField(f.value, doc.delimiter, f.quoted)).join(doc.delimiter) + terminator);
  }
  const text = out.join('');
  const bom = doc.bom || doc.encoding === 'gb18030';
  if (doc.encoding === 'utf-16le' || doc.encoding === 'utf-16be') {
    const b = new Uint8Array(2 + text.length * 2);
    const le = doc.encoding === 'utf-16le';
    b[0] = le ? 0xff : 0xfe;
    b[1] = le ? 0xfe : 0xff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      b[2 + 2 * i] = le ? c & 0xff : c >> 8;
      b[3 + 2 * i] = le ? c >> 8 : c & 0xff;
    }
    return b;
  }
  const body = enc.encode(text);
  if (!bom) return body;
  const b = new Uint8Array(body.length + 3);
  b.set([0xef, 0xbb, 0xbf]);
  b.set(body, 3);
  return b;
}
