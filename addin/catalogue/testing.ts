/**
 * Test helper: a catalogue grid with the standard two-row header (seed 000 layout plus 四级事项),
 * so rule tests can state only the rows they care about. Not used by production code.
 */
import { type Grid, type Scalar, gridFromRows } from './grid.ts';
import type { FieldId } from './types.ts';

/** Columns A–N of the standard layout. */
export const STD_COLUMNS: FieldId[] = ['seq', 'level1', 'level2', 'level3', 'level4', 'content', 'basis', 'deadline', 'subject', 'channel', 'audienceAll', 'audienceSpecific', 'modeActive', 'modeOnRequest'];

const HEADER_1: Scalar[] = ['序号', '公开事项', null, null, null, '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', null, '公开方式', null];
const HEADER_2: Scalar[] = [null, '一级事项', '二级事项', '三级事项', '四级事项', null, null, null, null, null, '全社会', '特定群众', '主动', '依申请公开'];

/** A complete, valid item row; override fields as needed. */
export function validItem(n: number, over: Partial<Record<FieldId, Scalar>> = {}): Partial<Record<FieldId, Scalar>> {
  return {
    seq: n,
    level1: '法定主动公开内容',
    level2: `事项${n}`,
    content: '以本机关名义印发的行政规范性文件及其解读材料',
    basis: '《中华人民共和国政府信息公开条例》第二十条',
    deadline: '自该信息形成或者变更之日起20个工作日内',
    subject: '长治市商务局',
    channel: '■政府网站',
    audienceAll: '√',
    modeActive: '√',
    ...over,
  };
}

/** Title in row 1, blank row 2, header rows 3–4, data from row 5. */
export function catalogueGrid(rows: (Partial<Record<FieldId, Scalar>> | Scalar[] | null)[], sheet = '目录'): Grid {
  const data = rows.map((r) => {
    if (r === null) return [];
    if (Array.isArray(r)) return r;
    return STD_COLUMNS.map((f) => (r[f] === undefined ? null : r[f]!));
  });
  return gridFromRows(sheet, [['长治市商务局主动公开事项目录'], [], HEADER_1, HEADER_2, ...data], [
    { r1: 1, c1: 1, r2: 1, c2: 14 },
    { r1: 3, c1: 1, r2: 4, c2: 1 },
    { r1: 3, c1: 2, r2: 3, c2: 5 },
    { r1: 3, c1: 6, r2: 4, c2: 6 },
    { r1: 3, c1: 7, r2: 4, c2: 7 },
    { r1: 3, c1: 8, r2: 4, c2: 8 },
    { r1: 3, c1: 9, r2: 4, c2: 9 },
    { r1: 3, c1: 10, r2: 4, c2: 10 },
    { r1: 3, c1: 11, r2: 3, c2: 12 },
    { r1: 3, c1: 13, r2: 3, c2: 14 },
  ]);
}
