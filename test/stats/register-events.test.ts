import { describe, expect, it } from 'vitest';
import { BLANK, LOG_HEADER, appendEvents, factsOf, readLogEvents, registerChanges, verifyLog } from '../../forms-lib/stats/index.ts';
import type { Application } from '../../forms-lib/register/types.ts';
import { generateRegister } from './gen.ts';

const T = '2026-03-02T09:00:00+08:00';
const now = () => T;

function app(over: Partial<Application> & { id: string }): Application {
  return { row: 2, receivedOn: '2026-03-02', channel: '当面', applicantType: '自然人', applicant: '李华', request: '某项目的批复', extensionDays: 0, extra: {}, ...over };
}

/** Append the changes to the log and return [events appended, new log rows]. */
function sync(rows: string[][], apps: Application[]): [ReturnType<typeof registerChanges>, string[][]] {
  const changes = registerChanges(apps, readLogEvents(rows), { operator: '张三' });
  return [changes, [...rows, ...appendEvents(rows, changes, { now })]];
}

describe('registerChanges: register state changes as log events', () => {
  it('registers a new application once, with its receipt facts, and closes it when 办理结果 and 答复日期 are filled', () => {
    let [ev, rows] = sync([], [app({ id: 'A' })]);
    expect(ev).toEqual([{ type: 'registered', applicationId: 'A', detail: '收到日期：2026-03-02；申请方式：当面；申请人类型：自然人', operator: '张三' }]);
    // nothing changed: nothing to log, however often it runs
    [ev, rows] = sync(rows, [app({ id: 'A' })]);
    expect(ev).toEqual([]);

    [ev, rows] = sync(rows, [app({ id: 'A', correctionNoticeOn: '2026-03-05' })]);
    expect(ev).toEqual([{ type: 'state-changed', applicationId: 'A', detail: '补正告知日期：2026-03-05', operator: '张三' }]);
    [ev, rows] = sync(rows, [app({ id: 'A', correctionNoticeOn: '2026-03-05', supplementReceivedOn: '2026-03-10', extensionDays: 15 })]);
    expect(ev.map((e) => e.detail)).toEqual(['补正收到日期：2026-03-10；延期：15']);
    // a corrected date: old → new
    [ev, rows] = sync(rows, [app({ id: 'A', correctionNoticeOn: '2026-03-06', supplementReceivedOn: '2026-03-10', extensionDays: 15 })]);
    expect(ev.map((e) => e.detail)).toEqual(['补正告知日期：2026-03-05 → 2026-03-06']);

    const closed = app({ id: 'A', correctionNoticeOn: '2026-03-06', supplementReceivedOn: '2026-03-10', extensionDays: 15, outcome: 'refuse-secret', repliedOn: '2026-04-01' });
    [ev, rows] = sync(rows, [closed]);
    expect(ev).toEqual([{ type: 'closed', applicationId: 'A', outcome: '不予公开/属于国家秘密', detail: '答复日期：2026-04-01', operator: '张三' }]);
    [ev, rows] = sync(rows, [closed]);
    expect(ev).toEqual([]);
    // the outcome corrected: a new closed event
    [ev, rows] = sync(rows, [{ ...closed, outcome: 'partial' }]);
    expect(ev.map((e) => [e.type, e.outcome, e.detail])).toEqual([['closed', '部分公开', '答复日期：2026-04-01']]);
    // reopened (outcome cleared), extension withdrawn
    [ev, rows] = sync(rows, [{ ...closed, outcome: undefined, repliedOn: undefined, extensionDays: 0 }]);
    expect(ev.map((e) => [e.type, e.detail])).toEqual([['state-changed', `延期：15 → ${BLANK}；办理结果：部分公开 → ${BLANK}`]]);
    [ev, rows] = sync(rows, [{ ...closed, outcome: 'partial', extensionDays: 0 }]);
    expect(ev.map((e) => e.type)).toEqual(['closed']);

    expect(verifyLog({ visibility: 'veryHidden', header: [...LOG_HEADER], rows }).ok).toBe(true);
    expect(rows.map((r) => r[3])).toEqual(['registered', 'state-changed', 'state-changed', 'state-changed', 'closed', 'closed', 'state-changed', 'closed']);
  });

  it('records the facts already set when the log first sees an application, and a closed one as registered + closed', () => {
    const ev = registerChanges([app({ id: 'B', consultFrom: '2026-03-04', consultTo: '2026-03-20', outcome: 'disclose', repliedOn: '2026-04-02' })], []);
    expect(ev.map((e) => [e.type, e.detail])).toEqual([
      ['registered', '收到日期：2026-03-02；申请方式：当面；申请人类型：自然人；征求意见起：2026-03-04；征求意见止：2026-03-20'],
      ['closed', '答复日期：2026-04-02'],
    ]);
    expect(ev[1].outcome).toBe('予以公开');
  });

  it('an outcome without 答复日期 is not a closing; form events and free-text details from older logs are ignored', () => {
    const rows = appendEvents([], [
      { type: 'registered', applicationId: 'C', time: T },
      { type: 'form-generated', applicationId: 'C', form: '受理回执', docNo: 'X〔2026〕1号', time: T },
      { type: 'state-changed', applicationId: 'C', detail: '补正收到', time: T },
    ]);
    const ev = registerChanges([app({ id: 'C', outcome: 'disclose' })], readLogEvents(rows));
    // the old registered event carried no 收到日期: it is recorded now
    expect(ev.map((e) => [e.type, e.detail])).toEqual([['state-changed', '收到日期：2026-03-02']]);
  });

  it('records 延期 「是」 as written, so runs with other office settings (15 or 20 days) see no change', () => {
    const [ev, rows] = sync([], [app({ id: 'D', extensionDays: 15, extensionToMax: true })]);
    expect(ev[0].detail).toBe('收到日期：2026-03-02；申请方式：当面；申请人类型：自然人；延期：是');
    expect(sync(rows, [app({ id: 'D', extensionDays: 20, extensionToMax: true })])[0]).toEqual([]);
    expect(sync(rows, [app({ id: 'D', extensionDays: 10 })])[0].map((e) => e.detail)).toEqual(['延期：是 → 10']);
  });

  it('reads back what it wrote', () => {
    expect([...factsOf('收到日期：2026-03-02；延期：15 → （空）；办理结果：部分公开 → 予以公开')]).toEqual([
      ['收到日期', '2026-03-02'],
      ['延期', ''],
      ['办理结果', '予以公开'],
    ]);
    expect(factsOf('')).toEqual(new Map());
  });

  it('on a generated register of 300 applications, one sync leaves nothing for the next', () => {
    const apps = generateRegister({ count: 300, from: '2025-01-01', to: '2026-06-30', seed: 7 });
    const [first, rows] = sync([], apps);
    const closed = apps.filter((a) => a.outcome !== undefined && a.repliedOn !== undefined).length;
    expect(first.filter((e) => e.type === 'registered')).toHaveLength(300);
    expect(first.filter((e) => e.type === 'closed')).toHaveLength(closed);
    expect(first).toHaveLength(300 + closed);
    expect(sync(rows, apps)[0]).toEqual([]);
  });
});
