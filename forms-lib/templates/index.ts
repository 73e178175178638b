/**
 * forms-lib/templates: the official 依申请公开 documents as PDFs, filled from an application
 * record (forms-lib/register) with office settings. Pure core: bytes in, bytes out.
 *
 *   const settings = parseSettings(officeJson);                       // zod; errors name $.path
 *   const fonts = loadFormFonts({ primary: subsetTtf, fallbacks: [fullNotoTtf], settings });
 *   const { pdf, docNumber } = await generateForm('reply-refuse', { application, settings, fonts, today: '2026-10-09', usedDocNumbers });
 */
import type { ApplicationState, Application } from '../register/types.ts';
import { allDefinitions } from './registry.ts';
import type { FormId } from './ids.ts';

export { FORM_IDS, isFormId, type FormId } from './ids.ts';
export { generateForm, generateBatch, loadFormFonts, type GenerateInput, type GeneratedForm, type GeneratedBatch, type BatchRecord } from './generate.ts';
export { parseSettings, parseCalendarSettings, remediesFor, docPatternFor, DEFAULT_REMEDIES, type OfficeSettings, type OfficeSettingsInput, type CalendarSettings } from './settings.ts';
export { officeCalendar } from './officeCalendar.ts';
export { allocateDocNumber, findIssued, formatDocNumber, readDocNumber, parseDocNumberPattern, type IssuedDocNumber, type AllocateInput } from './docNumber.ts';
export { MissingInputError, SettingsError, DocNumberNotUsedError, DocNumberPatternError, DocNumberTakenError, UnknownFormError, FillableFieldError } from './errors.ts';
export { defineForm, type FormDefinition, type FormDefinitionInput } from './definition.ts';
export { REFUSAL_REASONS, CONTEXT_LABELS } from './context.ts';
export { getDefinition } from './registry.ts';
export { SEED_004_SETTINGS } from './samples.ts';
export { formWarnings, STATE_LABELS, type FormWarning } from './warnings.ts';

export interface FormInfo {
  readonly id: FormId;
  /** Chinese name, e.g. 政府信息公开受理回执 */
  readonly zh: string;
  readonly needsDocNumber: boolean;
  readonly kind: 'letter' | 'slip' | 'table';
  /** extra inputs the form takes (key → Chinese label, required); `type` the input widget, `valueKind` what the value is checked as */
  readonly extras: readonly { key: string; zh: string; en: string; required: boolean; type: 'text' | 'date'; valueKind: 'text' | 'date' | 'amount' }[];
}

/** Every form type, in `xxgk form --list` order. */
export function listForms(): FormInfo[] {
  return allDefinitions().map((d) => ({
    id: d.id,
    zh: d.zh,
    needsDocNumber: d.needsDocNumber,
    kind: d.kind,
    extras: Object.entries(d.extras).map(([key, e]) => ({ key, zh: e.zh, en: e.en, required: e.required, type: e.type, valueKind: e.kind })),
  }));
}

/** Same as listForms(), as a constant snapshot. */
export const FORM_TYPES: readonly FormInfo[] = listForms();

/**
 * The forms that fit a record in its current state: the intake forms always; 补正 / 延期 /
 * 征求意见 / 收费 while it is open; the reply letters and decisions that match its 办理结果
 * once it has one; the 申请表 for an application made in person (oral, written down by staff).
 */
export function formsFor(app: Application, status: ApplicationState): FormId[] {
  return allDefinitions()
    .filter((d) => {
      const f = d.fits;
      if (f.channels && !f.channels.includes(app.channel)) return false;
      if (f.always) return true;
      if (f.outcomes && app.outcome && f.outcomes.includes(app.outcome)) return true;
      if (f.states && f.states.includes(status) && !(status === 'closed')) return true;
      return false;
    })
    .map((d) => d.id);
}
