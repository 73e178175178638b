import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule, { halfWidthPunctuation, toFullWidth } from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));
const full = (t: string) => toFullWidth(t, halfWidthPunctuation(t));

describe('text-punctuation', () => {
  it.each([
    ['项目法人单位及其主要负责人信息,设计、施工', '项目法人单位及其主要负责人信息，设计、施工'],
    ['施工许可(开工报告)审批结果', '施工许可（开工报告）审批结果'],
    ['《意见》(国办发〔2017〕94号); 2.《通知》', '《意见》（国办发〔2017〕94号）； 2.《通知》'],
    ['公示公告:政府公布的信息', '公示公告：政府公布的信息'],
    ['回应工作.以公众关注作为切入点', '回应工作。以公众关注作为切入点'],
    ['《纲要(2021—2025年)》', '《纲要（2021—2025年）》'],
    ['政府和社会资本合作(PPP)项目', '政府和社会资本合作（PPP）项目'],
    ['（中办发〔2016〕8号)', '（中办发〔2016〕8号）'],
    // not touched: URLs, times, decimals, list markers, English, 文号 year brackets (basis-citation's)
    ['见http://www.x.gov.cn:8080/a,b', '见http://www.x.gov.cn:8080/a,b'],
    ['办公时间9:00-17:00，PM2.5', '办公时间9:00-17:00，PM2.5'],
    ['1.《条例》；2.《意见》', '1.《条例》；2.《意见》'],
    ['国办发(2017)47号', '国办发(2017)47号'],
    ['Word, Excel (xlsx)', 'Word, Excel (xlsx)'],
  ])('%s → %s', (a, b) => expect(full(a)).toBe(b));

  it('reports one finding per cell with an unsafe fix; fixing twice changes nothing', () => {
    const g = catalogueGrid([validItem(1, { content: '信息,设计(施工);监理' }), validItem(2), validItem(3, { subject: '区政府办公室(区政务公开办)' })]);
    expect(findings(g)).toEqual([
      { cell: 'F5', severity: 'warning', messageId: 'halfWidth', data: { count: 4, chars: '「,」「(」「)」「;」' }, fix: 'unsafe' },
      { cell: 'I7', severity: 'warning', messageId: 'halfWidth', data: { count: 2, chars: '「(」「)」' }, fix: 'unsafe' },
    ]);
    expect(fixGrid(g, { rules: [rule] }).edits).toEqual([]);
    const once = fixGrid(g, { rules: [rule], unsafe: true });
    expect(fixGrid(once.grid, { rules: [rule], unsafe: true }).edits).toEqual([]);
    expect([textAt(once.grid, 5, 6), textAt(once.grid, 7, 9)]).toEqual(['信息，设计（施工）；监理', '区政府办公室（区政务公开办）']);
  });

  it('real catalogues: seed 001 has half-width punctuation in 28 cells, seed 000 in none', async () => {
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
    const sd = findings(await sample('shangdang-district-catalogue.xlsx'));
    expect(sd.map((f) => `${f.cell} ${f.data.count}${f.data.chars}`)).toEqual([
      'G23 6「(」「)」',
      'F24 2「(」「)」',
      'F27 3「,」',
      'F30 2「(」「)」',
      'G30 8「(」「)」「;」',
      'F31 6「,」',
      'G33 4「(」「)」',
      'G34 12「(」「)」',
      'G35 2「(」「)」',
      'G36 2「(」「)」',
      'G37 2「(」「)」',
      'F63 9「,」「;」',
      'G63 2「(」「)」',
      'G64 2「(」「)」',
      'F65 9「,」「(」「)」「;」',
      'G65 5「(」「)」「;」',
      'F66 1「,」',
      'G66 2「(」「)」',
      'F67 2「,」',
      'G67 2「(」「)」',
      'G68 2「(」「)」',
      'F69 2「,」',
      'G69 2「(」「)」',
      'G90 4「(」「)」',
      'G93 2「(」「)」',
      'G94 2「(」「)」',
      'G95 2「(」「)」',
      'F97 1「.」',
    ]);
  });
});
