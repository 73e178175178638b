/**
 * Form definitions: JSON-like objects (wording + layout blocks) checked with zod when a form
 * module is loaded, so a typo in a placeholder or a table wider than the page fails at import,
 * naming the JSON path. One renderer (render.ts) draws every definition.
 *
 * Placeholders in text: `{name}` (required: a missing value is a MissingInputError naming the
 * field) or `{name?}` (optional: empty when missing). Names are the context values of
 * context.ts (`applicant`, `id`, `receivedOn`, `replyDue`, …) or `x.key` for a declared extra
 * input (reasons, responsible office …).
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/index.ts';
import type { ApplicationState, OutcomeId } from '../register/types.ts';
import { MissingInputError, SettingsError } from './errors.ts';
import { FORM_IDS, type FormId } from './ids.ts';
import { describeIssues } from './zodIssues.ts';

/** Context values every form can use (see context.ts for their meaning). */
export const CONTEXT_NAMES = [
  'office', 'self', 'unit', 'officeAddress', 'officePostcode', 'contactPerson', 'contactPhone', 'officeEmail',
  'applicant', 'id', 'receivedOn', 'channel', 'applicantType', 'idType', 'idNumber', 'phone', 'address', 'postcode', 'email',
  'request', 'delivery', 'medium', 'department', 'note',
  'replyDays', 'extensionDays', 'extensionClause', 'replyDue', 'replyDueBase', 'extendedDue', 'grantedExtensionDays',
  'deptDays', 'deptDue', 'supplementDays', 'supplementDue', 'correctionNoticeDue', 'consultDays', 'consultDue', 'feeDays', 'feeDue',
  'refusalReason', 'complaint', 'infoName', 'today', 'year', 'docNumber',
] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

const PLACEHOLDER = /\{([A-Za-z][\w.]*)(\?)?\}/g;

export function placeholders(text: string): { name: string; optional: boolean }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], optional: m[2] === '?' }));
}

const cond = { if: z.string().optional(), unless: z.string().optional() };

const cellSchema = z.strictObject({
  /** mm */
  width: z.number().positive(),
  /** a fixed label (bold-ish centred text) or a value template */
  label: z.string().optional(),
  value: z.string().optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  valign: z.enum(['top', 'middle', 'bottom']).optional(),
  /** long text: when it does not fit at the smallest size it goes to a 续页 with nothing cut */
  long: z.boolean().optional(),
  /** draw the date line (year, month, day blanks) at the bottom right (opinion cells) */
  dateLine: z.boolean().optional(),
  maxSize: z.number().positive().optional(),
});

const rowSchema = z.strictObject({ height: z.number().positive(), cells: z.array(cellSchema).min(1) });

const blockSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('title'), text: z.string().min(1), size: z.number().positive().optional(), ...cond }),
  z.strictObject({ t: z.literal('docNumber'), label: z.string().optional(), align: z.enum(['right', 'center']).optional(), ...cond }),
  z.strictObject({ t: z.literal('para'), text: z.string().min(1), indent: z.number().int().min(0).max(24).optional(), ...cond }),
  z.strictObject({ t: z.literal('remedies'), ...cond }),
  z.strictObject({ t: z.literal('signature'), issuer: z.string().optional(), seal: z.number().positive().optional(), ...cond }),
  z.strictObject({ t: z.literal('cut'), ...cond }),
  z.strictObject({ t: z.literal('gap'), mm: z.number().positive(), ...cond }),
  z.strictObject({ t: z.literal('rules'), count: z.number().int().min(1).max(20), ...cond }),
  z.strictObject({ t: z.literal('table'), rows: z.array(rowSchema).min(1), ...cond }),
]);

/** What an extra input holds; checked before anything is generated (checkExtras). */
export const EXTRA_KINDS = ['text', 'date', 'amount'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];

const extraSchema = z
  .strictObject({
    zh: z.string().min(1),
    en: z.string().min(1),
    required: z.boolean().default(false),
    /**
     * text: as typed; date: a real YYYY-MM-DD, written 2026年3月5日; amount: yuan above 0 with at
     * most 2 decimals (100, 100.50), written as typed
     */
    type: z.enum(EXTRA_KINDS).default('text'),
    default: z.string().optional(),
  })
  // `kind` is what the value must be; `type` how it is printed (an amount is printed as text)
  .transform(({ type, ...e }) => ({ ...e, kind: type, type: type === 'date' ? ('date' as const) : ('text' as const) }));

