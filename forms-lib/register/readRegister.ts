/**
 * readRegister: the 申请登记 sheet (a Grid) → typed Application records + cell-addressed issues.
 * Pure: takes plain data, returns plain data.
 *
 * - Header: the row (among the first 30) matching the most contract labels (whitespace inside a
 *   label and a leading/trailing * are ignored), so title rows above it are fine. Columns not in
 *   the contract are kept per record in `extra`. A missing required column is an error naming it,
 *   the header row's cells (A2:Y2) and a look-alike label there (收件日期 for 收到日期), and no row
 *   is read; a missing optional one a warning.
 * - Rows: every row below the header whose contract cells are not all blank. A row with an error
 *   in a field the deadlines or statistics depend on (登记编号, dates, 申请方式, 申请人类型, 申请人,
 *   所需信息, 延期, 办理结果) is reported and left out of `records`; errors in the other columns
 *   (e.g. a wrong 证件号码 check digit: NON_BLOCKING) and warnings keep the row, so the annual
 *   statistics still count it while the issue asks for a correction. `rejected` keeps the
 *   登记编号 of each row left out, so a lookup by 登记编号 can name that row's errors.
 */
import type { IsoDate } from '../calendar/index.ts';
import { STATUTORY_RULES, type DeadlineRules } from '../calendar/index.ts';
import { parseRegisterDate } from './dates.ts';
import { DELIVERY_METHODS, idKindOf, parseApplicantType, parseChannel, parseOutcome, vocabKey } from './enums.ts';
import { checkCreditCode, checkResidentId } from './identity.ts';
import { type Application, type RegisterColumn, type RegisterIssue, REGISTER_COLUMNS, REGISTER_SHEET } from './types.ts';

type Scalar = string | number | boolean | null;

/** The part of a Grid (addin/catalogue/grid.ts) the register needs; any Grid satisfies it. */
export interface RegisterGrid {
  readonly sheet: string;
  /** values[r - 1][c - 1] is the cell at 1-based (r, c). */
  readonly values: readonly (readonly Scalar[] | undefined)[];
  /** Cells that were not plain constants, keyed by A1 address (a date-formatted cell has kind 'date' and its iso). */
  readonly special?: Readonly<Record<string, { readonly kind: string; readonly iso?: string; readonly error?: string }>>;
}

export interface ReadRegisterOptions {
  /** Office rules: 延期 '是' means rules.maxExtensionDays; a longer extension is an error. */
  readonly rules?: DeadlineRules;
  /** The workbook uses the 1904 date system (old Mac files); applies to bare serial numbers. */
  readonly date1904?: boolean;
}

export interface RegisterHeaderColumn {
  readonly col: number;
  /** The label as written in the sheet. */
  readonly label: string;
  /** The contract column it matched, or null for an extra column. */
  readonly column: RegisterColumn | null;
}

export interface RegisterRead {
  readonly sheet: string;
  /** null when no header row was found (then there is an issue 'header-not-found'). */
  readonly header: { readonly row: number; readonly columns: readonly RegisterHeaderColumn[] } | null;
  readonly records: Application[];
  readonly issues: RegisterIssue[];
  /** Rows with data that were left out of `records` because of errors. */
  readonly rejectedRows: number[];
  /** The same rows with their 登记编号 when it could be read (so a lookup by id can name the row). */
  readonly rejected: RejectedRow[];
}

/** A row left out of `records`: its sheet row and its 登记编号, when the cell holds one. */
export interface RejectedRow {
  readonly row: number;
  readonly id?: string;
}

/**
 * Columns whose errors are reported but keep the row in `records` (the value as typed, normalised):
 * nothing the deadlines or the statistics depend on. An error anywhere else leaves the row out.
 */
export const NON_BLOCKING: ReadonlySet<string> = new Set<RegisterColumn>(['证件类型', '证件号码', '联系电话', '通信地址', '邮政编码', '电子邮箱', '获取方式', '载体形式', '承办科室', '备注']);

/**
 * Errors that keep the row as an open application: 办理结果 without 答复日期, or the other way
 * round. The application was received all the same (表三 row 一 counts it); it is not closed until
 * both are filled, and no document is made from the row until it is corrected.
 */
export const HALF_CLOSED: ReadonlySet<string> = new Set(['reply-date-missing', 'outcome-missing']);

/** Columns without which no record can be read or closed. */
export const REQUIRED_COLUMNS: readonly RegisterColumn[] = ['登记编号', '收到日期', '申请方式', '申请人类型', '申请人', '所需信息', '办理结果', '答复日期'];

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

