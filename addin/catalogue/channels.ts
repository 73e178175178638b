/**
 * 公开渠道和载体: the national checklist, the local names seen in real catalogues, and a parser
 * for checkbox cells such as 「■政府网站 □政府公报 ■政务新媒体」 (domain.md §5).
 * Pure: no I/O, no host objects.
 */

import { isSpaceCode } from './model/features.ts';

/** The 13 items of the national checklist (国办 标准指引), in printed order. */
export const NATIONAL_CHANNELS: readonly string[] = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '其他',
];

/**
 * Local wordings of a national item. Accepted as they are, but the rule suggests the national
 * name (unsafe fix: the office may have chosen its wording on purpose).
 */
export const CHANNEL_VARIANTS: Readonly<Record<string, string>> = {
  纸质载体: '纸质媒体',
  报刊: '纸质媒体',
  行政服务中心: '政务服务中心',
  发布会听证会: '发布会/听证会',
  '发布会、听证会': '发布会/听证会',
  '发布会\\听证会': '发布会/听证会',
  入户现场: '入户/现场',
  '入户、现场': '入户/现场',
  '社区/企事业单位、村公示栏（电子屏）': '社区/企事业单位/村公示栏（电子屏）',
  '社区、企事业单位、村公示栏（电子屏）': '社区/企事业单位/村公示栏（电子屏）',
  '社区/企事业单位/村公示栏': '社区/企事业单位/村公示栏（电子屏）',
  公开查阅场所: '公开查阅点',
  政府信息公开查阅点: '公开查阅点',
};

/**
 * Names that stand for 两微一端 (微博、微信、客户端) or are the usual way offices write it.
 * Decision: accepted without a finding. Seed 001 writes 「■政务新媒体」 on most rows; it is the
 * current official term (国办发〔2018〕123号 on 政务新媒体) and not an error.
 */
export const TWO_WEI_ONE_DUAN_ALIASES: readonly string[] = ['政务新媒体', '新媒体', '政务微博', '政务微信', '微博', '微信', '微信公众号', '客户端', '政务客户端', '政务APP', '两微一端一抖', '政务抖音'];

/** Local channels seen in real catalogues that have no national equivalent: accepted as they are. */
export const LOCAL_CHANNELS: readonly string[] = [
  '12345政务服务热线',
  '12345热线',
  '征地信息公开平台',
  '投资项目在线审批监管平台',
  '公共资源交易平台',
  '信用中国网站',
  '信用中国',
  '招投标公共服务平台',
  '公示栏',
  '公告栏',
  '公告示栏',
  '便民服务中心',
  '镇村公示公开栏',
  '单位/村委会公示栏（电子屏）',
  '行政村公示栏',
  '乡镇公示栏',
  '村务公开栏',
  '会议',
  '政务服务网',
  '政府门户网站',
  '部门网站',
  '电子屏',
  '新闻媒体',
  '报纸',
  '广播',
  '电视',
  '短信',
  '电话',
  '宣传册',
  '档案馆',
  '图书馆',
];

export type ChannelKind = 'national' | 'variant' | 'alias' | 'local' | 'extra' | 'unknown';

export interface ChannelName {
  /** the name as it should be written (full-width brackets, no spaces) */
  name: string;
  kind: ChannelKind;
  /** the national item it stands for (variant, alias) */
  standard?: string;
}

// Patterns compiled once: a regex literal in a function body is a new RegExp object each time it
// is evaluated, and the parser below runs at every character of a cell.
const KEY_SPACES = /[\s\u3000\u00a0]+/g;
const OPEN_PAREN = /\(/g;
const CLOSE_PAREN = /\)/g;
const WIDE_SLASH = /／/g;
const NAME_SPACE = /[\s\u3000\u00a0]/;
const NAME_HALF_WIDTH = /[()／]/;

/** What channelKey removes or folds. */
const KEY_FOLD = /[\s\u3000\u00a0()／]/;

/** Compare key: no whitespace, half-width brackets and slashes folded to the catalogue's forms. */
export function channelKey(s: string): string {
  // (most names have nothing to fold: one test instead of four replaces)
  if (!KEY_FOLD.test(s)) return s;
  return s.replace(KEY_SPACES, '').replace(OPEN_PAREN, '（').replace(CLOSE_PAREN, '）').replace(WIDE_SLASH, '/');
}

