/**
 * A zip container read and rewritten at the record level.
 *
 * Why not fflate's unzipSync/zipSync: those recompress every entry, so an untouched part of the
 * user's file would come back with different bytes (and a different timestamp). Here an entry that
 * is not changed is copied as its raw local record (header + compressed data + descriptor), byte
 * for byte, in the original order; only changed entries are deflated anew (fflate) and the central
 * directory is rebuilt with the new offsets. Pure TypeScript over Uint8Array: runs in a browser.
 */
import { deflateSync, inflateSync } from 'fflate';

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  /** 'no-eocd': no end-of-central-directory record (truncated); 'bounds': a record points past the end. */
  readonly kind: 'no-eocd' | 'bounds' | 'unsupported' | 'corrupt';
  constructor(kind: 'no-eocd' | 'bounds' | 'unsupported' | 'corrupt', message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the compressed data. */
  dataOffset: number;
  /** The central directory record as read (46 bytes + name + extra + comment). */
  cdRecord: Uint8Array;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries in central-directory order. */
  entries: ZipEntry[];
  /** Where the central directory starts (= end of the last local record). */
  cdOffset: number;
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CD = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_Z64_LOC = 0x07064b50;
const SIG_Z64_EOCD = 0x06064b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}
function w16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}
function w32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** True when the bytes start like a zip file (local header or an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      if (i + 22 + u16(b, i + 20) <= b.length) return i;
    }
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8');

export function readZip(bytes: Uint8Array): ZipArchive {
  const b = bytes;
  const eocd = findEocd(b);
  if (eocd < 0) throw new ZipFormatError('no-eocd', 'zip end-of-central-directory record not found (file truncated?)');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  const comment = b.slice(eocd + 22, eocd + 22 + u16(b, eocd + 20));
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_Z64_LOC) {
      const z = u64(b, loc + 8);
      if (z + 56 > b.length || u32(b, z) !== SIG_Z64_EOCD) throw new ZipFormatError('bounds', 'zip64 end record out of bounds');
      count = u64(b, z + 32);
      cdSize = u64(b, z + 40);
      cdOffset = u64(b, z + 48);
    }
  }
  if (cdOffset + cdSize > b.length) throw new ZipFormatError('bounds', 'zip central directory points past the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CD) throw new ZipFormatError('bounds', `bad central directory record #${i}`);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let csize = u32(b, p + 20);
    let usize = u32(b, p + 24);
    const nlen = u16(b, p + 28);
    const xlen = u16(b, p + 30);
    const clen = u16(b, p + 32);
    let off = u32(b, p + 42);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nlen));
    if (usize === 0xffffffff || csize === 0xffffffff || off === 0xffffffff) {
      for (let x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen; ) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 1) {
          let q = x + 4;
          if (usize === 0xffffffff) {
            usize = u64(b, q);
            q += 8;
          }
          if (csize === 0xffffffff) {
            csize = u64(b, q);
            q += 8;
          }
          if (off === 0xffffffff) off = u64(b, q);
          break;
        }
        x += 4 + len;
      }
    }
    const recLen = 46 + nlen + xlen + clen;
    const cdRecord = b.slice(p, p + recLen);
    if (off + 30 > b.length || u32(b, off) !== SIG_LOCAL) throw new ZipFormatError('bounds', `local header of ${name} out of bounds`);
    const dataOffset = off + 30 + u16(b, off + 26) + u16(b, off + 28);
    if (dataOffset + csize > b.length) throw new ZipFormatError('bounds', `data of ${name} runs past the end of the file`);
    entries.push({ name, method, flags, crc, compressedSize: csize, size: usize, localOffset: off, dataOffset, cdRecord });
    p += recLen;
  }
  return { bytes, entries, cdOffset, comment };
}

