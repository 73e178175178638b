import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule, { normalizeItemName, similarNames } from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix }));
const item = (n: number, l1: string | null, l2: string | null, l3: string | null = null) => validItem(n, { level1: l1, level2: l2, level3: l3 });

describe('near-duplicate', () => {
  it.each([
    ['重大行政决策预公开', '重大决策预公开', 'same'],
    ['政府采购信息', '政府采购', 'same'],
    ['公共资源交易', '公共资源交易领域', 'similar'],
    ['规范性文件', '部门规范性文件', undefined],
    ['部门预算公开', '部门决算公开', undefined],
    ['信息公开', '公开', undefined],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(similarNames(normalizeItemName(a), normalizeItemName(b))).toBe(expected);
  });

  it('does not report repeated parent cells, a parent named like its child, or distinct siblings', () => {
    const g = catalogueGrid([
      item(1, '法定主动公开内容', '机构职能'),
      item(2, '法定主动公开内容', '重点领域信息', '财政预算'),
      item(3, '法定主动公开内容', '重点领域信息', '财政决算'),
      item(4, '政府信息公开年报', '政府信息公开年报'),
      item(5, '文件公开', '规范性文件'),
      item(6, null, '部门规范性文件'),
    ]);
    expect(findings(g)).toEqual([]);
  });

  it('reports the later of two items with the same or a near name, on different branches or levels', () => {
    const g = catalogueGrid([
      item(1, '法定主动公开内容', '重大建设项目', '批准服务信息'), // 5
      item(2, '法定主动公开内容', '重大行政决策预公开'), // 6
      item(3, '法定主动公开内容', '重点领域信息', '重大建设项目'), // 7
      item(4, '法定主动公开内容', '重大决策预公开'), // 8
      item(5, '法定主动公开内容', '公共资源配置', '公共资源交易领域'), // 9
      item(6, '法定主动公开内容', '公共资源交易'), // 10
      item(7, '法定主动公开内容', '机构职能'), // 11
      item(8, '法定主动公开内容', '人事任免'), // 12
      item(9, '法定主动公开内容', '机构职能'), // 13: same parent, but not the same run
    ]);
    expect(findings(g)).toEqual([
      { cell: 'D7', severity: 'warning', messageId: 'duplicate', data: { name: '重大建设项目', other: '重大建设项目', otherCell: 'C5' }, fix: undefined },
      { cell: 'C8', severity: 'warning', messageId: 'similar', data: { name: '重大决策预公开', other: '重大行政决策预公开', otherCell: 'C6' }, fix: undefined },
      { cell: 'C10', severity: 'warning', messageId: 'similar', data: { name: '公共资源交易', other: '公共资源交易领域', otherCell: 'D9' }, fix: undefined },
      { cell: 'C13', severity: 'warning', messageId: 'duplicate', data: { name: '机构职能', other: '机构职能', otherCell: 'C11' }, fix: undefined },
    ]);
    // no fix: fixing leaves the grid as it is
    expect(fixGrid(g, { rules: [rule], unsafe: true }).edits).toEqual([]);
  });

  it('seed 001: 重大建设项目 (C23, D58), 重大行政决策预公开 (C49) / 重大决策预公开 (C98), 公共资源交易领域 (D92) / 公共资源交易 (C93)', async () => {
    expect(findings(await sample('shangdang-district-catalogue.xlsx'))).toEqual([
      { cell: 'D58', severity: 'warning', messageId: 'duplicate', data: { name: '重大建设项目', other: '重大建设项目', otherCell: 'C23' }, fix: undefined },
      { cell: 'C93', severity: 'warning', messageId: 'similar', data: { name: '公共资源交易', other: '公共资源交易领域', otherCell: 'D92' }, fix: undefined },
      { cell: 'C98', severity: 'warning', messageId: 'similar', data: { name: '重大决策预公开', other: '重大行政决策预公开', otherCell: 'C49' }, fix: undefined },
    ]);
    // seed 000 lists each item once (its 三级事项 column holds content, which is not compared)
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
  });
});
