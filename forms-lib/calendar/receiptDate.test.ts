import { describe, expect, it } from 'vitest';
import { type ReceiptInput, receiptDate } from './receiptDate.ts';

describe('receiptDate (第三十一条)', () => {
  const all = { submittedOn: '2026-09-25', signedForOn: '2026-09-26', confirmedOn: '2026-09-28' };

  it.each([
    ['当面', '2026-09-25', 'submittedOn'],
    ['邮寄', '2026-09-26', 'signedForOn'],
    ['平常信函', '2026-09-28', 'confirmedOn'],
    ['网络', '2026-09-28', 'confirmedOn'],
    ['传真', '2026-09-28', 'confirmedOn'],
    ['电子邮件', '2026-09-28', 'confirmedOn'],
  ] as const)('%s → %s (from %s)', (channel, date, field) => {
    expect(receiptDate({ channel, ...all })).toMatchObject({ ok: true, date, field });
  });

  it.each([
    [{ channel: '当面' }, 'missing-field', 'submittedOn', /当面提交的申请须填写提交日期 \(submittedOn\)/],
    [{ channel: '邮寄', submittedOn: '2026-09-25' }, 'missing-field', 'signedForOn', /签收日期 \(signedForOn\)/],
    [{ channel: '网络', submittedOn: '2026-09-25' }, 'missing-field', 'confirmedOn', /确认日期 \(confirmedOn\)/],
    [{ channel: '传真', confirmedOn: '' }, 'missing-field', 'confirmedOn', /confirmedOn/],
    [{ channel: '邮寄', signedForOn: '2026/09/26' }, 'invalid-date', 'signedForOn', /"2026\/09\/26" 不是有效日期/],
    [{ channel: '快递' }, 'unknown-channel', 'channel', /"快递" 无法识别/],
  ])('%j → %s on %s', (input, code, field, message) => {
    const r = receiptDate(input as ReceiptInput);
    expect(r).toMatchObject({ ok: false, code, field });
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it("does not accept inherited keys as channels ('toString')", () => {
    expect(receiptDate({ channel: 'toString' } as never)).toMatchObject({ ok: false, code: 'unknown-channel' });
  });
});