function labelKey(v: Scalar): string {
  if (typeof v !== 'string') return '';
  return v.normalize('NFKC').replace(/\s+/g, '').replace(/^\*+|\*+$/g, '');
}

function text(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
}

const HEADER_SCAN_ROWS = 30;
const HEADER_MIN_MATCHES = 4;

function findHeader(grid: RegisterGrid): { row: number; columns: RegisterHeaderColumn[]; dup: { col: number; label: string }[] } | null {
  let best: { row: number; hits: number } | null = null;
  const n = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 1; r <= n; r++) {
    const cells = grid.values[r - 1] ?? [];
    let hits = 0;
    for (const v of cells) if ((REGISTER_COLUMNS as readonly string[]).includes(labelKey(v))) hits++;
    if (hits >= HEADER_MIN_MATCHES && (best === null || hits > best.hits)) best = { row: r, hits };
  }
  if (!best) return null;
  const cells = grid.values[best.row - 1] ?? [];
  const columns: RegisterHeaderColumn[] = [];
  const seen = new Set<string>();
  const dup: { col: number; label: string }[] = [];
  cells.forEach((v, i) => {
    const label = text(v);
    if (label === '') return;
    const key = labelKey(v);
    const isContract = (REGISTER_COLUMNS as readonly string[]).includes(key);
    if (isContract && seen.has(key)) {
      dup.push({ col: i + 1, label });
      return;
    }
    if (isContract) seen.add(key);
    columns.push({ col: i + 1, label, column: isContract ? (key as RegisterColumn) : null });
  });
  return { row: best.row, columns, dup };
}

