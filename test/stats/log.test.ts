import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  LOG_HEADER,
  LogEventError,
  appendEvents,
  canonicalRow,
  eventMonth,
  nowInChina,
  readLogEvents,
  verifyLog,
} from '../../forms-lib/stats/index.ts';
import type { LogEventInput } from '../../forms-lib/stats/index.ts';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

const EVENTS: LogEventInput[] = [
  { type: 'registered', time: '2025-03-03T09:00:00+08:00', applicationId: '2025-001', operator: '张三' },
  { type: 'form-generated', time: '2025-03-04T10:15:00+08:00', applicationId: '2025-001', form: '补正告知书', docNo: '某政信补〔2025〕1号', operator: '张三' },
  { type: 'state-changed', time: '2025-03-10T08:30:00+08:00', applicationId: '2025-001', detail: '补正收到', operator: '李四' },
  { type: 'form-generated', time: '2025-03-20T16:00:00+08:00', applicationId: '2025-001', form: '答复书', docNo: '某政信答〔2025〕7号', operator: '李四' },
  { type: 'closed', time: '2025-03-20T16:01:00+08:00', applicationId: '2025-001', outcome: '予以公开', operator: '李四' },
  { type: 'registered', time: '2025-04-01T09:00:00+08:00', applicationId: '2025-002', operator: '张三' },
];

function makeLog(): string[][] {
  return appendEvents([], EVENTS);
}

describe('event log: append', () => {
  it('chains rows from the genesis hash of the header, with sequence numbers and derived ids', () => {
    const rows = makeLog();
    expect(rows).toHaveLength(6);
    expect(GENESIS_HASH).toBe(sha(JSON.stringify(['xxgk-log/1', ...LOG_HEADER])));
    expect(rows[0].slice(0, 10)).toEqual(['1', rows[0][1], '2025-03-03T09:00:00+08:00', 'registered', '2025-001', '', '', '', '张三', '']);
    expect(rows[0][10]).toBe(GENESIS_HASH);
    // each row's hash is sha256 of the canonical JSON of its first 11 cells, independently recomputed
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i][11]).toBe(sha(JSON.stringify(['xxgk-log/1', ...rows[i].slice(0, 11)])));
      expect(canonicalRow(rows[i])).toBe(JSON.stringify(['xxgk-log/1', ...rows[i].slice(0, 11)]));
      if (i > 0) expect(rows[i][10]).toBe(rows[i - 1][11]);
      expect(rows[i][0]).toBe(String(i + 1));
      expect(rows[i][1]).toMatch(new RegExp(`^${String(i + 1).padStart(6, '0')}-[0-9a-f]{8}$`));
    }
    expect(rows[1][5]).toBe('补正告知书');
    expect(rows[1][6]).toBe('某政信补〔2025〕1号');
    expect(rows[4][7]).toBe('予以公开');
  });

  it('continues an existing chain and is deterministic', () => {
    const all = makeLog();
    const first = appendEvents([], EVENTS.slice(0, 2));
    const rest = appendEvents(first, EVENTS.slice(2));
    expect([...first, ...rest]).toEqual(all);
    expect(verifyLog({ visibility: 'veryHidden', header: [...LOG_HEADER], rows: [...first, ...rest] }).ok).toBe(true);
  });

  it('fills the time from the clock in China time and refuses bad input, naming the field', () => {
    const rows = appendEvents([], [{ type: 'registered' }], { now: () => '2025-05-01T08:00:00+08:00' });
    expect(rows[0][2]).toBe('2025-05-01T08:00:00+08:00');
    expect(nowInChina(Date.UTC(2025, 0, 31, 20, 0, 0))).toBe('2025-02-01T04:00:00+08:00');
    expect(() => appendEvents([], [{ type: 'printed' as never }])).toThrowError(/events\[0\]\.type/);
    expect(() => appendEvents([], [{ type: 'registered', time: '2025-05-01' }])).toThrowError(LogEventError);
    expect(() => appendEvents([], [{ type: 'registered', time: '2025-05-01 08:00' }])).toThrowError(/events\[0\]\.time/);
    const log = makeLog();
    expect(() => appendEvents(log, [{ type: 'registered', id: log[2][1], time: '2025-05-01T08:00:00Z' }])).toThrowError(/events\[0\]\.id/);
    expect(() => appendEvents([], [{ type: 'registered', id: 'x' }, { type: 'registered', id: 'x' }])).toThrowError(/events\[1\]\.id/);
  });

  it('reads events back with their sheet rows, and buckets times into China months', () => {
    const events = readLogEvents(makeLog());
    expect(events.map((e) => [e.row, e.type, e.form])).toEqual([
      [2, 'registered', ''],
      [3, 'form-generated', '补正告知书'],
      [4, 'state-changed', ''],
      [5, 'form-generated', '答复书'],
      [6, 'closed', ''],
      [7, 'registered', ''],
    ]);
    expect(eventMonth('2025-03-31T23:59:00+08:00')).toBe('2025-03');
    expect(eventMonth('2025-03-31T16:30:00Z')).toBe('2025-04');
    expect(eventMonth('2025-03-31T12:30:00-05:00')).toBe('2025-04');
    expect(eventMonth('2025-03-31T10:00:00-05:00')).toBe('2025-03');
    expect(eventMonth('garbage')).toBe('');
  });
});

