/**
 * Host side of office settings and fonts for the CLI: read the settings JSON (file paths in it,
 * relative to the JSON, become bytes), and load the bundled font plus fallbacks once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { LoadedFonts } from '../../forms-lib/pdf/index.ts';
import { type OfficeSettings, loadFormFonts, parseSettings } from '../../forms-lib/templates/index.ts';
import { CliError, fsReason } from './common.ts';

export const BUNDLED_FONT = new URL('../../forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf', import.meta.url);
/** The bundled sample office (for the demo and first tries). */
export const SAMPLE_SETTINGS = new URL('../../test/fixtures/samples/office-settings.json', import.meta.url);

function readFileFor(file: string, jsonPath: string, base: string): Uint8Array {
  const abs = path.resolve(base, file);
  try {
    return fs.readFileSync(abs);
  } catch (e) {
    const why = fsReason(e, abs);
    throw new CliError(`机关设置 ${jsonPath}：无法读取文件「${abs}」：${why.zh}`, `office settings ${jsonPath}: cannot read "${abs}": ${why.en}`, 2, 'cannot-read');
  }
}

/** Settings JSON → validated OfficeSettings. `letterhead`, `fillable.<form>` and `fonts[i]` are file paths. */
export function loadSettingsFile(file: string): OfficeSettings {
  let raw: unknown;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const why = fsReason(e, file);
    throw new CliError(`无法读取机关设置文件「${file}」：${why.zh}`, `cannot read the office settings file ${file}: ${why.en}`, 2, 'cannot-read');
  }
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`机关设置文件「${file}」不是有效的 JSON：${(e as Error).message}`, `office settings ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CliError(`机关设置文件「${file}」应为 JSON 对象`, `office settings ${file} must be a JSON object`);
  const base = path.dirname(path.resolve(file));
  const s = { ...(raw as Record<string, unknown>) };
  if (typeof s.letterhead === 'string') s.letterhead = readFileFor(s.letterhead, '$.letterhead', base);
  if (s.fillable && typeof s.fillable === 'object') {
    s.fillable = Object.fromEntries(
      Object.entries(s.fillable as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? readFileFor(v, `$.fillable.${k}`, base) : v]),
    );
  }
  if (Array.isArray(s.fonts)) s.fonts = s.fonts.map((v, i) => (typeof v === 'string' ? readFileFor(v, `$.fonts[${i}]`, base) : v));
  return parseSettings(s);
}

/** The full Noto Serif SC, when installed, as the fallback for characters outside GB2312 (生僻字). */
function fullNotoFont(): Uint8Array | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
    return fs.readFileSync(path.join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf'));
  } catch {
    return undefined;
  }
}

let cached: { settings: OfficeSettings; fonts: LoadedFonts } | undefined;

/** Bundled subset font, then the office's own fonts, then the full Noto when present; loaded once per process. */
export function fontsFor(settings: OfficeSettings): LoadedFonts {
  if (cached && cached.settings === settings) return cached.fonts;
  const full = fullNotoFont();
  const fonts = loadFormFonts({ primary: fs.readFileSync(BUNDLED_FONT), fallbacks: full ? [full] : [], settings });
  cached = { settings, fonts };
  return fonts;
}
