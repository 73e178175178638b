/**
 * What a cell's text looks like, independent of the column it stands in. Used to detect rows
 * shifted left or right (seed 001) and to judge where a misplaced value belongs.
 */
import { channelNameAt, vocabulary } from '../channels.ts';
import type { FieldId } from '../types.ts';
import { F_BOOK, F_BOX, F_DI, F_REF_BRACKET, F_SPACE, F_SYMBOL, isSpaceCode, textFeatures } from './features.ts';

export type CellKind = 'empty' | 'number' | 'mark' | 'channel' | 'deadline' | 'citation' | 'subject' | 'name' | 'text';

export const MARK_RE = /^[✓√✔☑■●是Yy]$/;
const DEADLINE_RE =
  /(工作日|个?日内|日前|实时|及时|长期|同上|常年|季度|每年|每月|每半年|定期|随时|动态更新|即时|出刊|日起\d)/;
const DEADLINE_START = /^(自|信息形成|制定|制作|实时|及时|每年|每季度|每月|季度|长期|同上|常年|定期|随时|\d+个?工作日|按|在|于|检查|本级|批复|批准)/;
/**
 * Words an office's name ends in: 局 办公室 办 政府 委员会 委 中心 部门 单位 院 所 站 队 厅 处 科 室 会 署 街道
 * 乡镇 人民政府 相关单位. Tested by the last character (one-character words, and the longer words
 * that end in one) or the two-character endings, not by a regex that would try every position.
 */
const SUBJECT_LAST = new Set([...'局办委院所站队厅处科室会署'].map((ch) => ch.charCodeAt(0)));
const SUBJECT_END2 = ['政府', '中心', '部门', '单位', '街道', '乡镇'];
/** The last characters of SUBJECT_END2 (by code: reading characters as strings made a string each). */
const SUBJECT_END2_LAST = new Set(SUBJECT_END2.map((w) => w.charCodeAt(1)));
function endsLikeSubject(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  if (SUBJECT_LAST.has(last)) return true;
  if (!SUBJECT_END2_LAST.has(last)) return false;
  for (let i = 0; i < SUBJECT_END2.length; i++) if (s.endsWith(SUBJECT_END2[i])) return true;
  return false;
}

// The patterns of classifyText, compiled once: a regex literal in a function body is a new
// RegExp object each time it is evaluated (~60 bytes for every cell of the catalogue).
const SPACES = /[\s\u3000]+/g;
const NUMBER_RE = /^\d{1,5}$/;
/** ■□☑☐口 by code: the first character of a box-led cell */
const BOX_FIRST = new Set([0x25a0, 0x25a1, 0x2611, 0x2610, 0x53e3]);
const CITATION_START = /^(\d+[.．、]\s*)?[《〈]/;
const CITATION_REF = /〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|第[一二三四五六七八九十百零〇\d]+条/;
const CITATION_TITLE = /^(\d+[.．、]\s*)?.{0,30}《.+》/;
const SENTENCE = /[，。]/;
const CLAUSE = /[，。；：]/;

