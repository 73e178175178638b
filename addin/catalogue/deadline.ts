/**
 * 公开时限 phrases (domain.md §5) parsed into (trigger event, N, unit) plus qualifiers, or into
 * one of the qualitative forms (实时更新, 每年1月31日前, 季度出刊 …). Pure.
 */
import { parseNumber } from './citations.ts';

export type DeadlineUnit = '工作日' | '日';

export type QualitativeForm = '实时更新' | '及时公开' | '每年M月D日前' | '季度出刊' | '每季度' | '每月' | '每年' | '定期' | '长期' | '同上';

export interface RelativeDeadline {
  kind: 'relative';
  /** the event the period runs from, e.g. 「该信息形成或者变更之日起」 ('' when not written, as in 「20工作日」) */
  trigger: string;
  n: number;
  unit: DeadlineUnit;
  /** further clauses: 「公示7个工作日」, 「法律、法规对政府信息公开的期限另有规定的，从其规定」 */
  qualifiers: string[];
  /** the phrase refers to another law or regulation for its period */
  citesLaw: boolean;
}

export interface QualitativeDeadline {
  kind: 'qualitative';
  form: QualitativeForm;
  /** 每年M月D日前 */
  month?: number;
  day?: number;
  qualifiers: string[];
  /** 同上: the parsed value of the row above, when given */
  resolved?: Deadline;
}

export interface UnparsedDeadline {
  kind: 'unparsed';
}

export type Deadline = RelativeDeadline | QualitativeDeadline | UnparsedDeadline;

const NUM = '\\d+|[零〇一二两三四五六七八九十百]+';
const SAME = /^(同上|同前|同左|同上栏)$/;
const ANNUAL = new RegExp(`^(?:于|在|应于|应在)?每年(?:度)?的?(${NUM})月(?:份)?(?:(${NUM})日|(底|末))(?:前|之前|以前)`);
const PERIOD = new RegExp(`(${NUM})个?(工作日|自然日|日|天)(?:以内|之内|内)?`, 'g');
const VERB_TAIL = /^(?:予以|及时|主动|向社会)?(?:公开|发布|公示|更新|公布)$/;
const CITES_LAW = /《[^》]+》|法律|法规|另有规定|从其规定/;

const QUALITATIVE: [RegExp, QualitativeForm][] = [
  [/^(?:实时|即时|随时|动态)(?:更新|公开|发布|公布)?/, '实时更新'],
  [/^及时(?:公开|更新|发布|公布)?/, '及时公开'],
  [/^(?:每|按)?季度?出刊/, '季度出刊'],
  [/^(?:每个?|按)季度(?:更新|公开|发布)?|^季度(?:更新|公开|发布)/, '每季度'],
  [/^(?:每|按)月(?:更新|公开|发布)?/, '每月'],
  [/^(?:每|按)年(?:度)?(?:更新|公开|发布)?/, '每年'],
  [/^定期(?:更新|公开|发布)?/, '定期'],
  [/^(?:长期|常年)(?:公开|有效)?/, '长期'],
];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The phrase without whitespace (spaced OCR: 「制 定 或 获 取 信 息之日起 10 个 工作日内」) and with ASCII digits. */
export function compactDeadline(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Clauses of a text after the main phrase: split at 。；; and trimmed of joining commas. */
function clauses(s: string): string[] {
  return s
    .split(/[。；;]/)
    .map((c) => c.replace(/^[，,、：:]+|[，,、：:]+$/g, '').trim())
    .filter((c) => c !== '');
}

/**
 * Parse a 公开时限 cell. `above` is the (already resolved) text of the row above, used for 「同上」.
 */
export function parseDeadline(text: string, above?: string): Deadline {
  const s = compactDeadline(text).replace(/[。.]+$/, '');
  if (!s) return { kind: 'unparsed' };

  if (SAME.test(s)) {
    const q: QualitativeDeadline = { kind: 'qualitative', form: '同上', qualifiers: [] };
    if (above !== undefined && !SAME.test(compactDeadline(above))) q.resolved = parseDeadline(above);
    return q;
  }

  const a = ANNUAL.exec(s);
  if (a) {
    const month = parseNumber(a[1]);
    if (month !== undefined && month >= 1 && month <= 12) {
      const day = a[2] !== undefined ? parseNumber(a[2]) : DAYS_IN_MONTH[month - 1];
      if (day !== undefined && day >= 1 && day <= 31) {
        return { kind: 'qualitative', form: '每年M月D日前', month, day, qualifiers: clauses(s.slice(a[0].length)) };
      }
    }
  }

  PERIOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERIOD.exec(s))) {
    // 「1月31日」 is a date, not a period
    if (s[m.index - 1] === '月') continue;
    const n = parseNumber(m[1]);
    if (n === undefined || n === 0) continue;
    const unit: DeadlineUnit = m[2] === '工作日' ? '工作日' : '日';
    // the clause right before N is the trigger; earlier clauses are qualifiers
    const headParts = s.slice(0, m.index).split(/[。；;]/);
    const commaParts = (headParts.pop() ?? '').split(/[，,]/).filter((x) => x !== '');
    const trigger = (commaParts.pop() ?? '').replace(/^(?:应当|应)?(?:自|从|在|于)/, '').replace(/的+$/, '');
    const qualifiers = clauses(headParts.join('。'));
    if (commaParts.length) qualifiers.push(commaParts.join('，'));
    const tail = clauses(s.slice(m.index + m[0].length));
    if (tail.length && VERB_TAIL.test(tail[0])) tail.shift();
    return { kind: 'relative', trigger, n, unit, qualifiers: [...qualifiers, ...tail], citesLaw: CITES_LAW.test(s) };
  }

  for (const [re, form] of QUALITATIVE) {
    const q = re.exec(s);
    if (!q) continue;
    const rest = clauses(s.slice(q[0].length));
    if (rest.length && VERB_TAIL.test(rest[0])) rest.shift();
    return { kind: 'qualitative', form, qualifiers: rest };
  }
  return { kind: 'unparsed' };
}

/** Text of a parsed deadline for messages (「自…起20个工作日内」, 「每年1月31日前」). */
export function describeDeadline(d: Deadline): string {
  if (d.kind === 'unparsed') return '';
  if (d.kind === 'relative') return `${d.trigger}${d.n}个${d.unit}内`;
  if (d.form === '每年M月D日前') return `每年${d.month}月${d.day}日前`;
  return d.form;
}