/** The uncompressed bytes of one entry; with `verify`, its CRC-32 is checked too. */
export function entryData(zip: ZipArchive, e: ZipEntry, verify = false): Uint8Array {
  const raw = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.flags & 1) throw new ZipFormatError('unsupported', `${e.name} is encrypted`);
  let out: Uint8Array;
  if (e.method === 0) out = raw.slice();
  else if (e.method === 8) {
    try {
      out = inflateSync(raw, e.size > 0 ? { out: new Uint8Array(e.size) } : undefined);
    } catch (err) {
      throw new ZipFormatError('corrupt', `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else throw new ZipFormatError('unsupported', `${e.name}: unsupported compression method ${e.method}`);
  if (verify && (out.length !== e.size || crc32(out) !== e.crc)) throw new ZipFormatError('corrupt', `${e.name}: CRC or size mismatch`);
  return out;
}

let crcTable: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Extra field without the zip64 block (0x0001): we only write archives under 4 GB. */
function dropZip64Extra(extra: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let x = 0; x + 4 <= extra.length; ) {
    const id = u16(extra, x);
    const len = u16(extra, x + 2);
    if (id !== 1) parts.push(extra.subarray(x, Math.min(extra.length, x + 4 + len)));
    x += 4 + len;
  }
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const utf8enc = new TextEncoder();

/**
 * Rebuild the archive. `changes` maps an entry name to its new uncompressed bytes, or to null to
 * drop the entry. `additions` are new entries, appended after the existing ones. Every entry not
 * named in `changes` is copied as its raw local record.
 */
export function writeZip(
  zip: ZipArchive,
  changes: ReadonlyMap<string, Uint8Array | null>,
  additions: readonly { name: string; data: Uint8Array }[] = [],
): Uint8Array {
  const b = zip.bytes;
  // Each local record runs to the next local record (or the central directory).
  const starts = zip.entries.map((e) => e.localOffset).sort((x, y) => x - y);
  const recordEnd = (off: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : zip.cdOffset;
  };
  const locals: Uint8Array[] = [];
  const cds: Uint8Array[] = [];
  let offset = 0;
  const fresh = (nameBytes: Uint8Array, data: Uint8Array, flags: number, time: number, date: number, template?: Uint8Array): void => {
    const comp = deflateSync(data, { level: 6 });
    const crc = crc32(data);
    const lh = new Uint8Array(30 + nameBytes.length);
    w32(lh, 0, SIG_LOCAL);
    w16(lh, 4, 20);
    w16(lh, 6, flags);
    w16(lh, 8, 8);
    w16(lh, 10, time);
    w16(lh, 12, date);
    w32(lh, 14, crc);
    w32(lh, 18, comp.length);
    w32(lh, 22, data.length);
    w16(lh, 26, nameBytes.length);
    w16(lh, 28, 0);
    lh.set(nameBytes, 30);
    let extra: Uint8Array = new Uint8Array(0);
    let fileComment: Uint8Array = new Uint8Array(0);
    const cd = new Uint8Array(46);
    if (template) {
      cd.set(template.subarray(0, 46));
      const nlen = u16(template, 28);
      const xlen = u16(template, 30);
      const clen = u16(template, 32);
      extra = dropZip64Extra(template.subarray(46 + nlen, 46 + nlen + xlen));
      fileComment = template.slice(46 + nlen + xlen, 46 + nlen + xlen + clen);
    } else {
      w16(cd, 4, 20);
    }
    w32(cd, 0, SIG_CD);
    w16(cd, 6, 20);
    w16(cd, 8, flags);
    w16(cd, 10, 8);
    w16(cd, 12, time);
    w16(cd, 14, date);
    w32(cd, 16, crc);
    w32(cd, 20, comp.length);
    w32(cd, 24, data.length);
    w16(cd, 28, nameBytes.length);
    w16(cd, 30, extra.length);
    w16(cd, 32, fileComment.length);
    w16(cd, 34, 0);
    w32(cd, 42, offset);
    locals.push(lh, comp);
    cds.push(concat([cd, nameBytes, extra, fileComment]));
    offset += lh.length + comp.length;
  };
  for (const e of zip.entries) {
    const change = changes.get(e.name);
    if (change === null) continue;
    const rec = e.cdRecord;
    const nlen = u16(rec, 28);
    const nameBytes = rec.slice(46, 46 + nlen);
    if (change !== undefined) {
      fresh(nameBytes, change, e.flags & ~0x0009, u16(rec, 12), u16(rec, 14), rec);
      continue;
    }
    const end = recordEnd(e.localOffset);
    const local = b.subarray(e.localOffset, end);
    let cd: Uint8Array;
    const xlen = u16(rec, 30);
    const hasZip64 = u32(rec, 42) === 0xffffffff || u32(rec, 20) === 0xffffffff || u32(rec, 24) === 0xffffffff;
    if (hasZip64) {
      const clen = u16(rec, 32);
      const extra = dropZip64Extra(rec.subarray(46 + nlen, 46 + nlen + xlen));
      const head = rec.slice(0, 46);
      w32(head, 20, e.compressedSize);
      w32(head, 24, e.size);
      w16(head, 30, extra.length);
      cd = concat([head, nameBytes, extra, rec.subarray(46 + nlen + xlen, 46 + nlen + xlen + clen)]);
    } else {
      cd = rec.slice();
    }
    w32(cd, 42, offset);
    locals.push(local);
    cds.push(cd);
    offset += local.length;
  }
  const now = new Date();
  const dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  for (const a of additions) fresh(utf8enc.encode(a.name), a.data, 0x0800, dosTime, dosDate);
  const cdStart = offset;
  const cdBytes = concat(cds);
  const eocd = new Uint8Array(22 + zip.comment.length);
  w32(eocd, 0, SIG_EOCD);
  w16(eocd, 8, cds.length);
  w16(eocd, 10, cds.length);
  w32(eocd, 12, cdBytes.length);
  w32(eocd, 16, cdStart);
  w16(eocd, 20, zip.comment.length);
  eocd.set(zip.comment, 22);
  return concat([...locals, cdBytes, eocd]);
}
