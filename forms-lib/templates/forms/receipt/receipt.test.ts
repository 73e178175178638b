import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { APP, allText, input, standardChecks, words, writePdf } from '../../__tests__/helpers.ts';

describe('receipt 受理回执', () => {
  standardChecks('receipt', {
    provisional: ['答复期限：2027年10月22日（暂定）'],
    expect: [
      '楚雄州商务局政府信息公开受理回执（存根）',
      '楚雄州商务局政府信息公开受理通知书',
      '已于2026年9月28日收悉并登记。在15个工作日内（特殊情况经审批可延长15个工作日）',
      '答复期限：2026年10月23日',
      '联系人：李明',
      '0878-3118125',
      '2026年10月9日',
    ],
  });

  it('puts 存根 and 受理通知书 on one page, one above the cut line, and numbers it 受〔2026〕4号', async () => {
    const r = await generateForm('receipt', input({ usedDocNumbers: ['楚商公开受〔2026〕3号', '楚商公开受〔2025〕9号'] }));
    expect(r.pages).toBe(1);
    expect(r.docNumber).toBe('楚商公开受〔2026〕4号');
    const path = writePdf(r.pdf, 'receipt-halves');
    const ws = words(path);
    const stub = ws.find((w) => w.text.includes('（存根）'));
    const notice = ws.find((w) => w.text.includes('受理通知书'));
    expect(stub?.y).toBeLessThan(148.5);
    expect(notice?.y).toBeGreaterThan(148.5);
    expect(allText(path).split('编号：楚商公开受〔2026〕4号').length).toBe(3);
  });

  it('marks a reply date in a year without a published schedule 「暂定」', async () => {
    const r = await generateForm('receipt', input({ application: { ...APP, receivedOn: '2027-09-28' }, today: '2027-09-28', docNumber: '楚商公开受〔2027〕1号' }));
    expect(r.provisional).toBe(true);
    expect(allText(writePdf(r.pdf, 'receipt-provisional'))).toContain('答复期限：2027年10月22日（暂定）');
  });

  it('shows an extension already granted in the reply date', async () => {
    const r = await generateForm('receipt', input({ application: { ...APP, extensionDays: 15 }, docNumber: '楚商公开受〔2026〕9号' }));
    expect(allText(writePdf(r.pdf, 'receipt-ext'))).toContain('答复期限：2026年11月13日');
  });
});

describe('receipt without contact details in the settings', () => {
  it('leaves 联系人 and 电话 blank for handwriting', async () => {
    const { SEED_004_SETTINGS } = await import('../../index.ts');
    const r = await generateForm('receipt', input({ settings: SEED_004_SETTINGS, usedDocNumbers: [] }));
    expect(r.docNumber).toBe('楚商公开〔2026〕1号');
    expect(allText(writePdf(r.pdf, 'receipt-nocontact'))).toContain('联系人：电话：楚雄州商务局');
  });
});
