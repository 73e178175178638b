import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule, { normalizeWhitespace } from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, fix: f.fix?.applicability }));

describe('text-whitespace', () => {
  it('keeps a single space between listed items', () => {
    const g = catalogueGrid([validItem(1, { level2: '行政权力', level3: '权责清单 运行流程图 廉政风险防控图', content: '1.公示公告：…； 2.各相关单位发布的信息' })]);
    expect(findings(g)).toEqual([]);
  });

  it('reports line breaks, edges, runs and full-width spaces in text cells (not in channel or tick cells)', () => {
    const g = catalogueGrid([
      validItem(1, { content: '权责清单\n运行流程图' }), // 5
      validItem(2, { subject: ' 长治市商务局 ' }), // 6
      validItem(3, { basis: '《中华人民共和国政府信息公开条例》  第二十条' }), // 7
      validItem(4, { level2: '代表建议答复\u3000委员提案答复' }), // 8
      validItem(5, { deadline: '自该信息形成或者变更之日起20个工作日内\u00a0' }), // 9
      validItem(6, { channel: '■政府网站  ■政务新媒体' }), // 10: channel-vocabulary's business
    ]);
    expect(findings(g)).toEqual([
      { cell: 'F5', severity: 'warning', messageId: 'lineBreak', fix: 'safe' },
      { cell: 'I6', severity: 'warning', messageId: 'edges', fix: 'safe' },
      { cell: 'G7', severity: 'warning', messageId: 'runs', fix: 'safe' },
      { cell: 'C8', severity: 'warning', messageId: 'wideSpace', fix: 'safe' },
      { cell: 'H9', severity: 'warning', messageId: 'edges', fix: 'safe' },
    ]);
    const once = fixGrid(g, { rules: [rule] });
    expect(fixGrid(once.grid, { rules: [rule] }).edits).toEqual([]);
    expect([textAt(once.grid, 5, 6), textAt(once.grid, 6, 9), textAt(once.grid, 7, 7), textAt(once.grid, 8, 3), textAt(once.grid, 9, 8), textAt(once.grid, 10, 10)]).toEqual([
      '权责清单 运行流程图',
      '长治市商务局',
      '《中华人民共和国政府信息公开条例》 第二十条',
      '代表建议答复 委员提案答复',
      '自该信息形成或者变更之日起20个工作日内',
      '■政府网站  ■政务新媒体',
    ]);
  });

  it.each([
    ['  a  b  ', 'a b'],
    ['公示\r\n栏', '公示 栏'],
    ['\u3000\u3000正文', '正文'],
    ['甲 乙', '甲 乙'],
  ])('normalizeWhitespace(%j) = %j', (a, b) => expect(normalizeWhitespace(a)).toBe(b));

  it('real catalogues: no stray whitespace (single spaces separate items there)', async () => {
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
    expect(findings(await sample('shangdang-district-catalogue.xlsx'))).toEqual([]);
  });
});