/** Whether a character other than whitespace follows the first one. */
function solidAfterFirst(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** The channel vocabulary of channels.ts (national list, variants, aliases, known local channels). */
const CHANNELS = vocabulary();
/** What may follow a channel name in a channel cell: a separator, a box or tick, a bracketed note. */
const AFTER_NAME = /[\s\u3000、，,；;/／■□☑☐√✓✔（(:：]/;

/** A cell that starts with a known channel name (「政府网站」, 「微信、微博」, 「政务新媒体√」), not a longer word. */
function startsWithChannel(s: string): boolean {
  const m = channelNameAt(s, 0, CHANNELS);
  return m !== undefined && (m.end === s.length || AFTER_NAME.test(s[m.end]));
}

export function classify(raw: string | number | boolean | null): CellKind {
  if (raw === null || raw === '') return 'empty';
  if (typeof raw === 'number') return Number.isInteger(raw) ? 'number' : 'text';
  if (typeof raw === 'boolean') return 'mark';
  return classifyText(raw, textFeatures(raw));
}

/**
 * classify for a text whose textFeatures `f` are known (the model finds them once per cell):
 * the patterns that scan the whole text run only when the characters they need are there.
 */
export function classifyText(raw: string, f: number): CellKind {
  if (raw === '') return 'empty';
  // a cell that starts with a box and holds more than the box is a channel cell however it is
  // spaced (the tests before the box test below need one character or only digits): no copy
  if (f & F_SPACE && BOX_FIRST.has(raw.charCodeAt(0)) && solidAfterFirst(raw)) return 'channel';
  // most cells hold no whitespace: no copy to collapse and trim
  const s = f & F_SPACE ? raw.replace(SPACES, ' ').trim() : raw;
  if (!s) return 'empty';
  // (each anchored pattern only where its length or first character allows a match: a pattern
  // test costs a call even when it fails at once, and long texts reach the end of this list)
  if (s.length <= 5 && NUMBER_RE.test(s)) return 'number';
  if (s.length === 1 && MARK_RE.test(s)) return 'mark';
  const first = s.charCodeAt(0);
  if (BOX_FIRST.has(first) || (s.length < 80 && f & F_BOX)) return 'channel';
  if (s.length <= 12 && startsWithChannel(s)) return 'channel';
  if (s.length <= 50 && DEADLINE_RE.test(s) && (DEADLINE_START.test(s) || s.length <= 20) && !s.includes('《')) return 'deadline';
  if (f & F_BOOK && (first === 0x300a || first === 0x3008 || (first >= 0x30 && first <= 0x39)) && CITATION_START.test(s)) return 'citation';
  if (f & (F_REF_BRACKET | F_DI) && CITATION_REF.test(s) && (s.length < 200 || s.includes('《'))) return 'citation';
  if (f & F_BOOK && CITATION_TITLE.test(s) && !SENTENCE.test(s.slice(0, s.indexOf('《')))) return 'citation';
  // (a text without symbols has no clause punctuation)
  if (s.length <= 40 && endsLikeSubject(s) && !(f & F_SYMBOL && CLAUSE.test(s))) return 'subject';
  if (s.length <= 14 && !(f & F_SYMBOL && CLAUSE.test(s))) return 'name';
  return 'text';
}

type Kind = Exclude<CellKind, 'empty'>;
const LEVEL_FIT: Record<Kind, number> = { name: 2, text: 1, subject: 0, number: -2, mark: -3, channel: -3, deadline: -3, citation: -3 };
const CONTENT_FIT: Record<Kind, number> = { text: 3, name: 1, subject: -1, number: -2, citation: -2, mark: -3, channel: -3, deadline: -3 };
const BASIS_FIT: Record<Kind, number> = { citation: 3, text: -1, name: -1, subject: -2, number: -2, mark: -3, channel: -3, deadline: -3 };
const DEADLINE_FIT: Record<Kind, number> = { deadline: 3, text: -2, name: -2, subject: -3, number: -2, mark: -3, channel: -3, citation: -3 };
const SUBJECT_FIT: Record<Kind, number> = { subject: 3, name: 0, text: -2, number: -2, mark: -3, channel: -3, deadline: -3, citation: -3 };
const CHANNEL_FIT: Record<Kind, number> = { channel: 3, name: -1, text: -2, subject: -2, number: -2, mark: -3, deadline: -3, citation: -3 };

/** How well a kind of cell fits a field: +3 belongs, 0 neutral, negative does not belong. */
export function fit(kind: CellKind, field: FieldId | undefined): number {
  if (kind === 'empty') return 0;
  switch (field) {
    case 'seq':
      return kind === 'number' ? 3 : -3;
    case 'level1':
    case 'level2':
    case 'level3':
    case 'level4':
      return LEVEL_FIT[kind];
    case 'content':
      return CONTENT_FIT[kind];
    case 'basis':
      return BASIS_FIT[kind];
    case 'deadline':
      return DEADLINE_FIT[kind];
    case 'subject':
      return SUBJECT_FIT[kind];
    case 'channel':
      return CHANNEL_FIT[kind];
    case 'audienceAll':
    case 'audienceSpecific':
    case 'modeActive':
    case 'modeOnRequest':
    case 'tier':
      return kind === 'mark' ? 3 : -3;
    case 'mode':
    case 'audience':
      return kind === 'mark' ? 3 : kind === 'name' ? 1 : -3;
    case 'duration':
      return kind === 'deadline' ? 2 : kind === 'name' ? 1 : -1;
    case 'unknown':
      return 0;
    default:
      // a column with no header at all: nothing belongs there
      return -2;
  }
}
