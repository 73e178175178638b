/* eslint-disable no-restricted-imports, no-restricted-globals --
   Build-time script, run by Node through `npm run build:font`; it is never imported by the
   pure core. It reads the source font from node_modules and writes the committed subset. */
/**
 * Builds forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf from the full Noto Serif SC Regular
 * TrueType font shipped by the npm package @expo-google-fonts/noto-serif-sc (Google Fonts
 * build, SIL OFL 1.1), keeping the characters of ./charset.ts. The subsetter is HarfBuzz
 * (npm `subset-font`, WebAssembly), which writes a standalone TrueType font with cmap,
 * OS/2, name and post tables (fontkit's own subsetter writes only what a PDF needs, no cmap,
 * so it cannot make a font that is later read again by code point).
 *
 * Usage: npm run build:font  [-- --check]   (--check: build in memory and compare)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { REQUIRED_PUNCTUATION, subsetCharacters } from './charset.ts';

const SOURCE_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const SOURCE_FILE = '400Regular/NotoSerifSC_400Regular.ttf';
const here = dirname(fileURLToPath(import.meta.url));
const fontsDir = join(here, '..', 'fonts');
export const OUTPUT_NAME = 'NotoSerifSC-Regular-GB2312.ttf';

/** Layout features kept: what horizontal Chinese/Latin text needs (no vertical forms, no width alternates). */
const KEEP_FEATURES = ['ccmp', 'locl', 'rlig', 'liga', 'clig', 'calt', 'kern', 'mark', 'mkmk'];

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const pkgJsonPath = require.resolve(`${SOURCE_PACKAGE}/package.json`);
  const pkg = JSON.parse(await readFile(pkgJsonPath, 'utf8')) as { version: string };
  const sourcePath = join(dirname(pkgJsonPath), SOURCE_FILE);
  const source = await readFile(sourcePath);

  const full = fontkit.create(source) as fontkit.Font;
  const chars = subsetCharacters();
  const missing = chars.filter((ch) => !full.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
  const missingRequired = [...REQUIRED_PUNCTUATION].filter((ch) => missing.includes(ch));
  if (missingRequired.length > 0) {
    throw new Error(`source font lacks required punctuation: ${missingRequired.join(' ')}`);
  }

  const subset = await subsetFont(source, chars.join(''), {
    targetFormat: 'truetype',
    keepFeatures: KEEP_FEATURES,
  });
  const out = new Uint8Array(subset);

  // Verify what was written: every kept character maps to a real glyph.
  const check = fontkit.create(Buffer.from(out)) as fontkit.Font;
  const lost = chars.filter((ch) => !missing.includes(ch) && !check.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
  if (lost.length > 0) throw new Error(`subset lost ${lost.length} characters: ${lost.slice(0, 20).join('')}`);

  const sha256 = createHash('sha256').update(out).digest('hex');
  const manifest = {
    file: OUTPUT_NAME,
    source: { package: SOURCE_PACKAGE, version: pkg.version, file: SOURCE_FILE, fontVersion: full.version, bytes: source.length },
    subsetter: { package: 'subset-font', version: (JSON.parse(await readFile(require.resolve('subset-font/package.json'), 'utf8')) as { version: string }).version, keepFeatures: KEEP_FEATURES },
    characters: chars.length,
    charactersNotInSource: missing.join(''),
    glyphs: check.numGlyphs,
    bytes: out.length,
    sha256,
  };

  if (process.argv.includes('--check')) {
    const committed = await readFile(join(fontsDir, OUTPUT_NAME));
    const same = createHash('sha256').update(committed).digest('hex') === sha256;
    console.log(JSON.stringify({ ...manifest, matchesCommitted: same }, null, 2));
    if (!same) process.exitCode = 1;
    return;
  }
  await writeFile(join(fontsDir, OUTPUT_NAME), out);
  await writeFile(join(fontsDir, 'NotoSerifSC-Regular-GB2312.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(JSON.stringify(manifest, null, 2));
}

await main();