export interface Vocabulary {
  /** longest first */
  entries: ChannelName[];
  byKey: Map<string, ChannelName>;
  /** entries with their compare keys, by the code of the characters a written name can start with (longest first): the parser's index */
  byFirst: Map<number, { entry: ChannelName; key: string; second: number }[]>;
}

export function vocabulary(extra: readonly string[] = []): Vocabulary {
  const entries: ChannelName[] = [];
  const keys = new Set<string>();
  const add = (c: ChannelName) => {
    const key = channelKey(c.name);
    if (keys.has(key)) return;
    keys.add(key);
    entries.push(c);
  };
  for (const n of NATIONAL_CHANNELS) add({ name: n, kind: 'national' });
  for (const n of extra) if (channelKey(n)) add({ name: channelKey(n), kind: 'extra' });
  for (const [n, s] of Object.entries(CHANNEL_VARIANTS)) add({ name: channelKey(n), kind: 'variant', standard: s });
  for (const n of TWO_WEI_ONE_DUAN_ALIASES) add({ name: n, kind: 'alias', standard: '两微一端' });
  for (const n of LOCAL_CHANNELS) add({ name: n, kind: 'local' });
  entries.sort((a, b) => channelKey(b.name).length - channelKey(a.name).length);
  const byFirst = new Map<number, { entry: ChannelName; key: string; second: number }[]>();
  for (const entry of entries) {
    const key = channelKey(entry.name);
    const first = key[0];
    // (the second character's code, -1 for a one-character name: matchNameAt's first filter)
    const candidate = { entry, key, second: key.length > 1 ? key.charCodeAt(1) : -1 };
    // the same alternatives nameEndAt accepts for the first character
    for (const ch of first === '（' ? ['（', '('] : first === '/' ? ['/', '／'] : [first]) {
      const list = byFirst.get(ch.charCodeAt(0));
      if (list) list.push(candidate);
      else byFirst.set(ch.charCodeAt(0), [candidate]);
    }
  }
  return { entries, byKey: new Map(entries.map((e) => [channelKey(e.name), e])), byFirst };
}

export type BoxState = 'selected' | 'unselected' | 'none';

export interface ChannelItem {
  /** the name as found (raw text, trimmed) */
  raw: string;
  /** the recognised vocabulary entry, if any */
  entry?: ChannelName;
  /** free text after the name: a URL after 政府网站, 「（…）」, the text of 其他 */
  note: string;
  box: BoxState;
  /** the glyph written as the box ('' when none) */
  glyph: string;
}

/** Something mechanical that differs from the canonical way of writing the cell. */
export type SyntaxIssue = 'ocrBox' | 'lostBox' | 'altBox' | 'spaceAfterBox' | 'spaceInName' | 'halfWidthBracket' | 'separator' | 'edgeSpace' | 'emptyBox';

export interface ParsedChannels {
  items: ChannelItem[];
  issues: SyntaxIssue[];
  /** whether any box glyph (■ □ ☑ ☐, or a mangled one) was found */
  hasBoxes: boolean;
}

const SELECTED = '■☑';
const UNSELECTED = '□☐';
/** ✓-like ticks used as a selected box */
const TICKS = '√✓✔';
/** A separator between channel items: /[\s\u3000\u00a0、，,；;]/ (by code: the parser asks at every character). */
function isSep(c: number): boolean {
  return isSpaceCode(c) || c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;
}

/**
 * Where the name with compare key `key` is written at `pos` of `text`, -1 when it is not there:
 * whitespace may stand between any two characters (line breaks, OCR spacing), and （ ） / may be
 * written ( ) ／. (Compared by code, not with a pattern per name: the parser asks at every item.)
 */
function nameEndAt(text: string, pos: number, key: string): number {
  let p = pos;
  for (let j = 0; j < key.length; j++) {
    if (j > 0) while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
    if (p >= text.length) return -1;
    const c = text.charCodeAt(p);
    const k = key.charCodeAt(j);
    if (!sameNameChar(k, c)) return -1;
    p++;
  }
  return p;
}

