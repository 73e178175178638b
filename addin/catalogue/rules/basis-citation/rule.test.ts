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
const G = 7;
const grid = (bases: string[]) => catalogueGrid(bases.map((b, i) => validItem(i + 1, { basis: b })));
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));
const basesAfterFix = (g: Grid, unsafe: boolean) => {
  const once = fixGrid(g, { rules: [rule], unsafe });
  expect(fixGrid(once.grid, { rules: [rule], unsafe }).edits).toEqual([]);
  return once.grid.values.slice(4).map((_, i) => textAt(once.grid, 5 + i, G));
};

describe('basis-citation', () => {
  it('accepts well-formed citations', () => {
    const g = grid([
      '《中华人民共和国政府信息公开条例》第二十条',
      '1.《中华人民共和国政府信息公开条例》第四条； 2.中共中央办公厅 国务院办公厅印发《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）“（十五）完善制度规范”',
      '《中华人民共和国政府信息公开条例》(国令第711号)',
      '1、《条例》第四条；2、《意见》（中办发〔2016〕8号）',
      '《中共中央办公厅 国务院办公厅印发〈关于推行地方各级政府工作部门权力清单制度的指导意见〉的通知》（中办发〔2015〕21号）',
    ]);
    expect(findings(g)).toEqual([]);
  });

  it('reports each problem at its cell', () => {
    const g = grid([
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发[2017]47号）', // 5
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发（2017）47号）', // 6
      '《国务院办公厅关于印发政府网站发展指引的通知》国办发【2017】47号', // 7
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕第47号）', // 8
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕047号）', // 9
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47）', // 10
      '《国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）', // 11
      '1.《条例》第四条； 2、《意见》 3．《办法》', // 12
      '《中华人民共和国政府信息公开条例》第20条', // 13
    ]);
    const docNo = (s: string) => ({ docNo: `国办发${s}` });
    expect(findings(g)).toEqual([
      { cell: 'G5', severity: 'warning', messageId: 'docBrackets', data: { ...docNo('[2017]47号'), found: '[2017]', fixed: '〔2017〕' }, fix: 'safe' },
      { cell: 'G6', severity: 'warning', messageId: 'docBrackets', data: { ...docNo('（2017）47号'), found: '（2017）', fixed: '〔2017〕' }, fix: 'safe' },
      { cell: 'G7', severity: 'warning', messageId: 'docBrackets', data: { ...docNo('【2017】47号'), found: '【2017】', fixed: '〔2017〕' }, fix: 'safe' },
      { cell: 'G8', severity: 'error', messageId: 'docDi', data: { ...docNo('〔2017〕第47号'), fixed: '国办发〔2017〕47号' }, fix: 'safe' },
      { cell: 'G9', severity: 'warning', messageId: 'docZero', data: { ...docNo('〔2017〕047号'), found: '047', fixed: '47' }, fix: 'safe' },
      { cell: 'G10', severity: 'warning', messageId: 'docHao', data: { ...docNo('〔2017〕47'), fixed: '国办发〔2017〕47号' }, fix: 'unsafe' },
      { cell: 'G11', severity: 'warning', messageId: 'unbalanced', data: { open: '《', close: '》', opens: 1, closes: 0 }, fix: undefined },
      { cell: 'G12', severity: 'warning', messageId: 'mixedMarkers', data: { styles: '1. / 1、 / 1．', n: 2 }, fix: 'unsafe' },
      { cell: 'G12', severity: 'warning', messageId: 'mixedMarkers', data: { styles: '1. / 1、 / 1．', n: 3 }, fix: 'unsafe' },
      { cell: 'G12', severity: 'warning', messageId: 'missingSemicolon', data: { n: 3 }, fix: 'unsafe' },
      { cell: 'G13', severity: 'warning', messageId: 'arabicArticle', data: { found: '第20条', fixed: '第二十条' }, fix: 'unsafe' },
    ]);
  });

  it('fixes 文号 safely, lists and articles with --unsafe; one pass per cell; fixing twice changes nothing', () => {
    const g = grid([
      '1.《通知》（国办发[2017]47号）；2.《意见》（国办发（2018）第094号） 3、《办法》第20条',
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47）',
      '《中华人民共和国政府信息公开条例》第20条、第101条',
    ]);
    expect(basesAfterFix(g, false)).toEqual([
      '1.《通知》（国办发〔2017〕47号）；2.《意见》（国办发〔2018〕94号） 3、《办法》第20条',
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47）',
      '《中华人民共和国政府信息公开条例》第20条、第101条',
    ]);
    expect(basesAfterFix(g, true)).toEqual([
      '1.《通知》（国办发〔2017〕47号）；2.《意见》（国办发〔2018〕94号）； 3.《办法》第二十条',
      '《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）',
      '《中华人民共和国政府信息公开条例》第二十条、第一百零一条',
    ]);
    // every safe change of a cell comes with its first finding's fix
    expect(fixGrid(g, { rules: [rule] }).passes).toBe(1);
  });

  it('real catalogues: unbalanced brackets and missing 「；」 in seed 001, missing 「；」 in seed 000', async () => {
    const brief = (g: Grid) => findings(g).map((f) => `${f.cell} ${f.messageId} ${f.data.n ?? `${f.data.open}${f.data.opens}${f.data.close}${f.data.closes}`}`);
    expect(brief(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual(['F10 missingSemicolon 2', 'F10 missingSemicolon 3', 'F12 missingSemicolon 2', 'F12 missingSemicolon 3', 'F12 missingSemicolon 4']);
    expect(brief(await sample('shangdang-district-catalogue.xlsx'))).toEqual([
      'G17 missingSemicolon 2',
      'G17 missingSemicolon 3',
      'G19 missingSemicolon 2',
      // G30/G33: a citation cut at a page break (split-text reports the bracket split too)
      'G30 unbalanced 《3》2',
      'G30 unbalanced 〈1〉0',
      'G33 unbalanced 《2》3',
      'G34 missingSemicolon 2',
      'G34 missingSemicolon 3',
      'G34 missingSemicolon 4',
      // 「（中办发〔2016〕8号」 never closed
      'G49 unbalanced （1）0',
      'G82 missingSemicolon 2',
      'G82 missingSemicolon 3',
      'G97 missingSemicolon 2',
      'G98 missingSemicolon 3',
    ]);
  });
});
