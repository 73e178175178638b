/**
 * A Frictionless Table Schema equivalent, as far as Table Schema can express it, to the
 * catalogue checks: the five required elements, √-or-empty mark columns, channel cells made of
 * ■/□ items from the national list, and 文号 in 公开依据 written 〔yyyy〕N号.
 */
import { MARK, NATIONAL_CHANNELS } from './catalogue-data.ts';
import { STD_COLUMNS } from '../../addin/catalogue/testing.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const CHANNEL_ITEM = `[■□](?:${NATIONAL_CHANNELS.map(esc).join('|')})`;

/** One or more ■/□ items of the national list, optionally separated by spaces. */
export const CHANNEL_PATTERN = `^\\s*${CHANNEL_ITEM}(?:\\s*${CHANNEL_ITEM})*\\s*$`;
/**
 * Every bracketed year in the basis must be a well-formed 文号 〔\d{4}〕[1-9]\d*号: no [2017],
 * 【2017】, (2017), （2017）, nor a number with a leading zero. A basis citing only laws and
 * articles has no 文号 and passes. (tableschema runs `new RegExp(pattern).exec(value)`, i.e. the
 * pattern is not implicitly anchored, hence ^…$.)
 */
export const BASIS_PATTERN = '^(?:(?![\\[［【(（〔]\\d{4}).|〔\\d{4}〕[1-9]\\d*号)*$';

const REQUIRED = new Set(['content', 'basis', 'deadline', 'subject', 'channel']);
const MARKS = new Set(['audienceAll', 'audienceSpecific', 'modeActive', 'modeOnRequest']);

export function catalogueTableSchema(): { fields: { name: string; type: string; constraints?: Record<string, unknown> }[]; missingValues: string[] } {
  return {
    fields: STD_COLUMNS.map((name) => {
      const constraints: Record<string, unknown> = {};
      if (REQUIRED.has(name)) constraints.required = true;
      if (name === 'basis') constraints.pattern = BASIS_PATTERN;
      if (name === 'channel') constraints.pattern = CHANNEL_PATTERN;
      if (MARKS.has(name)) constraints.enum = [MARK];
      return { name, type: name === 'seq' ? 'integer' : 'string', ...(Object.keys(constraints).length ? { constraints } : {}) };
    }),
    missingValues: [''],
  };
}
