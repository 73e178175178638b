/**
 * Data validation in a worksheet part, patched as text: new <dataValidation> elements go into
 * the sheet's <dataValidations> (created at its schema position when missing); the cells they
 * cover are taken out of the existing validations' sqref (an entry left with no cell is dropped),
 * so every other validation of the sheet is kept and no two overlap, as Excel requires. Among
 * the new rules the later wins the same way (placeValidations): a range given a drop-down twice
 * in one session ends up with one.
 */
import type { CellRange } from '../../../catalogue/grid.ts';
import type { ValidationRule } from '../../workbook-port.ts';
import { formatSqref, parseSqref, subtractAll } from '../../ranges.ts';
import { worksheetInsertAt } from './children.ts';
import { attr, elementPrefix, escapeCellText } from './sheet-xml.ts';

const esc = (s: string): string => escapeCellText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** A rule and the cells it still covers (what later rules left of its range). */
export interface PlacedValidation {
  rule: ValidationRule;
  ranges: CellRange[];
}

/**
 * `prior` with `rules` added after them: each rule's range is taken out of every earlier entry
 * (an entry left with no cell is dropped), so no two entries share a cell.
 */
export function placeValidations(prior: readonly PlacedValidation[], rules: readonly ValidationRule[]): PlacedValidation[] {
  const all: PlacedValidation[] = [...prior.map((p) => ({ rule: p.rule, ranges: p.ranges.map((r) => ({ ...r })) })), ...rules.map((r) => ({ rule: r, ranges: [{ ...r.range }] }))];
  const out: PlacedValidation[] = [];
  const later: CellRange[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const left = subtractAll(all[i].ranges, later);
    later.push(...all[i].ranges);
    if (left.length > 0) out.push({ rule: all[i].rule, ranges: left });
  }
  return out.reverse();
}

export function dataValidationXml(r: ValidationRule, p = '', ranges: readonly CellRange[] = [r.range]): string {
  const a: string[] = [];
  if (r.list) a.push('type="list"');
  if (r.list && r.errorStyle && r.errorStyle !== 'stop') a.push(`errorStyle="${r.errorStyle}"`);
  a.push('allowBlank="1"');
  if (r.prompt) a.push('showInputMessage="1"');
  if (r.list) a.push('showErrorMessage="1"');
  if (r.error) a.push(`errorTitle="${esc(r.error.title)}"`, `error="${esc(r.error.message)}"`);
  if (r.prompt) a.push(`promptTitle="${esc(r.prompt.title)}"`, `prompt="${esc(r.prompt.message)}"`);
  a.push(`sqref="${formatSqref(ranges)}"`);
  if (!r.list) return `<${p}dataValidation ${a.join(' ')}/>`;
  // A literal list: one string in quotes, items comma-separated (checked to hold no comma or quote).
  return `<${p}dataValidation ${a.join(' ')}><${p}formula1>"${escapeCellText(r.list.join(','))}"</${p}formula1></${p}dataValidation>`;
}

/**
 * The worksheet XML with `rules` added (in order, later ones winning where they overlap) and
 * their cells taken out of the validations already there. An existing validation whose sqref
 * holds a token this cannot read is kept as it is.
 */
export function patchDataValidations(xml: string, rules: readonly ValidationRule[] | readonly PlacedValidation[]): string {
  if (rules.length === 0) return xml;
  const placed = placeValidations(
    rules.filter((r): r is PlacedValidation => 'rule' in r),
    rules.filter((r): r is ValidationRule => !('rule' in r)),
  );
  const p = elementPrefix(xml, 'worksheet');
  const ep = p.replace(/[.-]/g, '\\$&');
  const cut = placed.flatMap((v) => v.ranges);
  const block = new RegExp(`<${ep}dataValidations\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ep}dataValidations>)`).exec(xml);
  const kept: string[] = [];
  if (block?.[2]) {
    for (const m of block[2].matchAll(new RegExp(`<${ep}dataValidation\\b([^>]*?)(?:/>|>[\\s\\S]*?</${ep}dataValidation>)`, 'g'))) {
      const before = parseSqref(attr(m[1], 'sqref') ?? '');
      if (!before) {
        kept.push(m[0]); // a sqref we cannot read: left alone rather than dropped
        continue;
      }
      const left = subtractAll(before, cut);
      if (left.length === 0) continue;
      if (left.length === before.length && left.every((r, i) => JSON.stringify(r) === JSON.stringify(before[i]))) kept.push(m[0]);
      else kept.push(m[0].replace(/\ssqref\s*=\s*(?:"[^"]*"|'[^']*')/, ` sqref="${formatSqref(left)}"`));
    }
  }
  const all = [...kept, ...placed.map((v) => dataValidationXml(v.rule, p, v.ranges))];
  const keepAttrs = (block?.[1] ?? '').replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, '');
  const el = `<${p}dataValidations count="${all.length}"${keepAttrs}>${all.join('')}</${p}dataValidations>`;
  if (block) return xml.slice(0, block.index) + el + xml.slice(block.index + block[0].length);
  const at = worksheetInsertAt(xml, 'dataValidations');
  if (at < 0) throw new Error('malformed worksheet XML: no </worksheet>');
  return xml.slice(0, at) + el + xml.slice(at);
}
