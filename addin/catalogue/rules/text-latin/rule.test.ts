import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule, { strayLatin } from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));

describe('text-latin', () => {
  it.each([
    '在政府门户网站开设专栏，集中公示公开乡村e镇有关事项',
    '政府和社会资本合作（PPP）项目',
    '政务APP、App 和小程序',
    '详见 http://www.changzhi.gov.cn/xxgk/index.html 或 www.sxsd.gov.cn',
    '环境空气质量PM2.5浓度、5G基站、10kV线路、A级景区',
    '拨打12345热线，发送邮件至 xxgk@changzhi.gov.cn',
    '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）',
    '提供Word、Excel、PDF、OFD格式',
    'Annual report',
  ])('accepts %s', (text) => {
    expect(strayLatin(text)).toEqual([]);
  });

  it('reports stray English words; only 「and」 between Chinese words gets a fix', () => {
    const g = catalogueGrid([
      validItem(1, { content: '许可办理流程 and 标准' }), // 5
      validItem(2, { content: '办事指南 or 流程' }), // 6
      validItem(3, { level2: '政策解读 Interpretation' }), // 7
    ]);
    expect(findings(g)).toEqual([
      { cell: 'F5', severity: 'warning', messageId: 'and', data: { word: 'and' }, fix: 'unsafe' },
      { cell: 'F6', severity: 'warning', messageId: 'latin', data: { word: 'or' }, fix: undefined },
      { cell: 'C7', severity: 'warning', messageId: 'latin', data: { word: 'Interpretation' }, fix: undefined },
    ]);
    expect(textAt(fixGrid(g, { rules: [rule] }).grid, 5, 6)).toBe('许可办理流程 and 标准');
    const once = fixGrid(g, { rules: [rule], unsafe: true });
    expect(fixGrid(once.grid, { rules: [rule], unsafe: true }).edits).toEqual([]);
    expect([textAt(once.grid, 5, 6), textAt(once.grid, 6, 6)]).toEqual(['许可办理流程和标准', '办事指南 or 流程']);
  });

  it('seed 001: 「许可办理流程 and 标准」 in F19, and nothing for 乡村e镇 (C99, F99)', async () => {
    const sd = await sample('shangdang-district-catalogue.xlsx');
    expect(findings(sd)).toEqual([{ cell: 'F19', severity: 'warning', messageId: 'and', data: { word: 'and' }, fix: 'unsafe' }]);
    expect(textAt(sd, 99, 3)).toBe('乡村e镇');
    const fixed = fixGrid(sd, { rules: [rule], unsafe: true }).grid;
    expect(textAt(fixed, 19, 6)).toMatch(/^依托上党区政务服务网，一是行政许可的事项、许可办理流程和标准、许可程序/);
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
  });
});
