/** Errors of forms-lib/templates: Chinese first, English second, each naming the field or JSON path. */

/** A required input for a form is missing (the applicant, a reason, the 文号 …). */
export class MissingInputError extends Error {
  readonly field: string;
  readonly form: string;
  constructor(form: string, field: string, zhLabel: string) {
    super(`「${form}」缺少必填项「${zhLabel}」（${field}） / form "${form}" is missing the required input "${field}" (${zhLabel})`);
    this.name = 'MissingInputError';
    this.field = field;
    this.form = form;
  }
}

/** Office settings or a form definition did not validate; `path` is the JSON path of the first problem. */
export class SettingsError extends Error {
  readonly issues: { path: string; zh: string; en: string }[];
  constructor(whatZh: string, whatEn: string, issues: { path: string; zh: string; en: string }[]) {
    const lines = issues.map((i) => `${i.path}: ${i.zh} / ${i.en}`);
    super(`${whatZh}无效 / invalid ${whatEn}:\n${lines.join('\n')}`);
    this.name = 'SettingsError';
    this.issues = issues;
  }
}

/** A 文号 pattern that cannot number documents. */
export class DocNumberPatternError extends Error {
  readonly pattern: string;
  constructor(pattern: string, zh: string, en: string) {
    super(`文号格式「${pattern}」无效：${zh} / invalid document-number pattern "${pattern}": ${en}`);
    this.name = 'DocNumberPatternError';
    this.pattern = pattern;
  }
}

/** A 文号 that an issued document (any type) already carries: 文号 are never reused. */
export class DocNumberTakenError extends Error {
  readonly docNumber: string;
  /** the form type of the entry that carries it, when the log says */
  readonly issuedFor?: string;
  constructor(form: string, docNumber: string, issuedFor?: { zh: string; id: string }) {
    const zhFor = issuedFor ? `（已用于「${issuedFor.zh}」）` : '';
    const enFor = issuedFor ? ` (by a ${issuedFor.id})` : '';
    super(
      `「${form}」的文号「${docNumber}」已使用${zhFor}，不得重号；请换一个文号，或不指定文号由系统按已用文号自动编号 / ` +
        `form "${form}": document number "${docNumber}" was already issued${enFor} and is never reused; give another one, or none to have the next free number allocated`,
    );
    this.name = 'DocNumberTakenError';
    this.docNumber = docNumber;
    this.issuedFor = issuedFor?.id;
  }
}

/** A 文号 given for a form that carries none (it would be logged though never printed). */
export class DocNumberNotUsedError extends Error {
  constructor(form: string, docNumber: string) {
    super(`「${form}」不编文号，不能指定文号「${docNumber}」 / form "${form}" carries no document number; "${docNumber}" cannot be given for it`);
    this.name = 'DocNumberNotUsedError';
  }
}

/** An unknown form type id. */
export class UnknownFormError extends Error {
  constructor(type: string, known: readonly string[]) {
    super(`未知的文书类型「${type}」，可用：${known.join('、')} / unknown form type "${type}"; known: ${known.join(', ')}`);
    this.name = 'UnknownFormError';
  }
}

/** The office's fillable PDF lacks a field this form fills. */
export class FillableFieldError extends Error {
  readonly missing: string[];
  readonly available: string[];
  constructor(form: string, missing: string[], available: string[]) {
    super(
      `「${form}」的表单底版缺少字段：${missing.join('、')}；底版现有字段：${available.join('、') || '（无）'} / ` +
        `the fillable PDF for "${form}" lacks the fields ${missing.join(', ')}; it has: ${available.join(', ') || '(none)'}`,
    );
    this.name = 'FillableFieldError';
    this.missing = missing;
    this.available = available;
  }
}