/** Read and check the register sheet. */
export function readRegister(grid: RegisterGrid, options: ReadRegisterOptions = {}): RegisterRead {
  const sheet = grid.sheet || REGISTER_SHEET;
  const maxExtension = (options.rules ?? STATUTORY_RULES).maxExtensionDays;
  const issues: RegisterIssue[] = [];
  let errorCount = 0;
  const issue = (severity: RegisterIssue['severity'], row: number, col: number, column: string, code: string, zh: string, en: string): void => {
    issues.push({ severity, sheet, row, col, cell: a1(row, col), column, code, zh, en });
    if (severity === 'error' && !NON_BLOCKING.has(column) && !HALF_CLOSED.has(code)) errorCount++;
  };

  const header = findHeader(grid);
  if (!header) {
    issue('error', 1, 1, '', 'header-not-found',
      `找不到表头行：前 ${HEADER_SCAN_ROWS} 行中没有一行包含至少 ${HEADER_MIN_MATCHES} 个登记表列名（${REGISTER_COLUMNS.slice(0, 5).join('、')}…）。`,
      `No header row: none of the first ${HEADER_SCAN_ROWS} rows has at least ${HEADER_MIN_MATCHES} register column labels (${REGISTER_COLUMNS.slice(0, 5).join(', ')}…).`);
    return { sheet, header: null, records: [], issues, rejectedRows: [], rejected: [] };
  }
  const hr = header.row;
  const colOf = new Map<RegisterColumn, number>();
  for (const c of header.columns) if (c.column) colOf.set(c.column, c.col);
  const lastCol = Math.max(0, ...header.columns.map((c) => c.col), ...header.dup.map((d) => d.col));
  for (const d of header.dup) {
    issue('error', hr, d.col, d.label, 'column-duplicate',
      `表头「${d.label}」重复出现，第一个在 ${a1(hr, colOf.get(labelKey(d.label) as RegisterColumn) ?? 1)}；请删除或改名。`,
      `Header "${d.label}" appears twice (first at ${a1(hr, colOf.get(labelKey(d.label) as RegisterColumn) ?? 1)}); remove or rename one.`);
  }
  // a missing column is named with the header row as it is (its first to last cell), and with a
  // label there that matches no column but looks like it (收件日期 for 收到日期: a renamed header)
  const firstCol = Math.min(...header.columns.map((c) => c.col));
  const span = firstCol === lastCol ? a1(hr, firstCol) : `${a1(hr, firstCol)}:${a1(hr, lastCol)}`;
  const lookalikes = (name: string): RegisterHeaderColumn[] =>
    header.columns.filter((c) => c.column === null && [...new Set(labelKey(c.label))].filter((ch) => name.includes(ch)).length >= Math.min(2, name.length));
  let missingRequired = false;
  REGISTER_COLUMNS.forEach((name) => {
    if (colOf.has(name)) return;
    const required = REQUIRED_COLUMNS.includes(name);
    missingRequired ||= required;
    const like = lookalikes(name);
    const unknownZh = like.length ? `；表头中的${like.map((c) => `「${c.label}」（${a1(hr, c.col)}）`).join('、')}如是这一列，请改名为「${name}」` : '';
    const unknownEn = like.length ? `; if ${like.map((c) => `"${c.label}" (${a1(hr, c.col)})`).join(' or ')} is that column, rename it "${name}"` : '';
    issue(required ? 'error' : 'warning', hr, firstCol, name, required ? 'column-missing' : 'column-missing-optional',
      required
        ? `缺少必需的列「${name}」：表头在第 ${hr} 行（${span}），其中没有「${name}」${unknownZh}。`
        : `缺少列「${name}」（表头在第 ${hr} 行，${span}），按空白处理${unknownZh}。`,
      required
        ? `Required column "${name}" is missing: the header is row ${hr} (${span}) and has no "${name}"${unknownEn}.`
        : `Column "${name}" is missing (header in row ${hr}, ${span}); read as blank${unknownEn}.`);
  });
  if (missingRequired) return { sheet, header: { row: hr, columns: header.columns }, records: [], issues, rejectedRows: [], rejected: [] };

  const records: Application[] = [];
  const rejectedRows: number[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfId = new Map<string, number>();
  const extras = header.columns.filter((c) => c.column === null);

  for (let r = hr + 1; r <= grid.values.length; r++) {
    const cells = grid.values[r - 1] ?? [];
    const raw = (name: RegisterColumn): Scalar => {
      const c = colOf.get(name);
      return c === undefined ? null : (cells[c - 1] ?? null);
    };
    const special = (name: RegisterColumn) => {
      const c = colOf.get(name);
      return c === undefined ? undefined : grid.special?.[a1(r, c)];
    };
    const blank = REGISTER_COLUMNS.every((name) => text(raw(name)) === '' && special(name)?.kind !== 'error');
    if (blank) continue;

    const before = errorCount;
    const at = (name: RegisterColumn) => colOf.get(name) ?? lastCol + 1;
    const err = (name: RegisterColumn, code: string, zh: string, en: string) => issue('error', r, at(name), name, code, zh, en);
    const warn = (name: RegisterColumn, code: string, zh: string, en: string) => issue('warning', r, at(name), name, code, zh, en);

    for (const name of REGISTER_COLUMNS) {
      const sp = special(name);
      if (sp?.kind === 'error' || (sp?.kind === 'formula' && sp.error)) {
        err(name, 'cell-error', `${a1(r, at(name))}「${name}」是错误值 ${sp.error ?? ''}，请改为实际内容。`, `${a1(r, at(name))} (${name}) holds the error value ${sp.error ?? ''}; enter the actual value.`);
      }
    }
    const str = (name: RegisterColumn): string => text(raw(name));
    const required = (name: RegisterColumn): string => {
      const v = str(name);
      if (v === '' && special(name)?.kind !== 'error') {
        err(name, 'value-missing', `第 ${r} 行缺少「${name}」。`, `Row ${r}: ${name} is blank.`);
      }
      return v;
    };
    const date = (name: RegisterColumn, mandatory = false): IsoDate | undefined => {
      const v = raw(name);
      const sp = special(name);
      if (sp?.kind === 'error') return undefined;
      if (text(v) === '' && !sp?.iso) {
        if (mandatory) err(name, 'value-missing', `第 ${r} 行缺少「${name}」。`, `Row ${r}: ${name} is blank.`);
        return undefined;
      }
      const p = parseRegisterDate(v, sp?.iso, options.date1904);
      if (p.ok) return p.date;
      const shown = JSON.stringify(text(v) || sp?.iso || '');
      if (p.reason === 'impossible') {
        err(name, 'date-impossible', `「${name}」${shown} 不是存在的日期。`, `${name} ${shown} is not a real date.`);
      } else if (p.reason === 'range') {
        err(name, 'date-out-of-range', `「${name}」${shown} 不在 1990—2099 年之间，请检查。`, `${name} ${shown} is not between 1990 and 2099.`);
      } else {
        err(name, 'date-format', `「${name}」${shown} 无法识别为日期，请写作 2026-09-28 或设为日期格式。`, `${name} ${shown} is not a date; write it as 2026-09-28 or use a date cell.`);
      }
      return undefined;
    };

    // 登记编号
    const id = required('登记编号');
    if (id !== '') {
      const first = firstRowOfId.get(id);
      if (first !== undefined) {
        err('登记编号', 'id-duplicate', `登记编号「${id}」与第 ${first} 行重复。`, `Registration number "${id}" duplicates row ${first}.`);
      } else firstRowOfId.set(id, r);
    }
    const receivedOn = date('收到日期', true);

    let channel: Application['channel'] | undefined;
    const channelText = required('申请方式');
    if (channelText !== '') {
      const p = parseChannel(channelText);
      if (p.ok) channel = p.value;
      else if (p.reason === 'ambiguous') {
        err('申请方式', 'channel-ambiguous', `申请方式「${channelText}」含义不明确，收到日期的认定方式不同（第三十一条），请写明：${p.hint}。`, `Channel "${channelText}" is ambiguous and art. 31 dates receipt differently; write ${p.hint}.`);
      } else {
        err('申请方式', 'channel-unknown', `申请方式「${channelText}」无法识别，应为 当面 / 邮寄 / 平常信函 / 网络 / 传真 / 电子邮件。`, `Unknown channel "${channelText}"; expected 当面 / 邮寄 / 平常信函 / 网络 / 传真 / 电子邮件.`);
      }
    }

    let applicantType: Application['applicantType'] | undefined;
    const typeText = required('申请人类型');
    if (typeText !== '') {
      const p = parseApplicantType(typeText);
      if (p.ok) applicantType = p.value;
      else {
        err('申请人类型', p.reason === 'ambiguous' ? 'applicant-type-ambiguous' : 'applicant-type-unknown',
          `申请人类型「${typeText}」${p.reason === 'ambiguous' ? '不够具体' : '无法识别'}，应为 自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他（年度报告表三的列）。`,
          `Applicant type "${typeText}" is ${p.reason === 'ambiguous' ? 'not specific enough' : 'unknown'}; expected one of the 表三 columns 自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他.`);
      }
    }
    const applicant = required('申请人');
    const request = required('所需信息');

    // 证件类型 / 证件号码
    const idType = str('证件类型');
    const idRaw = raw('证件号码');
    let idNumber: string | undefined = text(idRaw) || undefined;
    if (typeof idRaw === 'number' && (!Number.isSafeInteger(idRaw) || Math.abs(idRaw) >= 1e15)) {
      err('证件号码', 'id-number-as-number', `证件号码存成了数字 ${String(idRaw)}，末几位已丢失；请把该列设为文本格式后重新录入。`, `The ID number was stored as the number ${String(idRaw)} and its last digits are lost; format the column as text and re-enter it.`);
      idNumber = undefined;
    } else if (idNumber !== undefined) {
      const declared = idKindOf(idType);
      const kind = declared !== 'other' || idType !== '' ? declared : applicantType === '自然人' ? 'resident' : applicantType ? 'credit-code' : 'other';
      if (kind === 'resident') {
        const c = checkResidentId(idNumber);
        idNumber = c.value;
        if (!c.ok) {
          const zh = {
            'resident-id-format': `居民身份证号码「${c.value}」应为 18 位（17 位数字 + 数字或 X）${c.value.length === 15 ? '；15 位旧号码已停用' : ''}。`,
            'resident-id-region': `居民身份证号码「${c.value}」前两位 ${c.value.slice(0, 2)} 不是省级行政区划代码。`,
            'resident-id-birth-date': `居民身份证号码「${c.value}」中的出生日期 ${c.value.slice(6, 14)} 不存在。`,
            'resident-id-check-digit': `居民身份证号码「${c.value}」校验码错误（按 GB 11643 应为 ${c.expected ?? ''}），请核对。`,
          }[c.code as 'resident-id-format'];
          const en = {
            'resident-id-format': `ID card number "${c.value}" must be 18 characters (17 digits + digit or X)${c.value.length === 15 ? '; old 15-digit numbers are no longer valid' : ''}.`,
            'resident-id-region': `ID card number "${c.value}": ${c.value.slice(0, 2)} is not a province code.`,
            'resident-id-birth-date': `ID card number "${c.value}": birth date ${c.value.slice(6, 14)} does not exist.`,
            'resident-id-check-digit': `ID card number "${c.value}": wrong check character (GB 11643 gives ${c.expected ?? ''}).`,
          }[c.code as 'resident-id-format'];
          err('证件号码', c.code, zh, en);
        }
      } else if (kind === 'credit-code') {
        const c = checkCreditCode(idNumber);
        idNumber = c.value;
        if (!c.ok) {
          if (c.code === 'credit-code-format') {
            err('证件号码', c.code, `统一社会信用代码「${c.value}」应为 18 位，只含数字和除 I、O、Z、S、V 外的大写字母，第 3—8 位为行政区划代码。`, `Credit code "${c.value}" must be 18 characters of digits and capitals except I, O, Z, S, V, with a 6-digit division code in positions 3–8.`);
          } else {
            err('证件号码', c.code, `统一社会信用代码「${c.value}」校验码错误（按 GB 32100 应为 ${c.expected ?? ''}），请核对。`, `Credit code "${c.value}": wrong check character (GB 32100 gives ${c.expected ?? ''}).`);
          }
        }
      }
      if (applicantType && ((kind === 'resident' && applicantType !== '自然人') || (kind === 'credit-code' && applicantType === '自然人'))) {
        warn('证件类型', 'id-type-mismatch', `申请人类型为「${applicantType}」，证件却是${kind === 'resident' ? '居民身份证' : '统一社会信用代码'}，请核对。`, `Applicant type is ${applicantType} but the ID is a ${kind === 'resident' ? 'resident ID card' : 'credit code'}; please check.`);
      }
    } else if (idType !== '') {
      warn('证件号码', 'id-number-missing', `填了证件类型「${idType}」但没有证件号码。`, `ID type "${idType}" is given but the number is blank.`);
    }

    const postcode = str('邮政编码') || undefined;
    if (postcode !== undefined && !/^\d{6}$/.test(postcode.normalize('NFKC'))) {
      warn('邮政编码', 'postcode-format', `邮政编码「${postcode}」应为 6 位数字。`, `Postcode "${postcode}" should be 6 digits.`);
    }
    const email = str('电子邮箱') || undefined;
    if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      warn('电子邮箱', 'email-format', `电子邮箱「${email}」格式不对。`, `E-mail address "${email}" is malformed.`);
    }
    const delivery = str('获取方式') || undefined;
    if (delivery !== undefined) {
      const parts = delivery.split(/[、，,／/;；\s]+/).filter(Boolean);
      const unknown = parts.filter((p) => !(DELIVERY_METHODS as readonly string[]).includes(vocabKey(p)));
      if (unknown.length > 0) {
        warn('获取方式', 'delivery-unknown', `获取方式「${unknown.join('、')}」不在常用列表中（${DELIVERY_METHODS.join(' / ')}）。`, `Delivery "${unknown.join(', ')}" is not one of ${DELIVERY_METHODS.join(' / ')}.`);
      }
    }

    // 延期
    let extensionDays = 0;
    let extensionToMax = false;
    const extText = str('延期');
    if (extText !== '') {
      const k = vocabKey(extText);
      const m = /^(\d+)(个?工作日|天|日)?$/.exec(k);
      if (['是', '延期', '已延期', 'y', 'yes', '√', '✓', 'true'].includes(k)) {
        extensionDays = maxExtension;
        extensionToMax = true;
      }
      else if (['否', '无', '不延期', 'n', 'no', '0', 'false', '/'].includes(k)) extensionDays = 0;
      else if (m) {
        extensionDays = Number(m[1]);
        if (extensionDays > maxExtension) {
          err('延期', 'extension-too-long', `延期 ${extensionDays} 个工作日超过上限 ${maxExtension} 个工作日（第三十三条${maxExtension < 20 ? '及本机关规定' : ''}）。`, `An extension of ${extensionDays} working days exceeds the limit of ${maxExtension} (art. 33${maxExtension < 20 ? ' and office rules' : ''}).`);
        }
      } else {
        err('延期', 'extension-invalid', `延期「${extText}」无法识别：填「是」（按上限 ${maxExtension} 个工作日）、「否」或延长的工作日数。`, `Extension "${extText}" is not understood: write 是 (the ${maxExtension}-day maximum), 否, or a number of working days.`);
      }
    }

    const correctionNoticeOn = date('补正告知日期');
    const supplementReceivedOn = date('补正收到日期');
    const consultFrom = date('征求意见起');
    const consultTo = date('征求意见止');
    const repliedOn = date('答复日期');

    let outcome: Application['outcome'];
    const outcomeText = str('办理结果');
    if (outcomeText !== '') {
      const p = parseOutcome(outcomeText);
      if (p.ok) outcome = p.value;
      else if (p.reason === 'ambiguous') {
        err('办理结果', 'outcome-ambiguous', `办理结果「${outcomeText}」须写明具体情形：${p.hint}。`, `Outcome "${outcomeText}" needs its sub-case: ${p.hint}.`);
      } else {
        err('办理结果', 'outcome-unknown', `办理结果「${outcomeText}」不是年度报告表三的办理结果之一（如 予以公开、不予公开/属于国家秘密）。`, `Outcome "${outcomeText}" is not one of the 表三 outcomes (e.g. 予以公开, 不予公开/属于国家秘密).`);
      }
    }

    // Order of dates.
    const order = (earlier: IsoDate | undefined, eName: RegisterColumn, later: IsoDate | undefined, lName: RegisterColumn) => {
      if (earlier !== undefined && later !== undefined && later < earlier) {
        err(lName, 'date-order', `「${lName}」${later} 早于「${eName}」${earlier}。`, `${lName} ${later} is before ${eName} ${earlier}.`);
      }
    };
    order(receivedOn, '收到日期', correctionNoticeOn, '补正告知日期');
    order(correctionNoticeOn, '补正告知日期', supplementReceivedOn, '补正收到日期');
    order(receivedOn, '收到日期', consultFrom, '征求意见起');
    order(consultFrom, '征求意见起', consultTo, '征求意见止');
    if (supplementReceivedOn !== undefined && repliedOn !== undefined && repliedOn < supplementReceivedOn) order(supplementReceivedOn, '补正收到日期', repliedOn, '答复日期');
    else order(receivedOn, '收到日期', repliedOn, '答复日期');
    if (supplementReceivedOn !== undefined && correctionNoticeOn === undefined && text(raw('补正告知日期')) === '') {
      err('补正收到日期', 'supplement-without-notice', `有「补正收到日期」却没有「补正告知日期」。`, `补正收到日期 is filled but 补正告知日期 is blank.`);
    }
    if (consultTo !== undefined && consultFrom === undefined && text(raw('征求意见起')) === '') {
      err('征求意见止', 'consultation-without-start', `有「征求意见止」却没有「征求意见起」。`, `征求意见止 is filled but 征求意见起 is blank.`);
    }
    if (outcome !== undefined && repliedOn === undefined && text(raw('答复日期')) === '') {
      err('答复日期', 'reply-date-missing', `已填办理结果「${outcomeText}」，缺少「答复日期」。`, `Outcome "${outcomeText}" is filled but 答复日期 is blank.`);
    }
    if (repliedOn !== undefined && outcomeText === '') {
      err('办理结果', 'outcome-missing', `已填答复日期 ${repliedOn}，缺少「办理结果」。`, `答复日期 ${repliedOn} is filled but 办理结果 is blank.`);
    }

    const errors = errorCount - before;
    if (errors > 0 || receivedOn === undefined || channel === undefined || applicantType === undefined) {
      rejectedRows.push(r);
      const idCell = special('登记编号');
      rejected.push(id !== '' && idCell?.kind !== 'error' && !(idCell?.kind === 'formula' && idCell.error) ? { row: r, id } : { row: r });
      continue;
    }
    const extra: Record<string, string> = {};
    for (const c of extras) {
      const v = text(cells[c.col - 1] ?? null);
      const iso = grid.special?.[a1(r, c.col)]?.iso;
      if (v !== '' || iso) extra[c.label] = iso ?? v;
    }
    const opt = <K extends string, V>(key: K, v: V | undefined | '') => (v === undefined || v === '' ? {} : ({ [key]: v } as Record<K, V>));
    records.push({
      row: r,
      id,
      receivedOn,
      channel,
      applicantType,
      applicant,
      ...opt('idType', idType),
      ...opt('idNumber', idNumber),
      ...opt('phone', str('联系电话')),
      ...opt('address', str('通信地址')),
      ...opt('postcode', postcode),
      ...opt('email', email),
      request,
      ...opt('delivery', delivery),
      ...opt('medium', str('载体形式')),
      ...opt('department', str('承办科室')),
      ...opt('correctionNoticeOn', correctionNoticeOn),
      ...opt('supplementReceivedOn', supplementReceivedOn),
      extensionDays,
      ...(extensionToMax ? { extensionToMax } : {}),
      ...opt('consultFrom', consultFrom),
      ...opt('consultTo', consultTo),
      ...opt('outcome', outcome),
      ...opt('repliedOn', repliedOn),
      ...opt('note', str('备注')),
      extra,
    });
  }
  return { sheet, header: { row: hr, columns: header.columns }, records, issues, rejectedRows, rejected };
}