/** Whether the text's code unit c stands for the name's code unit k (nameEndAt's rule). */
function sameNameChar(k: number, c: number): boolean {
  return c === k || (k === 0xff08 && c === 0x28) || (k === 0xff09 && c === 0x29) || (k === 0x2f && c === 0xff0f);
}

function matchNameAt(text: string, pos: number, vocab: Vocabulary): { entry: ChannelName; end: number } | undefined {
  const candidates = vocab.byFirst.get(text.charCodeAt(pos));
  if (!candidates) return undefined;
  // the character nameEndAt compares with a name's second one: most candidates differ there
  let q = pos + 1;
  while (q < text.length && isSpaceCode(text.charCodeAt(q))) q++;
  const c2 = text.charCodeAt(q);
  // (an indexed loop: this runs at every character of a channel cell)
  for (let i = 0; i < candidates.length; i++) {
    const second = candidates[i].second;
    if (second >= 0 && !sameNameChar(second, c2)) continue;
    const end = nameEndAt(text, pos, candidates[i].key);
    if (end >= 0) return { entry: candidates[i].entry, end };
  }
  return undefined;
}

/** The longest vocabulary name written at `pos` of `text` (whitespace may stand inside it), if any. */
export function channelNameAt(text: string, pos: number, vocab: Vocabulary): { entry: ChannelName; end: number } | undefined {
  return matchNameAt(text, pos, vocab);
}

/** A box glyph at `pos` (possibly a mangled one, recognised only before a known name). */
function boxAt(text: string, pos: number, vocab: Vocabulary): { state: BoxState; glyph: string; issue?: SyntaxIssue } | undefined {
  // (by code, and objects written out, not spread: this runs for every character of a cell)
  const c = text.charCodeAt(pos);
  if (c === 0x25a0) return { state: 'selected', glyph: '■' };
  if (c === 0x2611) return { state: 'selected', glyph: '☑', issue: 'altBox' };
  if (c === 0x25a1) return { state: 'unselected', glyph: '□' };
  if (c === 0x2610) return { state: 'unselected', glyph: '☐', issue: 'altBox' };
  // a mangled box: 口 (OCR), t (a lost ■), a tick √ ✓ ✔; only before a known name
  if (c !== 0x53e3 && c !== 0x74 && c !== 0x221a && c !== 0x2713 && c !== 0x2714) return undefined;
  const ch = text[pos];
  const beforeOk = pos === 0 || isSep(text.charCodeAt(pos - 1)) || SELECTED.includes(text[pos - 1]) || UNSELECTED.includes(text[pos - 1]);
  if (!beforeOk) return undefined;
  let p = pos + 1;
  while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
  if (!matchNameAt(text, p, vocab)) return undefined;
  if (ch === '口') return { state: 'unselected', glyph: ch, issue: 'ocrBox' };
  if (ch === 't' && p === pos + 1) return { state: 'selected', glyph: ch, issue: 'lostBox' };
  if (TICKS.includes(ch)) return { state: 'selected', glyph: ch, issue: 'altBox' };
  return undefined;
}

const URL_AT = /(?:https?:\/\/|www\.)[^\s\u3000■□☑☐]*/y;
const PAREN_AT = /[（(][^）)]*[）)]/y;

/**
 * The length of the note written right at `pos` (a URL, or a bracketed remark), 0 when none.
 * The patterns run only where one can start (h, w, （, (): this is asked after every name.
 */
function noteLengthAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  let re: RegExp;
  if (c === 0x68 || c === 0x77) re = URL_AT;
  else if (c === 0xff08 || c === 0x28) re = PAREN_AT;
  else return 0;
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex - pos : 0;
}

/** Whether text[from, to) is one plain space once box glyphs (■□☑☐口t√✓✔) are left out. */
function gapIsOneSpace(text: string, from: number, to: number): boolean {
  let others = 0;
  let space = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25a0 || c === 0x25a1 || c === 0x2611 || c === 0x2610 || c === 0x53e3 || c === 0x74 || c === 0x221a || c === 0x2713 || c === 0x2714) continue;
    others++;
    space = c === 0x20;
  }
  return others === 1 && space;
}

