/** The form type ids (ascii kebab-case), in the order `xxgk form --list` shows them. */
export const FORM_IDS = [
  'receipt',
  'transfer-notice',
  'handling-form',
  'disclosure-decision',
  'refusal-decision',
  'review-form',
  'application-form',
  'correction-notice',
  'extension-notice',
  'third-party-consultation',
  'consultation-confirmation',
  'reply-published',
  'reply-disclose',
  'reply-partial',
  'reply-refuse',
  'reply-not-exist',
  'reply-not-this-office',
  'reply-repeat',
  'reply-special-law',
  'fee-notice',
] as const;

export type FormId = (typeof FORM_IDS)[number];

export const isFormId = (s: string): s is FormId => (FORM_IDS as readonly string[]).includes(s);
