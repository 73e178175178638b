/**
 * 收到申请之日 by channel, 《政府信息公开条例》第三十一条:
 * （一）当面提交 — the submission date;
 * （二）邮寄 with signature — the date the office signs for it; 平常信函 and other mail needing no
 *      signature — the date the office confirms with the applicant (on the day it arrives);
 * （三）互联网渠道 / 传真 — the date both sides confirm. 电子邮件 is an internet channel: the 2015
 *      guidance (国办公开办函〔2015〕207号) used the mail system's receipt date, the 2019 text uses
 *      the confirmation date, as here.
 */
import { type IsoDate, isIsoDate } from './isoDate.ts';

export type Channel = '当面' | '邮寄' | '平常信函' | '网络' | '传真' | '电子邮件';

export const CHANNELS: readonly Channel[] = ['当面', '邮寄', '平常信函', '网络', '传真', '电子邮件'];

export interface ReceiptInput {
  readonly channel: Channel;
  /** 当面: the day the applicant handed the application in. */
  readonly submittedOn?: IsoDate;
  /** 邮寄: the day the office signed for the item. */
  readonly signedForOn?: IsoDate;
  /** 平常信函 / 网络 / 传真 / 电子邮件: the day the office and the applicant confirmed the application. */
  readonly confirmedOn?: IsoDate;
}

export type ReceiptField = 'channel' | 'submittedOn' | 'signedForOn' | 'confirmedOn';

export type ReceiptResult =
  | { readonly ok: true; readonly date: IsoDate; readonly field: ReceiptField; readonly basis: string }
  | {
      readonly ok: false;
      readonly code: 'missing-field' | 'invalid-date' | 'unknown-channel';
      readonly field: ReceiptField;
      readonly message: string;
    };

const RULES: Record<Channel, { field: Exclude<ReceiptField, 'channel'>; label: string; basis: string }> = {
  当面: { field: 'submittedOn', label: '提交日期', basis: '第三十一条第（一）项：以提交之日为收到申请之日' },
  邮寄: { field: 'signedForOn', label: '签收日期', basis: '第三十一条第（二）项：以行政机关签收之日为收到申请之日' },
  平常信函: { field: 'confirmedOn', label: '确认日期', basis: '第三十一条第（二）项：平常信函等无需签收的，以与申请人确认之日为收到申请之日' },
  网络: { field: 'confirmedOn', label: '确认日期', basis: '第三十一条第（三）项：互联网渠道以双方确认之日为收到申请之日' },
  传真: { field: 'confirmedOn', label: '确认日期', basis: '第三十一条第（三）项：传真以双方确认之日为收到申请之日' },
  电子邮件: { field: 'confirmedOn', label: '确认日期', basis: '第三十一条第（三）项：互联网渠道以双方确认之日为收到申请之日' },
};

/** The receipt date for the channel, or an error naming the field that is missing or wrong. */
export function receiptDate(input: ReceiptInput): ReceiptResult {
  const rule = Object.hasOwn(RULES, input.channel) ? RULES[input.channel] : undefined;
  if (rule === undefined) {
    return {
      ok: false,
      code: 'unknown-channel',
      field: 'channel',
      message: `申请方式 ${JSON.stringify(input.channel)} 无法识别，应为 ${CHANNELS.join(' / ')} 之一 (channel).`,
    };
  }
  const value = input[rule.field];
  if (value === undefined || value === '') {
    return {
      ok: false,
      code: 'missing-field',
      field: rule.field,
      message: `${input.channel}提交的申请须填写${rule.label} (${rule.field})：${rule.basis}。`,
    };
  }
  if (!isIsoDate(value)) {
    return {
      ok: false,
      code: 'invalid-date',
      field: rule.field,
      message: `${rule.label} (${rule.field}) ${JSON.stringify(value)} 不是有效日期，应写作 YYYY-MM-DD，如 2026-09-28。`,
    };
  }
  return { ok: true, date: value, field: rule.field, basis: rule.basis };
}
