/**
 * The event log kept on a very-hidden sheet of the register workbook (issue 4).
 *
 * One row per event: every generated form, every register state change. Rows are chained with
 * SHA-256: each row stores the hash of the row before it (前序哈希) and its own hash (哈希) over a
 * canonical serialisation of its cells and that previous hash. Editing any cell, deleting a row
 * in the middle, reordering rows or replacing the header breaks the chain at a row that
 * verifyLog() names. (Deleting the last rows cannot be seen from the sheet alone: pass the head
 * hash or row count remembered elsewhere, e.g. printed in the last report, as `expectedHead`.)
 *
 * Pure core: the hash is @noble/hashes (pure JS), no Node crypto, no DOM.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Name of the log sheet: very hidden, so only a macro or this tool shows it. */
export const LOG_SHEET = '_xxgk_log';

/** Format tag folded into every hash: a later, different schema cannot verify as this one. */
export const LOG_FORMAT = 'xxgk-log/1';

export interface LogColumn {
  readonly key: LogField;
  /** Header label on the sheet (exact). */
  readonly label: string;
}

export type LogField =
  | 'seq'
  | 'id'
  | 'time'
  | 'type'
  | 'applicationId'
  | 'form'
  | 'docNo'
  | 'outcome'
  | 'operator'
  | 'detail'
  | 'prevHash'
  | 'hash';

/** Sheet columns in order. The header row must be exactly these labels. */
export const LOG_COLUMNS: readonly LogColumn[] = [
  { key: 'seq', label: '序号' },
  { key: 'id', label: '事件编号' },
  { key: 'time', label: '时间' },
  { key: 'type', label: '事件类型' },
  { key: 'applicationId', label: '登记编号' },
  { key: 'form', label: '文书类型' },
  { key: 'docNo', label: '文号' },
  { key: 'outcome', label: '办理结果' },
  { key: 'operator', label: '操作人' },
  { key: 'detail', label: '说明' },
  { key: 'prevHash', label: '前序哈希' },
  { key: 'hash', label: '哈希' },
];

export const LOG_HEADER: readonly string[] = LOG_COLUMNS.map((c) => c.label);
const NCOL = LOG_COLUMNS.length;
const PREV = NCOL - 2;
const HASH = NCOL - 1;

/**
 * Event types. registered: a new register row; form-generated: a 告知书 etc. was produced
 * (form = its type, docNo = its 文号); state-changed: e.g. 补正, 延期, 征求意见 (detail says what);
 * closed: the application was answered (outcome = the register's 办理结果 spelling);
 * catalogue-fixed: fixes were applied to a 主动公开事项目录 sheet (detail = sheet, cell count, rule ids).
 */
export const LOG_EVENT_TYPES = ['registered', 'form-generated', 'state-changed', 'closed', 'catalogue-fixed'] as const;
export type LogEventType = (typeof LOG_EVENT_TYPES)[number];

/** An event as the caller describes it; id and time are filled in when absent. */
export interface LogEventInput {
  readonly id?: string;
  /** ISO 8601 date-time with a zone, e.g. '2025-03-04T09:30:00+08:00'. Default: now, in +08:00. */
  readonly time?: string;
  readonly type: LogEventType;
  /** 登记编号 of the application the event is about. */
  readonly applicationId?: string;
  /** 文书类型, e.g. '补正告知书'. */
  readonly form?: string;
  /** 文号 of the generated form. */
  readonly docNo?: string;
  /** 办理结果 (register spelling) for 'closed'. */
  readonly outcome?: string;
  readonly operator?: string;
  readonly detail?: string;
}

/** An event as stored: every field is text. */
export interface LogEvent {
  readonly seq: number;
  readonly id: string;
  readonly time: string;
  readonly type: string;
  readonly applicationId: string;
  readonly form: string;
  readonly docNo: string;
  readonly outcome: string;
  readonly operator: string;
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
  /** 1-based sheet row. */
  readonly row: number;
}

