/**
 * Data validation in a worksheet part, patched as text: new <dataValidation> elements go into
 * the sheet's <dataValidations> (created at its schema position when missing); the cells they
 * cover are taken out of the existing validations' sqref (an entry left with no cell is dropped),
 * so every other validation of the sheet is kept and no two overlap, as Excel requires.
 */
import type { ValidationRule } from '../../workbook-port.ts';
import { formatSqref, parseSqref, subtractAll } from '../../ranges.ts';
import { attr, elementPrefix, escapeCellText } from './sheet-xml.ts';

const esc = (s: string): string => escapeCellText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** CT_Worksheet children that come after <dataValidations>. */
const AFTER = [
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

export function dataValidationXml(r: ValidationRule, p = ''): string {
  const a: string[] = [];
  if (r.list) a.push('type="list"');
  if (r.list && r.errorStyle && r.errorStyle !== 'stop') a.push(`errorStyle="${r.errorStyle}"`);
  a.push('allowBlank="1"');
  if (r.prompt) a.push('showInputMessage="1"');
  if (r.list) a.push('showErrorMessage="1"');
  if (r.error) a.push(`errorTitle="${esc(r.error.title)}"`, `error="${esc(r.error.message)}"`);
  if (r.prompt) a.push(`promptTitle="${esc(r.prompt.title)}"`, `prompt="${esc(r.prompt.message)}"`);
  a.push(`sqref="${formatSqref([r.range])}"`);
  if (!r.list) return `<${p}dataValidation ${a.join(' ')}/>`;
  // A literal list: one string in quotes, items comma-separated (checked to hold no comma or quote).
  return `<${p}dataValidation ${a.join(' ')}><${p}formula1>"${escapeCellText(r.list.join(','))}"</${p}formula1></${p}dataValidation>`;
}

/** The worksheet XML with `rules` added (their cells taken out of the validations already there). */
export function patchDataValidations(xml: string, rules: readonly ValidationRule[]): string {
  if (rules.length === 0) return xml;
  const p = elementPrefix(xml, 'worksheet');
  const ep = p.replace(/[.-]/g, '\\$&');
  const cut = rules.map((r) => r.range);
  const block = new RegExp(`<${ep}dataValidations\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ep}dataValidations>)`).exec(xml);
  const kept: string[] = [];
  if (block?.[2]) {
    for (const m of block[2].matchAll(new RegExp(`<${ep}dataValidation\\b([^>]*?)(?:/>|>[\\s\\S]*?</${ep}dataValidation>)`, 'g'))) {
      const sqref = attr(m[1], 'sqref') ?? '';
      const before = parseSqref(sqref);
      const left = subtractAll(before, cut);
      if (left.length === 0) continue;
      if (left.length === before.length && left.every((r, i) => JSON.stringify(r) === JSON.stringify(before[i]))) kept.push(m[0]);
      else kept.push(m[0].replace(/\ssqref\s*=\s*(?:"[^"]*"|'[^']*')/, ` sqref="${formatSqref(left)}"`));
    }
  }
  const all = [...kept, ...rules.map((r) => dataValidationXml(r, p))];
  const keepAttrs = (block?.[1] ?? '').replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, '');
  const el = `<${p}dataValidations count="${all.length}"${keepAttrs}>${all.join('')}</${p}dataValidations>`;
  if (block) return xml.slice(0, block.index) + el + xml.slice(block.index + block[0].length);
  let at = -1;
  for (const local of AFTER) {
    const m = new RegExp(`<${ep}${local}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}worksheet>`);
  if (at < 0) throw new Error('malformed worksheet XML: no </worksheet>');
  return xml.slice(0, at) + el + xml.slice(at);
}
