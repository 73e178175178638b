/** All form definitions, by id. Each is validated when its module loads (defineForm). */
import type { FormDefinition } from './definition.ts';
import { UnknownFormError } from './errors.ts';
import { FORM_IDS, isFormId, type FormId } from './ids.ts';
import receipt from './forms/receipt/definition.ts';

const DEFINITIONS: Partial<Record<FormId, FormDefinition>> = {
  receipt,
};

export function getDefinition(type: string): FormDefinition {
  const def = isFormId(type) ? DEFINITIONS[type] : undefined;
  if (!def) throw new UnknownFormError(String(type), FORM_IDS.filter((id) => DEFINITIONS[id]));
  return def;
}

export function allDefinitions(): FormDefinition[] {
  return FORM_IDS.flatMap((id) => (DEFINITIONS[id] ? [DEFINITIONS[id]] : []));
}
