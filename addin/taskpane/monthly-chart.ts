/**
 * The chart of monthly applications received and closed on 「月度统计」, as a ChartSpec over the
 * rows the statistics wrote there (row 1 title, row 2 header, one row per month, then 合计 when
 * there are several months). Pure: the adapters draw it (Excel charts.add; DrawingML in a file).
 */
import type { ChartSpec, WorkbookPort } from '../port/workbook-port.ts';

export const MONTHLY_CHART_NAME = 'xxgk-monthly-chart';

type Cell = string | number | null;

/** null when the rows do not have the 月份 / 新收申请 / 办结 columns or any month. */
export function monthlyChartSpec(rows: readonly (readonly Cell[])[]): ChartSpec | null {
  const header = rows[1] ?? [];
  const received = header.indexOf('新收申请');
  const closed = header.indexOf('办结');
  if (header[0] !== '月份' || received < 0 || closed < 0) return null;
  let last = 2; // 0-based index of the last month row
  while (last + 1 < rows.length && rows[last + 1]?.[0] !== '合计' && rows[last + 1]?.[0] !== null && rows[last + 1]?.[0] !== undefined) last++;
  if (rows.length < 3 || rows[2]?.[0] === '合计') return null;
  const r1 = 3;
  const r2 = last + 1;
  const col = (j: number) => ({ r1, c1: j + 1, r2, c2: j + 1 });
  const num = (v: Cell | undefined) => (typeof v === 'number' ? v : null);
  const months = rows.slice(2, last + 1);
  return {
    name: MONTHLY_CHART_NAME,
    title: '每月新收与办结申请',
    type: 'clusteredColumn',
    categories: col(0),
    series: [
      { name: '新收申请', nameCell: { row: 2, col: received + 1 }, values: col(received) },
      { name: '办结', nameCell: { row: 2, col: closed + 1 }, values: col(closed) },
    ],
    // below the table (and its 合计 row), two rows of space
    anchor: { row: rows.length + 3, col: 1, cols: 10, rows: 18 },
    cache: { categories: months.map((r) => String(r[0] ?? '')), series: [months.map((r) => num(r[received])), months.map((r) => num(r[closed]))] },
  };
}

/** Draw (or redraw) the chart on the monthly sheet just written; false when the rows have no months. */
export async function writeMonthlyChart(port: Pick<WorkbookPort, 'writeChart'>, sheet: string, rows: readonly (readonly Cell[])[]): Promise<boolean> {
  const spec = monthlyChartSpec(rows);
  if (!spec) return false;
  await port.writeChart(sheet, spec);
  return true;
}