/** What a WorkbookPort returns for the log sheet (see addin/port/workbook-port.ts). */
export interface LogContent {
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export class LogEventError extends Error {
  readonly field: string;
  readonly zh: string;
  constructor(field: string, zh: string, en: string) {
    super(`${en} (${field})`);
    this.name = 'LogEventError';
    this.field = field;
    this.zh = zh;
  }
}

const TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const HEX64_RE = /^[0-9a-f]{64}$/;

function hashText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The "previous hash" of the first row: binds the chain to the format and the exact header. */
export const GENESIS_HASH: string = hashText(JSON.stringify([LOG_FORMAT, ...LOG_HEADER]));

/**
 * Canonical serialisation of a row for hashing: the format tag, then the cells seq … prevHash
 * (everything but the hash itself) as a JSON array of strings.
 */
export function canonicalRow(cells: readonly string[]): string {
  const parts: string[] = [LOG_FORMAT];
  for (let i = 0; i < HASH; i++) parts.push(cells[i] ?? '');
  return JSON.stringify(parts);
}

export function rowHash(cells: readonly string[]): string {
  return hashText(canonicalRow(cells));
}

/** Now as 'YYYY-MM-DDTHH:MM:SS+08:00' (China Standard Time has no DST). */
export function nowInChina(nowMs: number = Date.now()): string {
  return `${new Date(nowMs + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface AppendOptions {
  /** Clock for events without a time (tests pass a fixed one). */
  readonly now?: () => string;
}

/**
 * The rows to append after `existingRows` (the data rows under the header, as stored) for
 * `events`, chained to the last existing row. Ids left out are derived from the chain
 * ('000042-1a2b3c4d': sequence number and the start of a hash), so they are unique and stable.
 * Throws LogEventError naming the event field for an unknown type, a bad time or a duplicate id.
 * The caller verifies the existing log first (verifyLog) and refuses to extend a broken one.
 */
export function appendEvents(existingRows: readonly (readonly string[])[], events: readonly LogEventInput[], options: AppendOptions = {}): string[][] {
  const rows = trimTrailingBlankRows(existingRows);
  const last = rows[rows.length - 1];
  let prev = last ? (last[HASH] ?? '') : GENESIS_HASH;
  let seq = last ? Number(last[0]) || rows.length : 0;
  const ids = new Set<string>();
  for (const r of rows) if (r[1]) ids.add(r[1]);
  const now = options.now ?? (() => nowInChina());
  const out: string[][] = [];
  events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (!(LOG_EVENT_TYPES as readonly string[]).includes(e.type)) {
      throw new LogEventError(
        `${at}.type`,
        `事件类型「${String(e.type)}」无法识别，应为 ${LOG_EVENT_TYPES.join(' / ')} 之一`,
        `unknown event type ${JSON.stringify(e.type)}; expected one of ${LOG_EVENT_TYPES.join(', ')}`,
      );
    }
    const time = e.time ?? now();
    if (!TIME_RE.test(time) || Number.isNaN(Date.parse(time))) {
      throw new LogEventError(`${at}.time`, `时间「${time}」不是带时区的 ISO 8601 时间`, `time ${JSON.stringify(time)} is not an ISO 8601 date-time with a zone`);
    }
    seq++;
    const cells = [
      String(seq),
      '',
      time,
      e.type,
      e.applicationId ?? '',
      e.form ?? '',
      e.docNo ?? '',
      e.outcome ?? '',
      e.operator ?? '',
      e.detail ?? '',
      prev,
      '',
    ];
    const id = e.id ?? `${String(seq).padStart(6, '0')}-${rowHash(cells).slice(0, 8)}`;
    if (id === '' || ids.has(id)) {
      throw new LogEventError(`${at}.id`, `事件编号「${id}」已在日志中使用`, `event id ${JSON.stringify(id)} is already in the log`);
    }
    ids.add(id);
    cells[1] = id;
    cells[HASH] = rowHash(cells);
    prev = cells[HASH];
    out.push(cells);
  });
  return out;
}

/**
 * Where the log's head (last row number and hash) is remembered, in the workbook's state store
 * (WorkbookPort.readState/writeState): deleting the last rows of a log cannot be seen from the log
 * sheet alone, so every append records the head and every verification asks for it.
 */
export const LOG_HEAD_KEY = (sheet: string): string => `log.head:${sheet}`;

/** The state entry recording `lastRow` (a stored log row) as the head of `sheet`. */
export function headEntry(sheet: string, lastRow: readonly string[]): Record<string, string> {
  return { [LOG_HEAD_KEY(sheet)]: `${lastRow[0]} ${lastRow[HASH]}` };
}

/** The head hash remembered for `sheet` in a workbook's state, or undefined (never recorded). */
export function rememberedHeadIn(state: Readonly<Record<string, string>>, sheet: string): string | undefined {
  const hash = state[LOG_HEAD_KEY(sheet)]?.split(' ')[1];
  return hash && HEX64_RE.test(hash) ? hash : undefined;
}

export interface LogWarning extends Message {
  readonly code: 'log-visible' | 'log-hidden' | 'log-missing-header' | 'log-head-missing';
}

export type LogBreak =
  | 'foreign-header'
  | 'short-row'
  | 'blank-row'
  | 'bad-sequence'
  | 'row-deleted'
  | 'rows-reordered'
  | 'edited'
  | 'chain-broken'
  | 'duplicate-id'
  | 'truncated';

export interface LogVerification {
  /** True when the whole chain holds (warnings do not make it false). */
  readonly ok: boolean;
  /** Data rows checked (excluding the header and trailing blank rows). */
  readonly rowCount: number;
  /** Hash of the last valid row (GENESIS_HASH for an empty log): remember it to detect truncation. */
  readonly head: string;
  /** 1-based sheet row of the first problem (1 = the header). */
  readonly firstBrokenRow?: number;
  readonly code?: LogBreak;
  readonly reason?: Message;
  readonly warnings: readonly LogWarning[];
}

export interface VerifyOptions {
  /** The head hash remembered from an earlier verification: the log must still contain it. */
  readonly expectedHead?: string;
}

function isBlank(r: readonly string[]): boolean {
  return r.every((c) => c === '' || c === undefined || c === null);
}

function trimTrailingBlankRows(rows: readonly (readonly string[])[]): (readonly string[])[] {
  let n = rows.length;
  while (n > 0 && isBlank(rows[n - 1])) n--;
  return rows.slice(0, n);
}

/**
 * Check the log sheet: the exact header, then every row's sequence number, link to the row
 * before and own hash. Reports the first broken row (1-based sheet row; the header is row 1,
 * data rows start at 2) with the likely cause in Chinese and English. A log sheet that is not
 * very hidden still verifies but gets a warning.
 */
export function verifyLog(content: LogContent, options: VerifyOptions = {}): LogVerification {
  const warnings: LogWarning[] = [];
  if (content.visibility === 'visible') {
    warnings.push({ code: 'log-visible', zh: '日志工作表处于可见状态，应为“深度隐藏”（veryHidden）', en: 'the log sheet is visible; it should be very hidden' });
  } else if (content.visibility === 'hidden') {
    warnings.push({ code: 'log-hidden', zh: '日志工作表只是“隐藏”，可在 Excel 中取消隐藏，应为“深度隐藏”（veryHidden）', en: 'the log sheet is only hidden (Excel can unhide it); it should be very hidden' });
  }
  const broken = (row: number, code: LogBreak, zh: string, en: string, rowCount: number, head: string): LogVerification => ({
    ok: false,
    rowCount,
    head,
    firstBrokenRow: row,
    code,
    reason: { zh: `第 ${row} 行：${zh}`, en: `row ${row}: ${en}` },
    warnings,
  });

  const header = content.header;
  const sameHeader = header.length >= NCOL && LOG_HEADER.every((h, i) => (header[i] ?? '').trim() === h) && header.slice(NCOL).every((c) => !c);
  if (!sameHeader) {
    return broken(
      1,
      'foreign-header',
      `表头不是本工具的事件日志表头（应为：${LOG_HEADER.join('、')}），该表可能不是日志或已被改动`,
      `the header is not this tool's event-log header (expected: ${LOG_HEADER.join(', ')}); the sheet is foreign or was altered`,
      0,
      GENESIS_HASH,
    );
  }

  const rows = trimTrailingBlankRows(content.rows);
  let prev = GENESIS_HASH;
  let headSeen = options.expectedHead === undefined || options.expectedHead === GENESIS_HASH;
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const sheetRow = i + 2;
    if (isBlank(r)) {
      return broken(sheetRow, 'blank-row', '空行：日志中间的一行被清空或删除了内容', 'blank row: a row inside the log was cleared', i, prev);
    }
    const hash = r[HASH] ?? '';
    const storedPrev = r[PREV] ?? '';
    if (r.length < NCOL || !HEX64_RE.test(hash) || !HEX64_RE.test(storedPrev)) {
      return broken(sheetRow, 'short-row', '哈希列缺失或已损坏', 'the hash cells are missing or damaged', i, prev);
    }
    for (let k = NCOL; k < r.length; k++) {
      if (r[k] !== '' && r[k] !== undefined && r[k] !== null) {
        return broken(sheetRow, 'edited', `第 ${k + 1} 列有日志之外的内容：有单元格被添加`, `column ${k + 1} holds content outside the log: a cell was added`, i, prev);
      }
    }
    if (rowHash(r) !== hash) {
      return broken(sheetRow, 'edited', '本行内容与其哈希不符：有单元格被修改', "the row's content does not match its hash: a cell was edited", i, prev);
    }
    const seq = r[0];
    const expectedSeq = String(i + 1);
    if (storedPrev !== prev || seq !== expectedSeq) {
      const n = Number(seq);
      if (!/^\d+$/.test(seq)) {
        return broken(sheetRow, 'bad-sequence', `序号「${seq}」不是数字`, `sequence number ${JSON.stringify(seq)} is not a number`, i, prev);
      }
      const laterHasExpected = rows.slice(i + 1).some((x) => x[0] === expectedSeq);
      if (n > i + 1 && !laterHasExpected) {
        return broken(
          sheetRow,
          'row-deleted',
          `序号应为 ${expectedSeq}，实为 ${seq}：本行之前有 ${n - i - 1} 行被删除`,
          `sequence number should be ${expectedSeq}, found ${seq}: ${n - i - 1} row(s) before this one were deleted`,
          i,
          prev,
        );
      }
      if (n !== i + 1) {
        return broken(
          sheetRow,
          'rows-reordered',
          `序号应为 ${expectedSeq}，实为 ${seq}：行的顺序被调换或有重复行`,
          `sequence number should be ${expectedSeq}, found ${seq}: rows were reordered or duplicated`,
          i,
          prev,
        );
      }
      return broken(sheetRow, 'chain-broken', '前序哈希与上一行不符：上一行被替换', 'the previous-hash does not match the row above: that row was replaced', i, prev);
    }
    const id = r[1];
    const dup = ids.get(id);
    if (dup !== undefined) {
      return broken(sheetRow, 'duplicate-id', `事件编号「${id}」与第 ${dup} 行重复`, `event id ${JSON.stringify(id)} repeats row ${dup}`, i, prev);
    }
    ids.set(id, sheetRow);
    prev = hash;
    if (hash === options.expectedHead) headSeen = true;
  }
  if (!headSeen) {
    const row = rows.length + 2;
    return broken(
      row,
      'truncated',
      '日志中找不到上次记下的末行哈希：末尾的行被删除',
      'the head hash remembered earlier is not in the log: rows at the end were deleted',
      rows.length,
      prev,
    );
  }
  return { ok: true, rowCount: rows.length, head: prev, warnings };
}

/**
 * The stored rows as events (no verification: call verifyLog for that). Rows too short to be
 * events and blank rows are skipped.
 */
export function readLogEvents(rows: readonly (readonly string[])[]): LogEvent[] {
  const out: LogEvent[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.length < 4 || isBlank(r)) continue;
    out.push({
      seq: Number(r[0]),
      id: r[1] ?? '',
      time: r[2] ?? '',
      type: r[3] ?? '',
      applicationId: r[4] ?? '',
      form: r[5] ?? '',
      docNo: r[6] ?? '',
      outcome: r[7] ?? '',
      operator: r[8] ?? '',
      detail: r[9] ?? '',
      prevHash: r[10] ?? '',
      hash: r[11] ?? '',
      row: i + 2,
    });
  }
  return out;
}

/** The China-time calendar month ('YYYY-MM') of an event time; '' when the time cannot be read. */
export function eventMonth(time: string): string {
  if (time.length >= 19 && time.endsWith('+08:00')) return time.slice(0, 7);
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 7);
}
