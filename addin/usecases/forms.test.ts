import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LoadedFonts } from '../../forms-lib/pdf/index.ts';
import { readWorkbook } from '../port/file/index.ts';
import { ExtraInputError, acceptedExtras, checkExtras } from '../../forms-lib/templates/definition.ts';
import { MissingInputError, SEED_004_SETTINGS, generateForm, getDefinition, listForms } from '../../forms-lib/templates/index.ts';
import { FormRequestError, generateForms, openApplications } from './forms.ts';
import { RegisterUnreadableError, loadRegister } from './register.ts';

const SAMPLE = new URL('../../test/fixtures/samples/register-sample.xlsx', import.meta.url);
const DEMO_EXTRAS = JSON.parse(readFileSync(new URL('../../test/fixtures/samples/demo-extras.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
const sample = () => readWorkbook(new Uint8Array(readFileSync(SAMPLE)), 'register-sample.xlsx');

describe('checkExtras', () => {
  it('declares fee-notice amount as an amount (printed as text) and the reply dates as dates', () => {
    expect(getDefinition('fee-notice').extras.amount).toMatchObject({ kind: 'amount', type: 'text' });
    expect(getDefinition('reply-repeat').extras.previousReplyOn).toMatchObject({ kind: 'date', type: 'date' });
    expect(getDefinition('correction-notice').extras.supplementDue).toMatchObject({ kind: 'date', type: 'date' });
    expect(listForms().find((f) => f.id === 'fee-notice')!.extras.find((e) => e.key === 'amount')!.type).toBe('text');
  });

  it.each([
    ['100', true], ['100.5', true], ['100.50', true], ['０.５', true], [' 12 ', true],
    ['0', false], ['0.00', false], ['-5', false], ['1.234', false], ['abc', false], ['1e3', false], ['1,000', false], ['.5', false], ['5.', false],
  ])('amount %j ok=%s', (amount, ok) => {
    const p = checkExtras(getDefinition('fee-notice'), { amount });
    expect(p.map((x) => x.code)).toEqual(ok ? [] : ['extra-amount']);
  });

  it('dates: a real YYYY-MM-DD; the impossible and the malformed are told apart; blank is left to the required check', () => {
    const def = getDefinition('reply-repeat');
    expect(checkExtras(def, { previousReplyOn: '2026-10-16' })).toEqual([]);
    expect(checkExtras(def, { previousReplyOn: '2028-02-29' })).toEqual([]);
    expect(checkExtras(def, { previousReplyOn: '2026-02-30' }).map((p) => p.code)).toEqual(['extra-date-impossible']);
    expect(checkExtras(def, { previousReplyOn: '2026/10/16' }).map((p) => p.code)).toEqual(['extra-date-format']);
    expect(checkExtras(def, { previousReplyOn: '' })).toEqual([]);
  });

  it('unknown keys, listing the keys taken; note only where {note} is printed', () => {
    expect(checkExtras(getDefinition('fee-notice'), { bogus: '1' })).toEqual([
      { key: 'bogus', value: '1', code: 'extra-unknown', zh: '不接受 bogus=「1」：没有这个键，可用的键：basis、quantity、amount、payment', en: 'bogus="1" is not taken: no such key; the keys it takes: basis, quantity, amount, payment' },
    ]);
    expect(acceptedExtras(getDefinition('handling-form'))).toEqual(['receiver', 'note']);
    expect(acceptedExtras(getDefinition('receipt'))).toEqual([]);
    expect(acceptedExtras(getDefinition('reply-refuse'))).toEqual(['reasons']);
  });

  it('the demo’s extras all pass', () => {
    for (const [id, extra] of Object.entries(DEMO_EXTRAS)) expect(checkExtras(getDefinition(id), extra), id).toEqual([]);
  });

  it('generateForm refuses them too, as a MissingInputError subclass with a "中文 / English" message', async () => {
    const reg = await loadRegister(sample(), undefined, { today: '2026-11-20' });
    const input = { application: reg.records[7]!, settings: SEED_004_SETTINGS, fonts: {} as LoadedFonts, today: '2026-11-20', usedDocNumbers: [], extra: { basis: '按件', quantity: '12件', payment: '转账', amount: 'abc' } };
    const e = await generateForm('fee-notice', input).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExtraInputError);
    expect(e).toBeInstanceOf(MissingInputError);
    expect((e as Error).message.split(' / ')).toHaveLength(2);
    expect((e as ExtraInputError).field).toBe('extra.amount');
    expect((e as ExtraInputError).zh).toContain('amount=「abc」不是有效的金额');
  });
});

describe('generateForms and openApplications on registers with errors', () => {
  it('a bad extra is a FormRequestError before the register is read', async () => {
    const port = sample();
    const e = await generateForms(port, ['CXSW-2026-008'], { type: 'receipt', settings: SEED_004_SETTINGS as never, fonts: {} as LoadedFonts, today: '2026-11-20', extra: { x: '1' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FormRequestError);
    expect((e as FormRequestError).en).toBe('form "receipt": bad extra input: x="1" is not taken: this form has no extra inputs');
  });

  it('openApplications on the clean sample: the six open ones, none skipped', async () => {
    const r = await openApplications(sample(), '2026-11-20');
    expect(r).toEqual({ ids: ['CXSW-2026-008', 'CXSW-2026-009', 'CXSW-2026-010', 'CXSW-2026-011', 'CXSW-2026-012', 'CXSW-2026-013'], skipped: [] });
  });

  it('a register without a required column throws RegisterUnreadableError', async () => {
    const port = sample();
    const grid = await port.readSheet('申请登记');
    const col = grid.values[1]!.indexOf('申请人') + 1;
    await port.applyEdits('申请登记', [{ row: 2, col, cell: '', expect: '申请人', set: '申请者' }]);
    const e = await openApplications(port, '2026-11-20').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RegisterUnreadableError);
    expect((e as RegisterUnreadableError).zh).toContain('缺少必需的列「申请人」：表头在第 2 行（A2:Y2），其中没有「申请人」；表头中的「申请者」（F2）如是这一列，请改名为「申请人」');
    expect((e as RegisterUnreadableError).issues.map((i) => i.cell)).toEqual(['A2']);
  });
});
