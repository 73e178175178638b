import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../addin/port/file/index.ts';
import { loadRegister } from '../../../addin/usecases/register.ts';
import { getDefinition } from '../registry.ts';
import { formWarnings } from '../warnings.ts';

const SAMPLE = new URL('../../../test/fixtures/samples/register-sample.xlsx', import.meta.url);

async function warningsFor(form: string, id: string, today: string) {
  const reg = await loadRegister(readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), 'register-sample.xlsx'), undefined, { today });
  const i = reg.records.findIndex((r) => r.id === id);
  return formWarnings(getDefinition(form), reg.records[i]!, reg.statuses[i]!, today);
}

describe('formWarnings: what the register says against issuing a document', () => {
  it('nothing for a document that fits, on time', async () => {
    expect(await warningsFor('receipt', 'CXSW-2026-009', '2026-11-20')).toEqual([]);
    expect(await warningsFor('extension-notice', 'CXSW-2026-013', '2026-11-20')).toEqual([]);
    const reg = await loadRegister(readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), 'register-sample.xlsx'), undefined, { today: '2026-12-06' });
    const repliedOn = reg.records.find((r) => r.id === 'CXSW-2026-003')!.repliedOn!;
    expect(await warningsFor('reply-refuse', 'CXSW-2026-003', repliedOn)).toEqual([]);
  });

  it('an extension after the reply limit ran out (第三十三条第二款), or for a closed case', async () => {
    // CXSW-2026-012: received 2026-10-12, 20 working days end on 2026-11-09
    expect(await warningsFor('extension-notice', 'CXSW-2026-012', '2026-12-06')).toEqual([
      {
        code: 'extension-late',
        zh: '延期答复须在答复期限 2026-11-09 届满前告知申请人（条例第三十三条第二款），2026-12-06 已经超过',
        en: 'an extension must be notified before the reply limit of 2026-11-09 runs out (art. 33(2)); 2026-12-06 is past it',
      },
    ]);
    const closed = await warningsFor('extension-notice', 'CXSW-2026-001', '2026-12-06');
    expect(closed.map((w) => w.code)).toEqual(['closed']);
    expect(closed[0].zh).toMatch(/^该申请已于 2026-\d\d-\d\d 办结，不应再出具「政府信息公开申请延期答复告知书」$/);
  });

  it('a 补正告知书 past the 7 working days of 第三十条', async () => {
    // received 2026-10-12: 7 working days end on 2026-10-21
    expect(await warningsFor('correction-notice', 'CXSW-2026-012', '2026-12-06')).toEqual([
      {
        code: 'correction-late',
        zh: '补正告知应在收到申请之日起 7 个工作日内（2026-10-21 前）一次性发出（条例第三十条），2026-12-06 已经超过',
        en: 'a request for correction is due within 7 working days of receipt, by 2026-10-21 (art. 30); 2026-12-06 is past it',
      },
    ]);
  });

  it('a reply made later than the 答复日期 the register records (a reprint under the wrong date)', async () => {
    const w = await warningsFor('reply-refuse', 'CXSW-2026-003', '2026-12-06');
    expect(w.map((x) => x.code)).toEqual(['not-reply-date']);
    expect(w[0].zh).toMatch(/^登记的答复日期为 (2026-\d\d-\d\d)，本文书的成文日期为 2026-12-06：如为补打已发出的文书，请以 \1 作为成文日期$/);
  });

  it('a reply type the recorded 办理结果 contradicts, and a document dated before the application came', async () => {
    const w = await warningsFor('reply-disclose', 'CXSW-2026-003', '2026-12-06');
    expect(w.map((x) => x.code)).toEqual(['outcome-mismatch']);
    expect(w[0].zh).toMatch(/^登记的办理结果为「不予公开\/[^」]+」，与「[^」]+」不符（该文书用于：予以公开）$/);
    expect(await warningsFor('receipt', 'CXSW-2026-003', '2025-01-01')).toEqual([
      { code: 'before-received', zh: '「政府信息公开受理回执」的日期 2025-01-01 早于收到申请的日期 2026-05-06', en: 'the receipt would be dated 2025-01-01, before the application was received on 2026-05-06' },
    ]);
    const open = await warningsFor('reply-disclose', 'CXSW-2026-008', '2026-12-06');
    expect(open.map((x) => x.code)).toEqual(['no-outcome']);
  });
});
