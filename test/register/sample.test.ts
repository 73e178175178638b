/**
 * The bundled sample register, read the way every host reads it: file bytes → file adapter
 * (addin/port/file) → readRegister → deriveStatus on SAMPLE_TODAY.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { deriveStatus, readRegister } from '../../forms-lib/register/index.ts';
import { SAMPLE_HEADER, SAMPLE_ROWS, SAMPLE_TITLE, SAMPLE_TODAY, longRequest, makeRegisterSample } from '../fixtures/make-register-sample.ts';

const FILE = new URL('../fixtures/samples/register-sample.xlsx', import.meta.url);
const bytes = new Uint8Array(readFileSync(FILE));

async function readSample(b: Uint8Array) {
  const wb = readWorkbook(b, 'register-sample.xlsx');
  return { wb, read: readRegister(await wb.readSheet('申请登记')) };
}

describe('register-sample.xlsx through the file adapter', () => {
  it('has the register and a second sheet', async () => {
    const { wb } = await readSample(bytes);
    expect(await wb.listSheets()).toEqual(['申请登记', '填写说明']);
  });

  it('reads 13 applications without a single issue, header under the title row', async () => {
    const { read } = await readSample(bytes);
    expect(read.issues).toEqual([]);
    expect(read.rejectedRows).toEqual([]);
    expect(read.header?.row).toBe(2);
    expect(read.header?.columns.map((c) => c.label)).toEqual(SAMPLE_HEADER);
    expect(read.header?.columns.filter((c) => c.column === null).map((c) => [c.col, c.label])).toEqual([[1, '序号'], [25, '行政复议']]);
    expect(read.records.map((a) => a.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('gives exact records: canonical channels, types, outcomes, real dates', async () => {
    const { read } = await readSample(bytes);
    const brief = read.records.map((a) => [a.id, a.receivedOn, a.channel, a.applicantType, a.applicant, a.idNumber, a.extensionDays, a.outcome ?? '', a.repliedOn ?? '']);
    expect(brief).toEqual([
      ['CXSW-2026-001', '2026-01-12', '当面', '自然人', '李华', '532301198803140213', 0, 'disclose', '2026-01-30'],
      ['CXSW-2026-002', '2026-03-02', '网络', '商业企业', '楚雄示例商贸有限公司', '91532301MA6K3L8P1H', 0, 'partial', '2026-03-27'],
      ['CXSW-2026-003', '2026-05-06', '邮寄', '自然人', '王堃', '532322197509210134', 0, 'refuse-third-party', '2026-06-15'],
      ['CXSW-2026-004', '2026-06-15', '电子邮件', '法律服务机构', '云南示例律师事务所', '31530000MD01234567', 0, 'unable-not-held', '2026-07-03'],
      ['CXSW-2026-005', '2026-07-20', '平常信函', '自然人', '赵示例', '532329199201050473', 0, 'disclose', '2026-08-20'],
      ['CXSW-2026-006', '2026-09-28', '网络', '自然人', '李华', '532301198803140213', 0, 'not-handled-repeat', '2026-10-16'],
      ['CXSW-2026-007', '2026-08-17', '当面', '自然人', '钱测试', '532301196906301586', 0, 'other-no-correction', '2026-09-30'],
      ['CXSW-2026-008', '2026-11-16', '网络', '自然人', '孙样本', '532301200002290668', 0, '', ''],
      ['CXSW-2026-009', '2026-11-10', '电子邮件', '科研机构', '滇中示例经济研究院', '12532300MB1234567U', 0, '', ''],
      ['CXSW-2026-010', '2026-11-02', '邮寄', '商业企业', '楚雄示例物流有限公司', '91532300MA6N7Q2R40', 0, '', ''],
      ['CXSW-2026-011', '2026-10-19', '当面', '社会公益组织', '楚雄州示例消费者公益协会', '51532300MJ0001234K', 20, '', ''],
      ['CXSW-2026-012', '2026-10-12', '当面', '自然人', '周演示', '532301195808080957', 0, '', ''],
      ['CXSW-2026-013', '2026-10-26', '传真', '其他', '示例村民委员会', '54532301MEA123456J', 0, '', ''],
    ]);
    expect(read.records[2]).toEqual({
      row: 5, id: 'CXSW-2026-003', receivedOn: '2026-05-06', channel: '邮寄', applicantType: '自然人', applicant: '王堃',
      idType: '居民身份证', idNumber: '532322197509210134', phone: '13900000003', address: '云南省楚雄彝族自治州双柏县示例街3号', postcode: '675100',
      request: '某商贸公司成品油零售经营资格审批的申报材料。', delivery: '邮寄', medium: '纸质', department: '商务运行科',
      extensionDays: 0, consultFrom: '2026-05-11', consultTo: '2026-05-22', outcome: 'refuse-third-party', repliedOn: '2026-06-15',
      note: '第三方不同意公开', extra: { 序号: '3', 行政复议: '否' },
    });
    expect(read.records[4]).toMatchObject({ correctionNoticeOn: '2026-07-24', supplementReceivedOn: '2026-08-03' });
  });

  it('keeps the 生僻字 name and the 5,000-character request whole', async () => {
    const { read } = await readSample(bytes);
    expect(read.records[2].applicant).toBe('王堃');
    expect(read.records[2].applicant.codePointAt(1)).toBe(0x5803);
    const long = read.records[7].request;
    expect(long.length).toBe(5000);
    expect(long).toBe(longRequest(5000));
    expect(long.endsWith('。')).toBe(true);
  });

  it(`derives every state on ${SAMPLE_TODAY}`, async () => {
    const { read } = await readSample(bytes);
    const rows = read.records.map((a) => {
      const s = deriveStatus(a, { today: SAMPLE_TODAY });
      return [a.id, s.state, s.replyDue, s.daysLeft, s.late ?? null];
    });
    expect(rows).toEqual([
      ['CXSW-2026-001', 'closed', '2026-02-09', 6, false],
      ['CXSW-2026-002', 'closed', '2026-03-30', 1, false],
      ['CXSW-2026-003', 'closed', '2026-06-16', 1, false],
      ['CXSW-2026-004', 'closed', '2026-07-14', 7, false],
      ['CXSW-2026-005', 'closed', '2026-08-31', 7, false],
      ['CXSW-2026-006', 'closed', '2026-10-30', 10, false],
      ['CXSW-2026-007', 'closed', null, null, null],
      ['CXSW-2026-008', 'open', '2026-12-14', 16, null],
      ['CXSW-2026-009', 'awaiting-correction', null, null, null],
      ['CXSW-2026-010', 'consulting', '2026-12-22', 13, null],
      ['CXSW-2026-011', 'extended', '2026-12-14', 16, null],
      ['CXSW-2026-012', 'overdue', '2026-11-09', -9, null],
      ['CXSW-2026-013', 'due-soon', '2026-11-23', 1, null],
    ]);
    const states = new Set(rows.map((r) => r[1]));
    expect([...states].sort()).toEqual(['awaiting-correction', 'closed', 'consulting', 'due-soon', 'extended', 'open', 'overdue']);
    const outcomes = new Set(read.records.flatMap((a) => (a.outcome ? [a.outcome] : [])));
    expect([...outcomes].sort()).toEqual(['disclose', 'not-handled-repeat', 'other-no-correction', 'partial', 'refuse-third-party', 'unable-not-held']);
  });

  it('the generator reproduces the committed file', async () => {
    const fresh = await readSample(await makeRegisterSample());
    const committed = await readSample(bytes);
    expect(fresh.read).toEqual(committed.read);
    expect(committed.read.records).toHaveLength(SAMPLE_ROWS.length);
  });
});

describe('register-sample.xlsx looks like a real register', () => {
  it('bold frozen header under a merged title, widths, real date cells, drop-downs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('申请登记');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe(SAMPLE_TITLE);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('B2').value).toBe('登记编号');
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getColumn(13).width).toBe(48); // 所需信息
    const received = ws.getCell('C3');
    expect(received.value).toBeInstanceOf(Date);
    expect((received.value as Date).toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(received.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('W3').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('C10').value).toBe('2026/11/16'); // one date typed as text, as offices do
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'list' });
    expect(wb.getWorksheet('填写说明')?.getCell('A1').value).toBe('列');
  });
});