describe('event log: verify', () => {
  const content = (rows: string[][], header: string[] = [...LOG_HEADER], visibility: 'visible' | 'hidden' | 'veryHidden' = 'veryHidden') => ({ visibility, header, rows });

  it('accepts an intact log and an empty one', () => {
    const rows = makeLog();
    const v = verifyLog(content(rows));
    expect(v).toEqual({ ok: true, rowCount: 6, head: rows[5][11], warnings: [] });
    expect(verifyLog(content([]))).toEqual({ ok: true, rowCount: 0, head: GENESIS_HASH, warnings: [] });
    // trailing blank rows (a sheet's used range) are not damage
    expect(verifyLog(content([...rows, ['', '', ''], []])).ok).toBe(true);
  });

  it('detects one edited cell at its sheet row', () => {
    for (const [i, col] of [
      [0, 8],
      [2, 9],
      [4, 7],
      [5, 2],
    ] as const) {
      const rows = makeLog();
      rows[i][col] = rows[i][col] + 'x';
      const v = verifyLog(content(rows));
      expect(v.ok).toBe(false);
      expect(v.firstBrokenRow).toBe(i + 2);
      expect(v.code).toBe('edited');
      expect(v.reason?.zh).toBe(`第 ${i + 2} 行：本行内容与其哈希不符：有单元格被修改`);
      expect(v.reason?.en).toBe(`row ${i + 2}: the row's content does not match its hash: a cell was edited`);
      expect(v.rowCount).toBe(i);
    }
  });

  it('detects a cell added to the right of a row', () => {
    const rows = makeLog();
    rows[3] = [...rows[3], '', '备注'];
    expect(verifyLog(content(rows))).toMatchObject({ ok: false, firstBrokenRow: 5, code: 'edited', reason: { zh: '第 5 行：第 14 列有日志之外的内容：有单元格被添加' } });
  });

  it('detects an edited cell whose hash was recomputed, at the next row', () => {
    const rows = makeLog();
    rows[1][6] = '伪造文号';
    rows[1][11] = sha(JSON.stringify(['xxgk-log/1', ...rows[1].slice(0, 11)]));
    const v = verifyLog(content(rows));
    expect([v.ok, v.firstBrokenRow, v.code]).toEqual([false, 4, 'chain-broken']);
  });

  it('detects a deleted row where the gap is', () => {
    const rows = makeLog();
    rows.splice(2, 1); // sheet row 4 (seq 3) deleted
    const v = verifyLog(content(rows));
    expect([v.ok, v.firstBrokenRow, v.code]).toEqual([false, 4, 'row-deleted']);
    expect(v.reason?.zh).toBe('第 4 行：序号应为 3，实为 4：本行之前有 1 行被删除');
    const first = makeLog();
    first.shift();
    expect(verifyLog(content(first)).firstBrokenRow).toBe(2);
  });

  it('detects reordered rows', () => {
    const rows = makeLog();
    [rows[3], rows[4]] = [rows[4], rows[3]];
    const v = verifyLog(content(rows));
    expect([v.ok, v.firstBrokenRow, v.code]).toEqual([false, 5, 'rows-reordered']);
  });

  it('detects a foreign or damaged header at row 1', () => {
    const rows = makeLog();
    const foreign = verifyLog(content(rows, ['日期', '事项', '备注']));
    expect([foreign.ok, foreign.firstBrokenRow, foreign.code]).toEqual([false, 1, 'foreign-header']);
    const renamed = [...LOG_HEADER];
    renamed[6] = '文件编号';
    expect(verifyLog(content(rows, renamed)).firstBrokenRow).toBe(1);
    expect(verifyLog(content([], [])).code).toBe('foreign-header');
  });

  it('detects a cleared row and damaged hash cells', () => {
    const rows = makeLog();
    rows[2] = rows[2].map(() => '');
    expect(verifyLog(content(rows))).toMatchObject({ ok: false, firstBrokenRow: 4, code: 'blank-row' });
    const short = makeLog();
    short[1] = short[1].slice(0, 10);
    expect(verifyLog(content(short))).toMatchObject({ ok: false, firstBrokenRow: 3, code: 'short-row' });
  });

  it('detects truncation at the end only with a remembered head', () => {
    const rows = makeLog();
    const head = verifyLog(content(rows)).head;
    const cut = rows.slice(0, 4);
    expect(verifyLog(content(cut)).ok).toBe(true);
    expect(verifyLog(content(cut), { expectedHead: head })).toMatchObject({ ok: false, firstBrokenRow: 6, code: 'truncated' });
    expect(verifyLog(content(rows), { expectedHead: rows[3][11] }).ok).toBe(true);
  });

  it('warns (without failing) when the log sheet is not very hidden', () => {
    const rows = makeLog();
    const v = verifyLog(content(rows, [...LOG_HEADER], 'visible'));
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.code)).toEqual(['log-visible']);
    expect(v.warnings[0].zh).toContain('veryHidden');
    expect(verifyLog(content(rows, [...LOG_HEADER], 'hidden')).warnings.map((w) => w.code)).toEqual(['log-hidden']);
  });
});
