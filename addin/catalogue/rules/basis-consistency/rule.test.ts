import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGrid } from '../../engine.ts';
import type { Grid } from '../../grid.ts';
import { catalogueGrid, validItem } from '../../testing.ts';
import { readWorkbook } from '../../../port/file/index.ts';
import rule from './index.ts';

const SAMPLES = new URL('../../../../test/fixtures/samples/', import.meta.url);
const sample = async (name: string): Promise<Grid> => readWorkbook(new Uint8Array(fs.readFileSync(new URL(name, SAMPLES))), name).readSheet();
const grid = (bases: string[]) => catalogueGrid(bases.map((b, i) => validItem(i + 1, { basis: b })));
const findings = (g: Grid) => validateGrid(g, {}, [rule]).findings.map((f) => ({ cell: f.cell, severity: f.severity, field: f.field, messageId: f.messageId, data: f.data, fix: f.fix }));

const T2014 = '国务院办公厅关于印发2014年政府信息公开工作要点的通知';

describe('basis-consistency', () => {
  it('accepts the same title with the same 文号 however it is written', () => {
    const g = grid([
      `《${T2014}》（国办发〔2014〕12号）`,
      `《${T2014}》(国办发[2014]12号)`,
      `1.《中华人民共和国政府信息公开条例》第二十条； 2.${T2014}（国办发〔2014〕12号）`,
      `《${T2014}》`,
      '《国务院办公厅关于印发2021年政务公开工作要点的通知》（国办发〔2021〕12号）',
    ]);
    expect(findings(g)).toEqual([]);
  });

  it('reports the cells that differ from the majority, naming the others', () => {
    const g = grid([`《${T2014}》（国办发〔2014〕12号）`, `《${T2014}》（国办发〔2014〕12号）`, `《${T2014}》（国办发〔2014〕13号）`, `2.${T2014}（国办发〔2014〕12号）`]);
    expect(findings(g)).toEqual([
      {
        cell: 'G7',
        severity: 'warning',
        field: 'basis',
        messageId: 'conflict',
        data: { title: T2014, docNo: '国办发〔2014〕13号', others: '「国办发〔2014〕12号」（G5、G6、G8）', othersEn: '"国办发〔2014〕12号" (G5, G6, G8)' },
        fix: undefined,
      },
    ]);
  });

  it('reports every cell when there is no majority', () => {
    const g = grid(['《考核方案的通知》长政办函〔2022〕25号', '《考核方案的通知》长政办函〔2023〕34号']);
    expect(findings(g).map((f) => `${f.cell} ${f.data.docNo} / ${f.data.others}`)).toEqual(['G5 长政办函〔2022〕25号 / 「长政办函〔2023〕34号」（G6）', 'G6 长政办函〔2023〕34号 / 「长政办函〔2022〕25号」（G5）']);
  });

  it('seed 001: 2014 要点 cited as 12号 eleven times, 13号 in F75 and 14号 in F76 (rows shifted into 公开内容); the 2022 考核方案 as 〔2023〕34号 and 〔2022〕25号', async () => {
    const sd = findings(await sample('shangdang-district-catalogue.xlsx'));
    expect(sd.map((f) => ({ cell: f.cell, ...f.data }))).toEqual([
      {
        cell: 'F75',
        title: T2014,
        docNo: '国办发〔2014〕13号',
        others: '「国办发〔2014〕12号」（G21、G57、G59 等 11 处）、「国办发〔2014〕14号」（F76）',
        othersEn: '"国办发〔2014〕12号" (G21, G57, G59, … 11 cells), "国办发〔2014〕14号" (F76)',
      },
      {
        cell: 'F76',
        title: T2014,
        docNo: '国办发〔2014〕14号',
        others: '「国办发〔2014〕12号」（G21、G57、G59 等 11 处）、「国办发〔2014〕13号」（F75）',
        othersEn: '"国办发〔2014〕12号" (G21, G57, G59, … 11 cells), "国办发〔2014〕13号" (F75)',
      },
      {
        cell: 'F77',
        title: '关于印发长治市2022年度政务公开工作考核方案的通知',
        docNo: '长政办函〔2023〕34号',
        others: '「长政办函〔2022〕25号」（G81）',
        othersEn: '"长政办函〔2022〕25号" (G81)',
      },
      {
        cell: 'G81',
        title: '关于印发长治市2022年度政务公开工作考核方案的通知',
        docNo: '长政办函〔2022〕25号',
        others: '「长政办函〔2023〕34号」（F77）',
        othersEn: '"长政办函〔2023〕34号" (F77)',
      },
    ]);
    expect(new Set(sd.map((f) => `${f.severity} ${f.field}`))).toEqual(new Set(['warning basis']));
  });

  it('seed 000 is consistent', async () => {
    expect(findings(await sample('changzhi-commerce-catalogue.xlsx'))).toEqual([]);
  });
});