const definitionSchema = z
  .strictObject({
    id: z.enum(FORM_IDS),
    zh: z.string().min(1),
    /** letter: GB/T 9704 body (16 pt); slip: 存根 + 通知 halves (14 pt); table: a drawn grid */
    kind: z.enum(['letter', 'slip', 'table']),
    needsDocNumber: z.boolean(),
    /** PDF title (metadata); placeholders allowed */
    metaTitle: z.string().min(1),
    /** addressee wording for {addressee} in remedies: 您（单位） or 你（贵单位） */
    addressee: z.string().default('您（单位）'),
    /** how the document calls itself in the remedies clause ({thisDoc}): 本答复 or 本决定 */
    thisDoc: z.string().default('本答复'),
    bodySize: z.number().positive().optional(),
    extras: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), extraSchema).default({}),
    /** which records this form fits (formsFor) */
    fits: z
      .strictObject({
        states: z.array(z.string()).optional(),
        outcomes: z.array(z.string()).optional(),
        channels: z.array(z.string()).optional(),
        always: z.boolean().optional(),
      })
      .default({}),
    blocks: z.array(blockSchema).min(1),
    /** AcroForm field name → template, for an office's fillable PDF; `required` names must exist in it */
    acroFields: z.record(z.string().min(1), z.string()).default({}),
    acroRequired: z.array(z.string()).default([]),
  })
  .superRefine((def, ctx) => {
    const check = (text: string | undefined, path: (string | number)[]) => {
      if (text === undefined) return;
      for (const p of placeholders(text)) {
        const ok = p.name.startsWith('x.') ? p.name.slice(2) in def.extras : (CONTEXT_NAMES as readonly string[]).includes(p.name);
        if (!ok) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `unknown placeholder {${p.name}}`,
            params: { zh: `未知的占位符 {${p.name}}（extras 未声明或不是上下文字段）`, en: `unknown placeholder {${p.name}} (not a context value nor a declared extra)` },
          });
        }
      }
    };
    def.blocks.forEach((b, i) => {
      const base = ['blocks', i];
      for (const key of ['if', 'unless'] as const) if (b[key] !== undefined) check(`{${b[key]}}`, [...base, key]);
      if (b.t === 'title' || b.t === 'para') check(b.text, [...base, 'text']);
      if (b.t === 'signature') check(b.issuer, [...base, 'issuer']);
      if (b.t === 'docNumber') check(b.label, [...base, 'label']);
      if (b.t === 'table') {
        b.rows.forEach((r, j) => {
          const width = r.cells.reduce((s, c) => s + c.width, 0);
          if (Math.abs(width - 156) > 0.01) {
            ctx.addIssue({ code: 'custom', path: [...base, 'rows', j], message: `row width ${width} mm ≠ 156 mm`, params: { zh: `行宽 ${width} 毫米，应为版心宽 156 毫米`, en: `row width ${width} mm, must be the 156 mm text block` } });
          }
          r.cells.forEach((c, k) => {
            check(c.value, [...base, 'rows', j, 'cells', k, 'value']);
            check(c.label, [...base, 'rows', j, 'cells', k, 'label']);
          });
        });
        const height = b.rows.reduce((s, r) => s + r.height, 0);
        if (height > 225) ctx.addIssue({ code: 'custom', path: [...base, 'rows'], message: `table height ${height} mm > 225 mm`, params: { zh: `表格高 ${height} 毫米，超出版心 225 毫米`, en: `table height ${height} mm exceeds the 225 mm text block` } });
      }
    });
    check(def.metaTitle, ['metaTitle']);
    for (const [name, tpl] of Object.entries(def.acroFields)) check(tpl, ['acroFields', name]);
    def.acroRequired.forEach((n, i) => {
      if (!(n in def.acroFields)) ctx.addIssue({ code: 'custom', path: ['acroRequired', i], message: `${n} is not in acroFields`, params: { zh: `${n} 不在 acroFields 中`, en: `${n} is not in acroFields` } });
    });
  });

export type FormDefinitionInput = z.input<typeof definitionSchema>;
export type FormDefinition = z.output<typeof definitionSchema> & {
  readonly fits: { states?: ApplicationState[]; outcomes?: OutcomeId[]; channels?: string[]; always?: boolean };
};
export type Block = FormDefinition['blocks'][number];
export type TableRow = z.output<typeof rowSchema>;
export type TableCell = z.output<typeof cellSchema>;

/** Validates a definition at load; throws SettingsError naming `$.blocks[3].text` etc. */
export function defineForm(input: FormDefinitionInput & { id: FormId }): FormDefinition {
  const r = definitionSchema.safeParse(input);
  if (!r.success) throw new SettingsError(`文书定义「${String((input as { id?: unknown }).id)}」`, `form definition "${String((input as { id?: unknown }).id)}"`, describeIssues(r.error));
  return r.data as FormDefinition;
}

/** One problem with the extra inputs given for a form: the key, the value as given, zh + en. */
export interface ExtraProblem {
  readonly key: string;
  readonly value: string;
  readonly code: 'extra-unknown' | 'extra-date-format' | 'extra-date-impossible' | 'extra-amount';
  readonly zh: string;
  readonly en: string;
}