/**
 * Parse a 公开渠道和载体 cell. Items are separated by box glyphs; within the text that follows
 * one box, several known names separated by spaces or 、 are several items (the later ones
 * without a box). Text that is no known name is one unknown item up to the next separator.
 */
export function parseChannels(text: string, vocab: Vocabulary = vocabulary()): ParsedChannels {
  const items: ChannelItem[] = [];
  const issues = new Set<SyntaxIssue>();
  let hasBoxes = false;
  // (first and last character by code: the pattern /^\s|\s$/ tries its second half at every position)
  if (text.length && (isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(text.length - 1)))) issues.add('edgeSpace');
  let pos = 0;
  let pending: { state: BoxState; glyph: string } | undefined;
  let lastEnd = -1;
  while (pos < text.length) {
    const box = boxAt(text, pos, vocab);
    if (box) {
      hasBoxes = true;
      if (box.issue) issues.add(box.issue);
      if (pending) issues.add('emptyBox');
      pending = { state: box.state, glyph: box.glyph };
      pos++;
      if (pos < text.length && isSpaceCode(text.charCodeAt(pos))) {
        while (pos < text.length && isSpaceCode(text.charCodeAt(pos))) pos++;
        issues.add('spaceAfterBox');
      }
      continue;
    }
    if (isSep(text.charCodeAt(pos))) {
      pos++;
      continue;
    }
    // a separator between two items other than one plain space
    if (lastEnd >= 0 && !gapIsOneSpace(text, lastEnd, pos)) issues.add('separator');
    const start = pos;
    let m = matchNameAt(text, pos, vocab);
    let raw = '';
    let entry: ChannelName | undefined;
    let note = '';
    if (m && m.entry.name !== '其他') {
      // a known name followed by more letters is the start of an unknown longer name (微信群)
      const end = m.end + noteLengthAt(text, m.end);
      if (end < text.length && !isSep(text.charCodeAt(end)) && !boxAt(text, end, vocab)) m = undefined;
    }
    if (m) {
      entry = m.entry;
      raw = text.slice(start, m.end);
      pos = m.end;
      if (entry.name === '其他') {
        // 其他 takes the rest of the text up to the next box as its free text
        let end = pos;
        while (end < text.length && !boxAt(text, end, vocab)) end++;
        note = text.slice(pos, end).trim();
        pos = end;
      } else {
        const len = noteLengthAt(text, pos);
        if (len) {
          note = text.slice(pos, pos + len);
          pos += len;
        }
      }
      if (NAME_SPACE.test(raw)) issues.add('spaceInName');
      if (NAME_HALF_WIDTH.test(raw)) issues.add('halfWidthBracket');
    } else {
      while (pos < text.length && !isSep(text.charCodeAt(pos)) && !boxAt(text, pos, vocab)) pos++;
      raw = text.slice(start, pos);
    }
    const state = pending ? pending.state : 'none';
    const glyph = pending ? pending.glyph : '';
    items.push(entry ? { raw, entry, note, box: state, glyph } : { raw, note, box: state, glyph });
    pending = undefined;
    lastEnd = pos;
  }
  if (pending) issues.add('emptyBox');
  // a plain list (「政府网站、政务新媒体」) separates its items the office's way
  if (!hasBoxes) issues.delete('separator');
  return { items, issues: [...issues], hasBoxes };
}

export interface RenderOptions {
  /** write ■ before items that have no box */
  addMissingBoxes?: boolean;
  /** items (by index) to write under their national name */
  rename?: ReadonlySet<number>;
}

/** The canonical text of a parsed cell: 「■name」 items joined by one space. */
export function renderChannels(p: ParsedChannels, o: RenderOptions = {}): string {
  return p.items
    .map((it, i) => {
      const glyph = it.box === 'selected' ? '■' : it.box === 'unselected' ? '□' : o.addMissingBoxes ? '■' : '';
      let name = it.entry ? channelKey(it.raw) : it.raw;
      if (o.rename?.has(i) && it.entry?.kind === 'variant' && it.entry.standard) name = it.entry.standard;
      return glyph + name + it.note;
    })
    .join(' ');
}
