/** All form definitions, by id. Each is validated when its module loads (defineForm). */
import type { FormDefinition } from './definition.ts';
import { UnknownFormError } from './errors.ts';
import { FORM_IDS, isFormId, type FormId } from './ids.ts';
import receipt from './forms/receipt/definition.ts';
import transferNotice from './forms/transfer-notice/definition.ts';
import handlingForm from './forms/handling-form/definition.ts';
import disclosureDecision from './forms/disclosure-decision/definition.ts';
import refusalDecision from './forms/refusal-decision/definition.ts';
import reviewForm from './forms/review-form/definition.ts';
import applicationForm from './forms/application-form/definition.ts';
import correctionNotice from './forms/correction-notice/definition.ts';
import extensionNotice from './forms/extension-notice/definition.ts';
import thirdPartyConsultation from './forms/third-party-consultation/definition.ts';
import consultationConfirmation from './forms/consultation-confirmation/definition.ts';
import replyPublished from './forms/reply-published/definition.ts';
import replyDisclose from './forms/reply-disclose/definition.ts';
import replyPartial from './forms/reply-partial/definition.ts';
import replyRefuse from './forms/reply-refuse/definition.ts';
import replyNotExist from './forms/reply-not-exist/definition.ts';
import replyNotThisOffice from './forms/reply-not-this-office/definition.ts';
import replyRepeat from './forms/reply-repeat/definition.ts';
import replySpecialLaw from './forms/reply-special-law/definition.ts';
import feeNotice from './forms/fee-notice/definition.ts';

const DEFINITIONS: Record<FormId, FormDefinition> = {
  'receipt': receipt,
  'transfer-notice': transferNotice,
  'handling-form': handlingForm,
  'disclosure-decision': disclosureDecision,
  'refusal-decision': refusalDecision,
  'review-form': reviewForm,
  'application-form': applicationForm,
  'correction-notice': correctionNotice,
  'extension-notice': extensionNotice,
  'third-party-consultation': thirdPartyConsultation,
  'consultation-confirmation': consultationConfirmation,
  'reply-published': replyPublished,
  'reply-disclose': replyDisclose,
  'reply-partial': replyPartial,
  'reply-refuse': replyRefuse,
  'reply-not-exist': replyNotExist,
  'reply-not-this-office': replyNotThisOffice,
  'reply-repeat': replyRepeat,
  'reply-special-law': replySpecialLaw,
  'fee-notice': feeNotice,
};

export function getDefinition(type: string): FormDefinition {
  const def = isFormId(type) ? DEFINITIONS[type] : undefined;
  if (!def) throw new UnknownFormError(String(type), FORM_IDS.filter((id) => DEFINITIONS[id]));
  return def;
}

export function allDefinitions(): FormDefinition[] {
  return FORM_IDS.flatMap((id) => (DEFINITIONS[id] ? [DEFINITIONS[id]] : []));
}
