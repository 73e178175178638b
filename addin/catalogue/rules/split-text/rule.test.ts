import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import rule from './index.ts';

const long = '行政机关主动公开政府信息的情况；政府信息公开工作存在的主要问题及改进情况，还应当包括工作考核、社';

describe('split-text', () => {
  it('joins a sentence cut at a page break back into the cell above (unsafe)', () => {
    const g = catalogueGrid([validItem(1, { content: long }), null, { level3: '各乡镇信息公开年报', content: '会评议和责任追究结果情况' }]);
    const fs = validateGrid(g, {}, [rule]).findings;
    expect(fs.map((f) => [f.cell, f.data.above, f.fix?.applicability])).toEqual([['F7', 'F5', 'unsafe']]);
    const fixed = fixGrid(g, { rules: [rule], unsafe: true }).grid;
    expect(fixed.values[4][5]).toBe(long + '会评议和责任追究结果情况');
    expect(fixed.values[6][5]).toBe(null);
  });
  it('joins a citation whose 《 》 was cut across the break', () => {
    const g = catalogueGrid([validItem(1, { basis: '1.《条例》第二十条；2.《中共中央办公厅 国务院办公厅印发〈关于推行地方各级政府工作部门' }), null, validItem(2, { basis: '《权力清单制度的指导意见》的通知》(中办发〔2015〕21号)' })]);
    expect(validateGrid(g, {}, [rule]).findings.map((f) => f.cell)).toEqual(['G7']);
  });
  it('does not join a complete sentence, nor a new numbered item', () => {
    const g = catalogueGrid([validItem(1, { content: long + '会评议。' }), null, validItem(2, { content: '以本机关名义印发的文件' })]);
    expect(validateGrid(g, {}, [rule]).findings).toEqual([]);
  });
});
