/**
 * The application register (申请登记) record model, shared by register, templates and stats.
 * Header contract: ../shared/docs/architecture.md ("Contracts other tools rely on").
 * Pure data: no Node, DOM or Office imports.
 */
import type { Channel, IsoDate } from '../calendar/index.ts';

/** 申请人类型: the seven columns of 表三 minus 总计. */
export const APPLICANT_TYPES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * 办理结果: the 21 leaf rows of 表三 (国办公开办函〔2021〕30号), written in the register as
 * `leaf` (e.g. '予以公开', '不予公开/属于国家秘密'). `group` is the roman row (一…六), `label`
 * the row label exactly as printed in the official table.
 */
export interface OutcomeDef {
  /** Stable id for code: 'disclose', 'partial', 'refuse-secret', … */
  readonly id: OutcomeId;
  /** Register spelling: group name, then '/' and the sub-row label without its number. */
  readonly register: string;
  /** 表三 group row: '（一）予以公开' … '（六）其他处理'. */
  readonly group: string;
  /** 表三 leaf row label as printed, e.g. '1.属于国家秘密' or '（一）予以公开' for single-row groups. */
  readonly label: string;
}

export const OUTCOMES = [
  { id: 'disclose', register: '予以公开', group: '（一）予以公开', label: '（一）予以公开' },
  { id: 'partial', register: '部分公开', group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'refuse-secret', register: '不予公开/属于国家秘密', group: '（三）不予公开', label: '1.属于国家秘密' },
  { id: 'refuse-law', register: '不予公开/其他法律行政法规禁止公开', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { id: 'refuse-safety', register: '不予公开/危及“三安全一稳定”', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { id: 'refuse-third-party', register: '不予公开/保护第三方合法权益', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { id: 'refuse-internal', register: '不予公开/属于三类内部事务信息', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { id: 'refuse-process', register: '不予公开/属于四类过程性信息', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { id: 'refuse-enforcement', register: '不予公开/属于行政执法案卷', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { id: 'refuse-query', register: '不予公开/属于行政查询事项', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { id: 'unable-not-held', register: '无法提供/本机关不掌握相关政府信息', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { id: 'unable-needs-making', register: '无法提供/没有现成信息需要另行制作', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { id: 'unable-unclear', register: '无法提供/补正后申请内容仍不明确', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { id: 'not-handled-petition', register: '不予处理/信访举报投诉类申请', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { id: 'not-handled-repeat', register: '不予处理/重复申请', group: '（五）不予处理', label: '2.重复申请' },
  { id: 'not-handled-publication', register: '不予处理/要求提供公开出版物', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { id: 'not-handled-excessive', register: '不予处理/无正当理由大量反复申请', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { id: 'not-handled-confirm', register: '不予处理/要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  { id: 'other-no-correction', register: '其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { id: 'other-unpaid', register: '其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { id: 'other', register: '其他处理/其他', group: '（六）其他处理', label: '3.其他' },
] as const satisfies readonly { id: string; register: string; group: string; label: string }[];

export type OutcomeId = (typeof OUTCOMES)[number]['id'];

/** The register's header labels, in contract order. Extra columns are allowed and kept. */
export const REGISTER_COLUMNS = [
  '登记编号', '收到日期', '申请方式', '申请人类型', '申请人', '证件类型', '证件号码', '联系电话', '通信地址',
  '邮政编码', '电子邮箱', '所需信息', '获取方式', '载体形式', '承办科室', '补正告知日期', '补正收到日期',
  '延期', '征求意见起', '征求意见止', '办理结果', '答复日期', '备注',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export const REGISTER_SHEET = '申请登记';

/** One application (one register row), typed. Optional fields are absent when the cell is blank. */
export interface Application {
  /** 1-based sheet row the record came from (for cell-addressed messages). */
  readonly row: number;
  /** 登记编号, unique in the register. */
  readonly id: string;
  readonly receivedOn: IsoDate;
  /** 申请方式 (art. 31 channel). */
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  /** 申请人: a person's name or an organisation's name. */
  readonly applicant: string;
  /** 证件类型: 居民身份证, 统一社会信用代码, 护照, … */
  readonly idType?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly postcode?: string;
  readonly email?: string;
  /** 所需信息: the requested information as written. */
  readonly request: string;
  /** 获取方式: 邮寄 / 电子邮件 / 当面领取 / 现场查阅 / 在线查看 … (free text, checked against a list with a warning). */
  readonly delivery?: string;
  /** 载体形式: 纸质 / 电子文档 / 光盘 … */
  readonly medium?: string;
  /** 承办科室 */
  readonly department?: string;
  /** 补正告知日期: the day the 补正 notice was issued. */
  readonly correctionNoticeOn?: IsoDate;
  /** 补正收到日期: the day the supplement arrived; the reply clock restarts from it (art. 30). */
  readonly supplementReceivedOn?: IsoDate;
  /** 延期: working days of extension granted (cell '是' = the office's maximum; a number = that many). 0 = none. */
  readonly extensionDays: number;
  /** True when 延期 was written as 「是」 (the office's maximum) rather than a number of days. */
  readonly extensionToMax?: boolean;
  /** 征求意见起 / 征求意见止: the consultation pause (art. 32–34), both ends included. */
  readonly consultFrom?: IsoDate;
  readonly consultTo?: IsoDate;
  /** 办理结果; absent = still open. */
  readonly outcome?: OutcomeId;
  /** 答复日期: the day of the reply / closing. */
  readonly repliedOn?: IsoDate;
  readonly note?: string;
  /** Extra columns by header label (e.g. 行政复议, 行政诉讼), trimmed text. */
  readonly extra: Readonly<Record<string, string>>;
}

/** A register row problem, addressed like a catalogue finding. */
export interface RegisterIssue {
  readonly severity: 'error' | 'warning';
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A1 address, e.g. 'B7'. */
  readonly cell: string;
  readonly column: RegisterColumn | string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** Derived state of an application on a given day. */
export type ApplicationState =
  | 'open'
  | 'awaiting-correction'
  | 'consulting'
  | 'extended'
  | 'due-soon'
  | 'overdue'
  | 'closed';
