/**
 * What to tell the user before an official document goes out that the register says is wrong
 * for the application, or late: a reply type the recorded 办理结果 contradicts, a 延期答复告知书
 * after the reply limit ran out (第三十三条第二款) or for a closed case, a 补正告知书 past the
 * 7 working days of 第三十条, a document dated before the application was received. Warnings, not
 * errors: the office may have reasons (a reprint, a register not yet updated), but it must not
 * find out from the applicant. Pure.
 */
import type { IsoDate } from '../calendar/index.ts';
import { type Application, type ApplicationState, type ApplicationStatus, OUTCOMES, type OutcomeId } from '../register/index.ts';
import type { FormDefinition } from './definition.ts';

export interface FormWarning {
  readonly code: 'before-received' | 'no-outcome' | 'outcome-mismatch' | 'not-reply-date' | 'closed' | 'extension-late' | 'correction-late' | 'state-mismatch';
  readonly zh: string;
  readonly en: string;
}

/** The states of the register in Chinese, as the pane and the CLI show them. */
export const STATE_LABELS: Readonly<Record<ApplicationState, { zh: string; en: string }>> = {
  open: { zh: '办理中', en: 'open' },
  'awaiting-correction': { zh: '待补正', en: 'awaiting correction' },
  consulting: { zh: '征求意见中', en: 'consulting a third party' },
  extended: { zh: '已延期', en: 'extended' },
  'due-soon': { zh: '即将到期', en: 'due soon' },
  overdue: { zh: '已逾期', en: 'overdue' },
  closed: { zh: '已办结', en: 'closed' },
};

const outcomeText = (id: OutcomeId): string => OUTCOMES.find((o) => o.id === id)?.register ?? id;

/** The warnings for issuing `def` on `today` for the application (none when all is in order). */
export function formWarnings(def: Pick<FormDefinition, 'id' | 'zh' | 'fits'>, app: Application, status: ApplicationStatus, today: IsoDate): FormWarning[] {
  const out: FormWarning[] = [];
  const name = `「${def.zh}」`;
  if (today < app.receivedOn) {
    out.push({
      code: 'before-received',
      zh: `${name}的日期 ${today} 早于收到申请的日期 ${app.receivedOn}`,
      en: `the ${def.id} would be dated ${today}, before the application was received on ${app.receivedOn}`,
    });
  }
  const f = def.fits;
  if (f.always) return out;
  if (f.outcomes) {
    if (!app.outcome) {
      out.push({
        code: 'no-outcome',
        zh: `登记表中「办理结果」尚未填写：请确认答复类型并登记后再出具${name}`,
        en: `the register has no 办理结果 (outcome) for this application yet: record it before issuing the ${def.id}`,
      });
    } else if (!(f.outcomes as readonly string[]).includes(app.outcome)) {
      const fits = [...new Set(f.outcomes.map(outcomeText))].join('、');
      out.push({
        code: 'outcome-mismatch',
        zh: `登记的办理结果为「${outcomeText(app.outcome)}」，与${name}不符（该文书用于：${fits}）`,
        en: `the recorded outcome is 「${outcomeText(app.outcome)}」, which the ${def.id} does not fit (it is for: ${f.outcomes.join(', ')})`,
      });
    } else if (app.repliedOn && app.repliedOn !== today) {
      // a reply or decision bears the day it was made: a copy made later under today's date is not it
      out.push({
        code: 'not-reply-date',
        zh: `登记的答复日期为 ${app.repliedOn}，本文书的成文日期为 ${today}：如为补打已发出的文书，请以 ${app.repliedOn} 作为成文日期`,
        en: `the register's reply date is ${app.repliedOn} but this document would be dated ${today}: to reprint the one sent, date it ${app.repliedOn}`,
      });
    }
    return out;
  }
  if (!f.states) return out;
  if (status.state === 'closed') {
    out.push({
      code: 'closed',
      zh: `该申请已${status.closedOn ? `于 ${status.closedOn} ` : ''}办结，不应再出具${name}`,
      en: `the application was closed${status.closedOn ? ` on ${status.closedOn}` : ''}; a ${def.id} no longer fits`,
    });
    return out;
  }
  if (def.id === 'extension-notice' && status.replyDueWithoutExtension && today > status.replyDueWithoutExtension) {
    out.push({
      code: 'extension-late',
      zh: `延期答复须在答复期限 ${status.replyDueWithoutExtension} 届满前告知申请人（条例第三十三条第二款），${today} 已经超过`,
      en: `an extension must be notified before the reply limit of ${status.replyDueWithoutExtension} runs out (art. 33(2)); ${today} is past it`,
    });
    return out;
  }
  if (def.id === 'correction-notice' && !app.correctionNoticeOn && today > status.correctionNoticeDue) {
    out.push({
      code: 'correction-late',
      zh: `补正告知应在收到申请之日起 7 个工作日内（${status.correctionNoticeDue} 前）一次性发出（条例第三十条），${today} 已经超过`,
      en: `a request for correction is due within 7 working days of receipt, by ${status.correctionNoticeDue} (art. 30); ${today} is past it`,
    });
    return out;
  }
  const states = f.states as readonly ApplicationState[];
  if (!states.includes(status.state)) {
    const fits = states.map((s) => STATE_LABELS[s].zh).join('、');
    out.push({
      code: 'state-mismatch',
      zh: `该申请当前为「${STATE_LABELS[status.state].zh}」，${name}用于：${fits}`,
      en: `the application is ${STATE_LABELS[status.state].en}; the ${def.id} is for: ${states.map((s) => STATE_LABELS[s].en).join(', ')}`,
    });
  }
  return out;
}
