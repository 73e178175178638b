/**
 * Draws the ribbon/manifest icons (16, 32, 64, 80 px PNG) into this folder:
 * a red rounded square with a white page and three text lines, so the icons stay small and
 * reproducible without an image editor. Run: `npx tsx addin/assets/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

const RED: RGBA = [0xc8, 0x10, 0x2e, 0xff];
const WHITE: RGBA = [0xff, 0xff, 0xff, 0xff];
const LINE: RGBA = [0xc8, 0x10, 0x2e, 0xff];
const CLEAR: RGBA = [0, 0, 0, 0];

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function icon(size: number): Buffer {
  const r = Math.max(2, Math.round(size / 6)); // corner radius
  const inside = (x: number, y: number): boolean => {
    const cx = Math.min(Math.max(x, r), size - 1 - r);
    const cy = Math.min(Math.max(y, r), size - 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // The page: a white rectangle in the middle, with three red text lines.
  const px1 = Math.round(size * 0.25);
  const px2 = Math.round(size * 0.75) - 1;
  const py1 = Math.round(size * 0.16);
  const py2 = Math.round(size * 0.84) - 1;
  const lineH = Math.max(1, Math.round(size / 16));
  const lines = [0.34, 0.5, 0.66].map((f) => Math.round(size * f));
  return png(size, (x, y) => {
    if (!inside(x, y)) return CLEAR;
    if (x >= px1 && x <= px2 && y >= py1 && y <= py2) {
      const onLine = lines.some((ly) => y >= ly && y < ly + lineH) && x >= px1 + lineH * 2 && x <= px2 - lineH * 2;
      return onLine ? LINE : WHITE;
    }
    return RED;
  });
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const s of ICON_SIZES) {
    const file = join(dir, `icon-${s}.png`);
    writeFileSync(file, icon(s));
    console.log(`${file}`);
  }
}
