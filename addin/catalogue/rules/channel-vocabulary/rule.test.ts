import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();

const J = 10;
const grid = (channels: string[]) => catalogueGrid(channels.map((c, i) => validItem(i + 1, { channel: c })));
const findings = (g: Grid, opts = {}) => validateGrid(g, opts, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));
const channelsAfterFix = (g: Grid, unsafe: boolean) => {
  const once = fixGrid(g, { rules: [rule], unsafe });
  const twice = fixGrid(once.grid, { rules: [rule], unsafe });
  expect(twice.edits).toEqual([]);
  return once.grid.values.slice(4).map((_, i) => textAt(once.grid, 5 + i, J));
};

describe('channel-vocabulary', () => {
  it('accepts the national list, known local channels, 政务新媒体, 其他(…), URLs and the office’s extra names', () => {
    const g = grid([
      '■政府网站',
      '■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏（电子屏） □精准推送 □其他',
      '■政府网站 ■政务新媒体',
      '■12345政务服务热线 ■公共资源交易平台 ■信用中国网站',
      '■其他(四川省农机购置与应用补贴信息公开专栏http://www.scnjbt.gov.cn)',
      '■其他法律服务网',
      '■政府网站http://www.changzhi.gov.cn',
      '■政府网站 ■上党发布',
    ]);
    expect(findings(g, { extraChannels: ['上党发布'] })).toEqual([]);
  });

  it('finds each kind of problem at its cell, with the data the message needs', () => {
    const g = grid([
      '口政府网站 ■政务新媒体', // 5
      't政府网站 t政务新媒体', // 6
      '■政府网站\u3000■政务新媒体', // 7
      '■ 政府网站', // 8
      '■公示 栏', // 9
      '■社区/企事业单位/村公示栏(电子屏)', // 10
      '■政府网站 政务新媒体', // 11
      '■纸质载体', // 12
      '■行政服务中心 ■发布会听证会', // 13
      '■政府网站 ■微信群', // 14
      '□政府网站 □政府公报', // 15
      '□', // 16
      '■政府网站 ■上党发布', // 17
    ]);
    expect(findings(g)).toEqual([
      { cell: 'J5', severity: 'warning', messageId: 'syntax', data: { detail: '「口」应为「□」', detailEn: '"口" should be "□"' }, fix: 'safe' },
      { cell: 'J6', severity: 'warning', messageId: 'syntax', data: { detail: '「t」应为「■」', detailEn: '"t" should be "■"' }, fix: 'safe' },
      { cell: 'J7', severity: 'warning', messageId: 'syntax', data: { detail: '各项之间应以一个空格分隔', detailEn: 'items should be separated by one space' }, fix: 'safe' },
      { cell: 'J8', severity: 'warning', messageId: 'syntax', data: { detail: '勾选框与名称之间有空格', detailEn: 'space between box and name' }, fix: 'safe' },
      { cell: 'J9', severity: 'warning', messageId: 'syntax', data: { detail: '名称中间有空格或换行', detailEn: 'space or line break inside a name' }, fix: 'safe' },
      {
        cell: 'J10',
        severity: 'warning',
        messageId: 'syntax',
        data: { detail: '名称中的括号、斜杠应为全角/标准写法', detailEn: 'brackets and slashes in a name should be full-width / standard' },
        fix: 'safe',
      },
      { cell: 'J11', severity: 'warning', messageId: 'missingBox', data: { names: '政务新媒体' }, fix: 'unsafe' },
      { cell: 'J12', severity: 'info', messageId: 'variant', data: { name: '纸质载体', standard: '纸质媒体' }, fix: 'unsafe' },
      { cell: 'J13', severity: 'info', messageId: 'variant', data: { name: '行政服务中心', standard: '政务服务中心' }, fix: 'unsafe' },
      { cell: 'J13', severity: 'info', messageId: 'variant', data: { name: '发布会听证会', standard: '发布会/听证会' }, fix: 'unsafe' },
      { cell: 'J14', severity: 'warning', messageId: 'unknown', data: { name: '微信群' }, fix: undefined },
      { cell: 'J15', severity: 'error', messageId: 'noneSelected', data: {}, fix: undefined },
      { cell: 'J16', severity: 'error', messageId: 'noneSelected', data: {}, fix: undefined },
      { cell: 'J17', severity: 'warning', messageId: 'unknown', data: { name: '上党发布' }, fix: undefined },
    ]);
  });

  it('fixes only mechanical syntax safely; renames and added boxes need --unsafe; fixing twice changes nothing', () => {
    const inputs = ['口政府网站 ■政务新媒体', 't政府网站 t政务新媒体', '■政府网站\u3000■政务新媒体', '■ 政府网站', '■公示 栏', '■社区/企事业单位/村公示栏(电子屏)', '■政府网站 政务新媒体', '■纸质载体', '■行政服务中心 ■发布会听证会', '□政府网站 □政府公报'];
    const g = grid(inputs);
    expect(channelsAfterFix(g, false)).toEqual([
      '□政府网站 ■政务新媒体',
      '■政府网站 ■政务新媒体',
      '■政府网站 ■政务新媒体',
      '■政府网站',
      '■公示栏',
      '■社区/企事业单位/村公示栏（电子屏）',
      '■政府网站 政务新媒体',
      '■纸质载体',
      '■行政服务中心 ■发布会听证会',
      '□政府网站 □政府公报',
    ]);
    expect(channelsAfterFix(g, true)).toEqual([
      '□政府网站 ■政务新媒体',
      '■政府网站 ■政务新媒体',
      '■政府网站 ■政务新媒体',
      '■政府网站',
      '■公示栏',
      '■社区/企事业单位/村公示栏（电子屏）',
      '■政府网站 ■政务新媒体',
      '■纸质媒体',
      '■政务服务中心 ■发布会/听证会',
      '□政府网站 □政府公报',
    ]);
  });

  it('does not ask for boxes in a catalogue that lists channels as plain text', () => {
    expect(findings(grid(['政府网站', '政府网站、政务新媒体']))).toEqual([]);
  });

  it('finds nothing in the two real catalogues (seed 001 writes ■政务新媒体, an accepted name for 两微一端)', async () => {
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
    const sd = await sample('shangdang-district-catalogue.xlsx');
    expect(findings(sd)).toEqual([]);
    expect(textAt(sd, 50, J)).toBe('■政府网站 ■政务新媒体 ■广播电视 ■纸质媒体');
    // nor after row-shift has put the shifted rows' channels back into column J
    expect(findings(fixGrid(sd).grid)).toEqual([]);
  });
});
