/** Turning laid-out lines (forms-lib/layout) into text operations of the display list. */
import type { Line } from '../layout/index.ts';
import type { LoadedFonts } from './fonts.ts';
import type { Rgb, TextOp } from './render.ts';

/**
 * Baseline of a line whose line box starts `lineTop` below some top edge (y grows downwards):
 * the em box of `size` is centred in the line box of height `lineHeight`.
 */
export function baselineBelowTop(lineTop: number, lineHeight: number, size: number, emAscent: number): number {
  return lineTop + (lineHeight - size) / 2 + emAscent * size;
}

/**
 * Text operations for one line. `originX` is the left edge of the box (PDF pt), `baseline` the
 * PDF y of the baseline, `shift` an extra horizontal offset (alignment). Each unit starts at
 * the x the line breaker gave it; inside a unit, runs of different faces follow each other.
 */
export function lineToOps(line: Line, originX: number, baseline: number, size: number, fonts: LoadedFonts, color: Rgb, shift = 0): TextOp[] {
  const ops: TextOp[] = [];
  for (const item of line.items) {
    if (item.kind === 'space') continue;
    let x = originX + shift + item.x;
    const t = item.text;
    if (t.length === 1 && t !== '\n' && t !== '\r') {
      // one character (most units): one face, no run splitting
      ops.push({ kind: 'text', face: Math.max(0, fonts.faceFor(t)), text: t, x, y: baseline, size, color });
      continue;
    }
    for (const run of fonts.runs(t)) {
      ops.push({ kind: 'text', face: run.face, text: run.text, x, y: baseline, size, color });
      x += fonts.width(run.text, size);
    }
  }
  return ops;
}

/** Right edge of a line's content relative to the box's left edge. */
export function lineExtent(line: Line): number {
  const last = line.items[line.items.length - 1];
  return last ? last.x + last.width : line.indent;
}
