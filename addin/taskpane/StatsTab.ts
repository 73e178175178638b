/// <reference lib="dom" />
/**
 * 统计: the monthly roll-up and the annual 表三 from the event log, written to their sheets by
 * the use-case, with their checks shown here.
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { createElement as h, useState } from 'react';
import { errorText, nextFrame } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { StatsResult } from './services.ts';
import type { PaneSettings } from './settings.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px' }, '& th': { textAlign: 'left', fontWeight: tokens.fontWeightRegular } },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type Cell = string | number | null;

/**
 * Rows as shown in a narrow pane: a leading one-cell title row is dropped (the title is shown
 * above), and a header with at most three data rows is turned on its side (one line per column).
 */
export function paneRows(rows: readonly (readonly Cell[])[]): Cell[][] {
  const body = rows.length > 0 && rows[0].length === 1 ? rows.slice(1) : rows.slice();
  if (body.length < 2 || body.length > 4) return body.map((r) => [...r]);
  const [head, ...data] = body;
  return head.map((label, j) => [label, ...data.map((r) => r[j] ?? null)]);
}

export interface StatsTabProps {
  host: PaneHost;
  settings: PaneSettings;
  locale: PaneLocale;
  /** Today, for the default year and month (injected for tests). */
  today?: Date;
}

export function StatsTab({ host, settings, locale, today = new Date() }: StatsTabProps) {
  const s = useStyles();
  const [year, setYear] = useState(String(today.getFullYear()));
  const [month, setMonth] = useState(String(today.getMonth() + 1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<StatsResult | null>(null);

  const run = async (which: 'monthly' | 'annual') => {
    const y = Number(year);
    const m = Number(month);
    if (!Number.isInteger(y) || y < 2008 || y > 2100) return setError(`年份「${year}」无效，应为 2008–2100 之间的整数 / invalid year`);
    if (which === 'monthly' && (!Number.isInteger(m) || m < 1 || m > 12)) return setError(`月份「${month}」无效，应为 1–12 / invalid month`);
    setBusy(true);
    setError(null);
    setResult(null);
    await nextFrame();
    try {
      setResult(which === 'monthly' ? await host.services.stats.monthly(host.port, settings, { year: y, month: m }) : await host.services.stats.annual(host.port, settings, { year: y }));
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return h(
    'section',
    { className: s.col, 'aria-label': t(locale, 'tabStats') },
    h(
      'div',
      { className: s.row },
      h(Field, { label: t(locale, 'year') }, h(Input, { value: year, onChange: (_e: unknown, d: { value: string }) => setYear(d.value), style: { width: '80px' } })),
      h(Field, { label: t(locale, 'month') }, h(Input, { value: month, onChange: (_e: unknown, d: { value: string }) => setMonth(d.value), style: { width: '56px' } })),
    ),
    h(
      'div',
      { className: s.row },
      h(Button, { appearance: 'primary', disabled: busy, onClick: () => void run('monthly'), ...data({ testid: 'run-monthly' }) }, t(locale, 'monthly')),
      h(Button, { disabled: busy, onClick: () => void run('annual'), ...data({ testid: 'run-annual' }) }, t(locale, 'annual')),
    ),
    busy ? h(Spinner, { size: 'tiny', label: t(locale, 'running'), labelPosition: 'after' }) : null,
    error ? h(MessageBar, { intent: 'error', ...data({ testid: 'stats-error' }) }, h(MessageBarBody, null, error)) : null,
    result
      ? h(
          'div',
          { ...data({ testid: 'stats-result' }) },
          h(Caption1, { as: 'p' }, result.title, result.sheet ? ` · ${t(locale, 'writtenTo', { sheet: result.sheet })}` : ''),
          h(
            'div',
            { className: s.scroll },
            h('table', { className: s.table }, h('tbody', null, ...paneRows(result.rows).map((r, i) => h('tr', { key: i }, ...r.map((c, j) => h(j === 0 ? 'th' : 'td', { key: j }, c === null ? '' : String(c))))))),
          ),
          h(Caption1, { as: 'p' }, t(locale, 'checks')),
          h(
            'ul',
            null,
            ...result.checks.map((c, i) => h('li', { key: i, className: c.ok ? s.ok : s.bad, ...data({ ok: c.ok }) }, `${c.ok ? t(locale, 'checkOk') : t(locale, 'checkFail')}：${c.message}`)),
          ),
        )
      : null,
  );
}
