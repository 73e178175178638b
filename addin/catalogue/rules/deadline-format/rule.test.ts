import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../deadline.ts';
import { fixGrid, validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { textAt } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const H = 8;
const grid = (deadlines: (string | null)[]) => catalogueGrid(deadlines.map((d, i) => validItem(i + 1, { deadline: d })));
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, messageId: f.messageId, data: f.data, fix: f.fix?.applicability }));
const deadlinesAfterFix = (g: Grid, unsafe: boolean) => {
  const once = fixGrid(g, { rules: [rule], unsafe });
  expect(fixGrid(once.grid, { rules: [rule], unsafe }).edits).toEqual([]);
  return once.grid.values.slice(4).map((_, i) => textAt(once.grid, 5 + i, H));
};

describe('deadline-format', () => {
  it('accepts the standard phrasings and the definite qualitative forms', () => {
    const g = grid([
      '自该信息形成或者变更之日起20个工作日内',
      '自该信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的，从其规定。',
      '制定或获取信息之日起10个工作日内,公示7个工作日',
      '本级人民代表大会或其常务委员会批准后20日内',
      '检查及查处结果作出之日起的7个工作日内',
      '实时更新',
      '每年1月31日前',
      '季度出刊',
      // over 20 working days, but the phrase defers to another law
      '依照《中华人民共和国预算法》，批复后30个工作日内',
    ]);
    expect(findings(g)).toEqual([]);
  });

  it('reports unparseable, over-limit, vague, trigger-less, spaced and 同上 cells', () => {
    const g = grid([
      '按照上级要求办理', // 5
      '自该信息形成或者变更之日起30个工作日内', // 6
      '同上', // 7
      null, // 8: inherits nothing of its own
      '同上', // 9: the last explicit value above is row 6
      '及时公开', // 10
      '20工作日', // 11
      '制 定 或 获 取 信 息之日起 10 个 工作日内', // 12
    ]);
    expect(findings(g)).toEqual([
      { cell: 'H5', severity: 'warning', messageId: 'unparsed', data: { value: '按照上级要求办理' }, fix: undefined },
      { cell: 'H6', severity: 'warning', messageId: 'overLimit', data: { n: 30, value: '自该信息形成或者变更之日起30个工作日内' }, fix: undefined },
      { cell: 'H7', severity: 'info', messageId: 'sameAsAbove', data: { resolved: '自该信息形成或者变更之日起30个工作日内', above: 'H6' }, fix: 'unsafe' },
      { cell: 'H9', severity: 'info', messageId: 'sameAsAbove', data: { resolved: '自该信息形成或者变更之日起30个工作日内', above: 'H6' }, fix: 'unsafe' },
      { cell: 'H10', severity: 'info', messageId: 'vague', data: { value: '及时公开', form: '及时公开' }, fix: undefined },
      { cell: 'H11', severity: 'info', messageId: 'noTrigger', data: { value: '20工作日' }, fix: undefined },
      { cell: 'H12', severity: 'info', messageId: 'spaced', data: { value: '制 定 或 获 取 信 息之日起 10 个 工作日内' }, fix: 'safe' },
    ]);
    expect(findings(grid(['同上', '实时更新']))).toEqual([{ cell: 'H5', severity: 'warning', messageId: 'sameAsAboveMissing', data: {}, fix: undefined }]);
  });

  it('fixes spacing safely and writes out 同上 only with --unsafe; fixing twice changes nothing', () => {
    const g = grid(['每年1月31日前', '同上', '同上', '制 定 或 获 取 信 息之日起 10 个 工作日内']);
    expect(deadlinesAfterFix(g, false)).toEqual(['每年1月31日前', '同上', '同上', '制定或获取信息之日起10个工作日内']);
    expect(deadlinesAfterFix(g, true)).toEqual(['每年1月31日前', '每年1月31日前', '每年1月31日前', '制定或获取信息之日起10个工作日内']);
  });

  it('real catalogues: every 公开时限 parses and nothing is reported', async () => {
    for (const name of ['changzhi-commerce-catalogue.xlsx', 'shangdang-district-catalogue.xlsx']) {
      const g = await sample(name);
      expect(findings(g)).toEqual([]);
      const { catalogue } = validateGrid(g, {}, [rule]);
      const kinds = new Map<string, number>();
      for (const r of catalogue!.rows) {
        if (r.kind === 'blank' || r.shift || !r.own.deadline) continue;
        const d = parseDeadline(r.own.deadline.text);
        const k = d.kind === 'qualitative' ? d.form : d.kind === 'relative' ? `${d.n}${d.unit}` : 'unparsed';
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
      expect(Object.fromEntries(kinds)).toEqual(
        name.startsWith('changzhi')
          ? { '20工作日': 8, 实时更新: 4, '7工作日': 1, 每年M月D日前: 1 }
          : { '20工作日': 11, 实时更新: 40, 每年M月D日前: 3 },
      );
    }
  });
});
