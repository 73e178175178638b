/**
 * fontkit 2 behind pdf-lib 1.17.1.
 *
 * pdf-lib's `registerFontkit` expects the API of its fork @pdf-lib/fontkit: `create(bytes)`
 * and, on a font subset, `encodeStream()` returning an emitter of 'data'/'end'. Upstream
 * fontkit 2 has `subset.encode()` returning the bytes. (@pdf-lib/fontkit 1.1.1 is not used:
 * with `subset: true` it silently blanks short CJK strings.)
 *
 * The adapter hands pdf-lib fonts that were parsed once by loadFonts(), found by the identity
 * of their byte arrays, so a document never parses a font again.
 */
import * as fontkit from 'fontkit';
import type { Font as FontkitFont } from 'fontkit';
import { FontLoadError } from './errors.ts';

interface FontkitSubset {
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
  readonly cff?: unknown;
}

type Listener = (arg?: unknown) => void;

/** The emitter pdf-lib's CustomFontSubsetEmbedder reads: on('data') → on('end') / on('error'). */
export interface SubsetStream {
  on(event: 'data' | 'end' | 'error', listener: Listener): SubsetStream;
}

function deferredBytes(produce: () => Uint8Array): SubsetStream {
  const listeners: Record<'data' | 'end' | 'error', Listener[]> = { data: [], end: [], error: [] };
  let scheduled = false;
  const run = (): void => {
    let bytes: Uint8Array;
    try {
      bytes = produce();
    } catch (err) {
      for (const l of listeners.error) l(err);
      return;
    }
    for (const l of listeners.data) l(bytes);
    for (const l of listeners.end) l();
  };
  const stream: SubsetStream = {
    on(event, listener) {
      listeners[event].push(listener);
      if (!scheduled) {
        scheduled = true;
        // Emit after the caller has attached all its listeners (it chains .on calls).
        void Promise.resolve().then(run);
      }
      return stream;
    },
  };
  return stream;
}

const adapted = new WeakSet<object>();

/**
 * Gives a parsed fontkit 2 font the subset API pdf-lib expects. Only `createSubset` is
 * replaced, on this font object; everything else (layout, glyphs, metrics) is fontkit's own.
 */
export function adaptForPdfLib(font: FontkitFont): FontkitFont {
  if (adapted.has(font)) return font;
  const original = font.createSubset.bind(font) as unknown as () => FontkitSubset;
  Object.defineProperty(font, 'createSubset', {
    configurable: true,
    value: () => {
      const subset = original();
      return {
        get cff() {
          return subset.cff;
        },
        includeGlyph: (glyph: number | { id: number }) => subset.includeGlyph(glyph),
        encodeStream: () => deferredBytes(() => subset.encode()),
      };
    },
  });
  adapted.add(font);
  return font;
}

/** Parses font bytes with fontkit 2. Collections (.ttc) need a PostScript name. */
export function parseFont(bytes: Uint8Array, which: string, postscriptName?: string): FontkitFont {
  if (!(bytes instanceof Uint8Array) || bytes.length < 12) {
    throw new FontLoadError(which, 'not a Uint8Array of font data / 不是字体数据');
  }
  let parsed: ReturnType<typeof fontkit.create>;
  try {
    parsed = fontkit.create(bytes as Parameters<typeof fontkit.create>[0], postscriptName);
  } catch (err) {
    throw new FontLoadError(which, err instanceof Error ? err.message : String(err));
  }
  if (!parsed || 'fonts' in parsed) {
    throw new FontLoadError(which, 'a font collection (.ttc): pass postscriptName to pick one font / 字体集合须指定 postscriptName');
  }
  return parsed;
}

/** The object given to pdfDoc.registerFontkit(): returns the already-parsed font for known bytes. */
export function fontkitForPdfLib(known: ReadonlyArray<{ bytes: Uint8Array; font: FontkitFont }>): { create(bytes: Uint8Array): FontkitFont } {
  return {
    create(bytes: Uint8Array): FontkitFont {
      const hit = known.find((k) => k.bytes === bytes);
      return adaptForPdfLib(hit ? hit.font : parseFont(bytes, 'embedded font'));
    },
  };
}
