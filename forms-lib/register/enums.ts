/**
 * The register's closed vocabularies and the spellings accepted for each (README.md lists them).
 * Every function returns the canonical value, or why the text was refused.
 */
import { CHANNELS, type Channel } from '../calendar/index.ts';
import { APPLICANT_TYPES, type ApplicantType, OUTCOMES, type OutcomeId } from './types.ts';

export type EnumParse<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous'; readonly hint?: string };

/** NFKC, no whitespace at all, Latin lower-cased: the key every vocabulary is matched on. */
export function vocabKey(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * 申请方式 (第三十一条 channels). The receipt date depends on the channel, so a word that could mean
 * two channels is refused, not guessed: 信函/信件 (registered 邮寄 or 平常信函?), 邮件 (postal
 * item or e-mail?), 口头 (in person or by telephone?).
 */
const CHANNEL_ALIASES: Record<string, Channel> = {
  当面提交: '当面', 当面申请: '当面', 现场: '当面', 现场提交: '当面', 现场申请: '当面', 窗口: '当面', 窗口提交: '当面', 来访: '当面',
  邮政寄送: '邮寄', 邮政: '邮寄', 邮寄提交: '邮寄', 邮寄申请: '邮寄', 挂号信: '邮寄', 挂号信函: '邮寄', 快递: '邮寄', ems: '邮寄', 邮政快递: '邮寄',
  平信: '平常信函', 普通信函: '平常信函', 平常信件: '平常信函', 普通信件: '平常信函',
  网上: '网络', 网上申请: '网络', 网上提交: '网络', 在线: '网络', 在线申请: '网络', 在线平台: '网络', 网上平台: '网络', 网络申请: '网络',
  互联网: '网络', 网站: '网络', 政府网站: '网络', 门户网站: '网络', 依申请公开平台: '网络', 政务服务网: '网络',
  传真提交: '传真', fax: '传真',
  电子邮箱: '电子邮件', 电邮: '电子邮件', email: '电子邮件', 'e-mail': '电子邮件',
};
const CHANNEL_AMBIGUOUS: Record<string, string> = {
  信函: '邮寄（需签收）或 平常信函 / 邮寄 (signed for) or 平常信函',
  信件: '邮寄（需签收）或 平常信函 / 邮寄 (signed for) or 平常信函',
  邮件: '邮寄 或 电子邮件 / 邮寄 (post) or 电子邮件 (e-mail)',
  口头: '当面 或 其他方式 / 当面 (in person) or another channel',
  电话: '当面（工作人员代填）或 其他方式 / 当面 (written down by staff) or another channel',
};

export function parseChannel(raw: string): EnumParse<Channel> {
  const k = vocabKey(raw);
  if ((CHANNELS as readonly string[]).includes(k)) return { ok: true, value: k as Channel };
  const alias = Object.hasOwn(CHANNEL_ALIASES, k) ? CHANNEL_ALIASES[k] : undefined;
  if (alias) return { ok: true, value: alias };
  if (Object.hasOwn(CHANNEL_AMBIGUOUS, k)) return { ok: false, reason: 'ambiguous', hint: CHANNEL_AMBIGUOUS[k] };
  return { ok: false, reason: 'unknown' };
}

/** 申请人类型: the 表三 columns; common everyday words for the two unambiguous ones. 法人 is refused (which column?). */
const APPLICANT_ALIASES: Record<string, ApplicantType> = {
  公民: '自然人', 个人: '自然人', 自然人申请: '自然人',
  企业: '商业企业', 公司: '商业企业', 企业法人: '商业企业',
  律师事务所: '法律服务机构', 律所: '法律服务机构',
  公益组织: '社会公益组织',
  其它: '其他', 其他组织: '其他', 其它组织: '其他',
};

export function parseApplicantType(raw: string): EnumParse<ApplicantType> {
  const k = vocabKey(raw);
  if ((APPLICANT_TYPES as readonly string[]).includes(k)) return { ok: true, value: k as ApplicantType };
  const alias = Object.hasOwn(APPLICANT_ALIASES, k) ? APPLICANT_ALIASES[k] : undefined;
  if (alias) return { ok: true, value: alias };
  if (k === '法人' || k === '法人或其他组织') {
    return { ok: false, reason: 'ambiguous', hint: '商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他' };
  }
  return { ok: false, reason: 'unknown' };
}

/**
 * Outcome key: NFKC, whitespace and quotes (" ' “ ” ‘ ’ 「 」) dropped, 、，, unified to 、,
 * the separator / (also ／ after NFKC, or －) kept, a leading item number of the sub-row
 * (1. 1、 （1）) dropped, as is a leading group number （三）.
 */
export function outcomeKey(raw: string): string {
  const s = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/[,，、]/g, '、')
    .replace(/[\\|－—-]/g, '/');
  return s
    .split('/')
    .map((part) => part.replace(/^\([一二三四五六七八九十]+\)/, '').replace(/^(\d+[.、)]|\(\d+\))/, ''))
    .join('/');
}

const OUTCOME_BY_KEY = new Map<string, OutcomeId>();
for (const o of OUTCOMES) {
  OUTCOME_BY_KEY.set(outcomeKey(o.register), o.id);
  const slash = o.register.indexOf('/');
  // The sub-row label alone ('属于国家秘密', '重复申请') names one outcome, except the bare 其他.
  if (slash > 0) {
    const leaf = o.register.slice(slash + 1);
    if (leaf !== '其他') OUTCOME_BY_KEY.set(outcomeKey(leaf), o.id);
  }
}
// The printed 表三 group label for the two single-row groups.
OUTCOME_BY_KEY.set(outcomeKey('部分公开（区分处理的，只计这一情形，不计其他情形）'), 'partial');

export function parseOutcome(raw: string): EnumParse<OutcomeId> {
  const id = OUTCOME_BY_KEY.get(outcomeKey(raw));
  if (id) return { ok: true, value: id };
  const k = outcomeKey(raw);
  if (k === '不予公开' || k === '无法提供' || k === '不予处理' || k === '其他处理' || k === '其他') {
    const subs = OUTCOMES.filter((o) => o.register.startsWith(`${k}/`) || (k === '其他' && o.register.startsWith('其他处理/')));
    return { ok: false, reason: 'ambiguous', hint: subs.map((o) => o.register).join('、') };
  }
  return { ok: false, reason: 'unknown' };
}

/** The register spelling of an outcome id ('refuse-secret' → '不予公开/属于国家秘密'). */
export function outcomeRegister(id: OutcomeId): string {
  return OUTCOMES.find((o) => o.id === id)?.register ?? id;
}

/** 证件类型 canonical names for the two that are checked. */
export type IdKind = 'resident' | 'credit-code' | 'other';

export function idKindOf(rawType: string): IdKind {
  const k = vocabKey(rawType);
  if (['居民身份证', '身份证', '二代身份证', '第二代居民身份证', '公民身份号码', '身份证号'].includes(k)) return 'resident';
  if (['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码'].includes(k)) return 'credit-code';
  return 'other';
}

/** 获取方式 words that need no warning (第二十九条第二款第（三）项 / the recommended field set). */
export const DELIVERY_METHODS = ['邮寄', '快递', '电子邮件', '传真', '当面领取', '自行领取', '现场查阅', '在线查看', '网上获取'] as const;