/** Every text a definition fills (blocks, conditions, metadata title, fillable-PDF fields). */
function templatesOf(def: FormDefinition): string[] {
  const out: string[] = [def.metaTitle, ...Object.values(def.acroFields)];
  for (const b of def.blocks) {
    for (const key of ['if', 'unless'] as const) if (b[key] !== undefined) out.push(`{${b[key]}}`);
    if (b.t === 'title' || b.t === 'para') out.push(b.text);
    if (b.t === 'signature' && b.issuer !== undefined) out.push(b.issuer);
    if (b.t === 'docNumber' && b.label !== undefined) out.push(b.label);
    if (b.t === 'table') for (const r of b.rows) for (const c of r.cells) out.push(c.value ?? '', c.label ?? '');
  }
  return out;
}

/**
 * The extra keys a form takes: those it declares, and `note` where its wording shows {note}
 * (the 备注 of the register row, which an extra may replace).
 */
export function acceptedExtras(def: FormDefinition): string[] {
  const keys = Object.keys(def.extras);
  const usesNote = templatesOf(def).some((t) => placeholders(t).some((p) => p.name === 'note'));
  return usesNote && !keys.includes('note') ? [...keys, 'note'] : keys;
}

const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Check the extra inputs given for a form: every key must be one it takes, a date a real
 * YYYY-MM-DD, an amount a number of yuan above 0 with at most 2 decimals. Blank values are left
 * to the required-input check. Pure; returns every problem, in the order given.
 */
export function checkExtras(def: FormDefinition, extra: Readonly<Record<string, string>> | undefined): ExtraProblem[] {
  const accepted = acceptedExtras(def);
  const problems: ExtraProblem[] = [];
  for (const [key, raw] of Object.entries(extra ?? {})) {
    const value = String(raw);
    const shown = value.trim();
    if (!accepted.includes(key)) {
      problems.push({
        key, value, code: 'extra-unknown',
        zh: accepted.length ? `不接受 ${key}=「${shown}」：没有这个键，可用的键：${accepted.join('、')}` : `不接受 ${key}=「${shown}」：本文书没有额外输入`,
        en: accepted.length ? `${key}="${shown}" is not taken: no such key; the keys it takes: ${accepted.join(', ')}` : `${key}="${shown}" is not taken: this form has no extra inputs`,
      });
      continue;
    }
    const spec = def.extras[key];
    if (!spec || shown === '') continue;
    if (spec.kind === 'date' && !isIsoDate(shown)) {
      const impossible = DATE_SHAPE.test(shown);
      problems.push({
        key, value, code: impossible ? 'extra-date-impossible' : 'extra-date-format',
        zh: `${key}=「${shown}」${impossible ? '不是存在的日期' : '不是日期'}（${spec.zh}，应写作 YYYY-MM-DD，如 2026-10-16）`,
        en: `${key}="${shown}" is ${impossible ? 'not a real date' : 'not a date'} (${spec.en}; write YYYY-MM-DD, e.g. 2026-10-16)`,
      });
    } else if (spec.kind === 'amount') {
      const n = shown.normalize('NFKC');
      if (!AMOUNT.test(n) || !(Number(n) > 0)) {
        problems.push({
          key, value, code: 'extra-amount',
          zh: `${key}=「${shown}」不是有效的金额（${spec.zh}，应为大于 0 的数，最多两位小数，如 100 或 100.50）`,
          en: `${key}="${shown}" is not a valid amount (${spec.en}; a number above 0 with at most 2 decimals, e.g. 100 or 100.50)`,
        });
      }
    }
  }
  return problems;
}

/** The message for the problems checkExtras found: zh, en (no " / " inside either). */
export function extrasMessage(def: FormDefinition, problems: readonly ExtraProblem[]): { zh: string; en: string } {
  return {
    zh: `「${def.zh}」的额外输入有误：${problems.map((p) => p.zh).join('；')}`,
    en: `form "${def.id}": bad extra input: ${problems.map((p) => p.en).join('; ')}`,
  };
}

/**
 * Extra inputs that are unknown to the form or not of their kind (checkExtras). A
 * MissingInputError, so every host that reports a missing input reports this one too; its
 * message is "中文 / English" with the key and the value.
 */
export class ExtraInputError extends MissingInputError {
  readonly problems: readonly ExtraProblem[];
  readonly zh: string;
  readonly en: string;
  constructor(def: FormDefinition, problems: readonly ExtraProblem[]) {
    const first = problems[0]?.key ?? '';
    super(def.zh, `extra.${first}`, first);
    const m = extrasMessage(def, problems);
    this.message = `${m.zh} / ${m.en}`;
    this.name = 'ExtraInputError';
    this.problems = problems;
    this.zh = m.zh;
    this.en = m.en;
  }
}
