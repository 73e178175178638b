import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkResidentId, creditCodeCheckChar, residentIdCheckChar } from './identity.ts';

describe('checkResidentId (GB 11643)', () => {
  it.each([
    // The two examples printed in GB 11643-1999 itself.
    ['11010519491231002X', '11010519491231002X'],
    ['440524188001010014', '440524188001010014'],
    // Lower-case x, spaces and full-width digits as typed by hand.
    ['11010519491231002x', '11010519491231002X'],
    [' 110105 19491231 002X ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    // 楚雄市, born on a leap day.
    ['532301200002290668', '532301200002290668'],
  ])('%s is valid', (raw, value) => {
    expect(checkResidentId(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['110105194912310021', 'resident-id-check-digit', 'X'],
    ['440524188001010015', 'resident-id-check-digit', '4'],
    ['532301198803140214', 'resident-id-check-digit', '3'],
    ['110105491231002', 'resident-id-format', undefined],
    ['11010519491231002Y', 'resident-id-format', undefined],
    ['1101051949123100211', 'resident-id-format', undefined],
    ['991051194912310023', 'resident-id-region', undefined],
    ['532301202602300660', 'resident-id-birth-date', undefined],
    ['532301199913010660', 'resident-id-birth-date', undefined],
  ])('%s → %s', (raw, code, expected) => {
    const r = checkResidentId(raw);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code, ...(expected ? { expected } : {}) });
  });

  it('computes the check character of the first 17 digits', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
});

describe('checkCreditCode (GB 32100)', () => {
  it.each([
    // The example used in GB 32100 guidance and the 国家企业信用信息公示系统 documentation.
    '91350100M000100Y43',
    '91110000600037341L',
    '91532301MA6K3L8P1' + creditCodeCheckChar('91532301MA6K3L8P1'),
    '91350100m000100y43',
  ])('%s is valid', (raw) => {
    expect(checkCreditCode(raw)).toEqual({ ok: true, value: raw.toUpperCase() });
  });

  it.each([
    ['91350100M000100Y44', 'credit-code-check-char', '3'],
    ['911100001000011199', 'credit-code-check-char', 'K'],
    ['91350100M000100Y4', 'credit-code-format', undefined],
    ['91350100M00O100Y43', 'credit-code-format', undefined], // letter O is not in the set
    ['91350100I000100Y43', 'credit-code-format', undefined], // nor I
    ['Z1350100M000100Y43', 'credit-code-format', undefined], // no registering authority Z
    ['913501A0M000100Y43', 'credit-code-format', undefined], // division code must be digits
  ])('%s → %s', (raw, code, expected) => {
    const r = checkCreditCode(raw);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code, ...(expected ? { expected } : {}) });
  });
});
