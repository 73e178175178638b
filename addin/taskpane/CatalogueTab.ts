/// <reference lib="dom" />
/**
 * 目录校验: check the catalogue sheet, findings grouped by severity and rule, click to select the
 * cell, next/previous, ignore (remembered through the settings store), fix one, fix all safe,
 * re-check after every edit (ours at once, the user's debounced).
 */
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { render } from '../catalogue/messages.ts';
import type { CellEdit, Finding, Severity } from '../catalogue/types.ts';
import { type ValidationReport, fixSheet, validateSheet } from '../usecases/catalogue.ts';
import { errorText, nextFrame } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import { displayOrder, groupFindings, ignoreKey, safeFixCount, step, undoFor } from './findings-view.ts';
import type { PaneSettings } from './settings.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap', marginBottom: '8px' },
  group: { marginTop: '12px' },
  rule: { marginTop: '6px', marginLeft: '4px' },
  ruleHead: { display: 'flex', gap: '6px', alignItems: 'center', fontWeight: tokens.fontWeightSemibold },
  item: {
    display: 'grid',
    gridTemplateColumns: '52px 1fr',
    gap: '4px 8px',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  actions: { gridColumn: '2', display: 'flex', gap: '4px' },
  nav: { display: 'flex', gap: '8px', alignItems: 'center', marginTop: '8px' },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const MAX_PER_RULE = 300;

export interface CatalogueTabProps {
  host: PaneHost;
  settings: PaneSettings;
  saveSettings(s: PaneSettings): Promise<void>;
  locale: PaneLocale;
}

export function CatalogueTab({ host, settings, saveSettings, locale }: CatalogueTabProps) {
  const s = useStyles();
  const { port } = host;
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string>('');
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [current, setCurrent] = useState(-1);
  /** What the last fix changed, to put back with 撤销. */
  const [lastFix, setLastFix] = useState<{ sheet: string; undo: CellEdit[] } | null>(null);
  const ownWriteUntil = useRef(0);

  const ignored = useMemo(() => (report ? (settings.ignored[report.sheet] ?? []) : []), [report, settings]);

  const check = useCallback(
    async (name?: string, o: { quiet?: boolean; ignored?: string[] } = {}) => {
      setBusy(t(locale, 'validating'));
      if (!o.quiet) setNotice(null);
      await nextFrame();
      try {
        const target = name || undefined;
        const res = await validateSheet(port, target, { ignored: o.ignored ?? (target ? (settings.ignored[target] ?? []) : []) });
        // The first check without a name resolves the sheet; check again with its ignores.
        const final = !target && !o.ignored && (settings.ignored[res.sheet] ?? []).length ? await validateSheet(port, res.sheet, { ignored: settings.ignored[res.sheet] }) : res;
        setReport(final);
        setSheet(final.sheet);
        setCurrent(-1);
        ownWriteUntil.current = Date.now() + 1000;
        await port.clearHighlights(final.sheet);
        await port.highlight(final.sheet, final.findings);
      } catch (e) {
        setReport(null);
        setNotice({ intent: 'error', text: errorText(e, locale) });
      } finally {
        setBusy(null);
      }
    },
    [port, settings.ignored, locale],
  );

  // A new document: list its sheets and check the default one.
  useEffect(() => {
    let live = true;
    port
      .listSheets()
      .then((names) => {
        if (!live) return;
        setSheets(names);
        void check(undefined);
      })
      .catch((e: unknown) => setNotice({ intent: 'error', text: errorText(e, locale) }));
    return () => {
      live = false;
    };
  }, [host.docKey]);

  // The user's own edits (Excel): re-check, debounced, ignoring the echo of our writes.
  useEffect(() => {
    if (!host.onUserEdit || !sheet) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onUserEdit((changed) => {
      if (changed !== sheet || Date.now() < ownWriteUntil.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(sheet, { quiet: true }), 800);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [host, sheet, check]);

  const groups = useMemo(() => groupFindings(report?.findings ?? []), [report]);
  const order = useMemo(() => displayOrder(groups), [groups]);

  const select = async (f: Finding) => {
    setCurrent(order.indexOf(f));
    try {
      await port.select(f.sheet, { r1: f.row, c1: f.col, r2: f.row, c2: f.col });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    }
  };

  const move = (by: 1 | -1) => {
    const i = step(current, order.length, by);
    if (i >= 0) void select(order[i]);
  };

  const fixOne = async (f: Finding) => {
    if (!f.fix) return;
    setBusy(t(locale, 'fixing'));
    try {
      ownWriteUntil.current = Date.now() + 5000;
      const r = await port.applyEdits(f.sheet, f.fix.edits);
      setLastFix(r.applied.length ? { sheet: f.sheet, undo: undoFor(r) } : null);
      setNotice({ intent: 'success', text: t(locale, 'fixedSummary', { applied: r.applied.length, passes: 1, skipped: r.skipped.length ? t(locale, 'skippedPart', { n: r.skipped.length }) : '' }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    } finally {
      setBusy(null);
    }
    await check(f.sheet, { quiet: true });
  };

  const fixAll = async () => {
    if (!report) return;
    setBusy(t(locale, 'fixing'));
    await nextFrame();
    try {
      ownWriteUntil.current = Date.now() + 5000;
      const r = await fixSheet(port, { sheet: report.sheet, options: { ignored } });
      setLastFix(r.apply?.applied.length ? { sheet: r.sheet, undo: undoFor(r.apply) } : null);
      const applied = r.apply?.applied.length ?? 0;
      const skipped = r.apply?.skipped.length ?? 0;
      setNotice(
        applied + skipped === 0
          ? { intent: 'info', text: t(locale, 'nothingToFix') }
          : { intent: 'success', text: t(locale, 'fixedSummary', { applied, passes: r.passes, skipped: skipped ? t(locale, 'skippedPart', { n: skipped }) : '' }) },
      );
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    } finally {
      setBusy(null);
    }
    await check(report.sheet, { quiet: true });
  };

  const undo = async () => {
    if (!lastFix) return;
    setBusy(t(locale, 'fixing'));
    try {
      ownWriteUntil.current = Date.now() + 5000;
      const r = await port.applyEdits(lastFix.sheet, lastFix.undo);
      setNotice({ intent: 'info', text: t(locale, 'undone', { n: r.applied.length, skipped: r.skipped.length ? t(locale, 'skippedPart', { n: r.skipped.length }) : '' }) });
      setLastFix(null);
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    } finally {
      setBusy(null);
    }
    await check(lastFix.sheet, { quiet: true });
  };

  const ignore = async (f: Finding) => {
    const list = settings.ignored[f.sheet] ?? [];
    const key = ignoreKey(f);
    if (list.includes(key)) return;
    const next = { ...settings, ignored: { ...settings.ignored, [f.sheet]: [...list, key] } };
    await saveSettings(next);
    // Drop it from the list at once; the next check passes it to the engine.
    setReport((r) => (r ? { ...r, findings: r.findings.filter((x) => !(x.ruleId === f.ruleId && x.cell === f.cell)) } : r));
  };

  const unignoreAll = async () => {
    if (!report) return;
    const rest = { ...settings.ignored };
    delete rest[report.sheet];
    await saveSettings({ ...settings, ignored: rest });
    await check(report.sheet, { quiet: true, ignored: [] });
  };

  const ignoredCount = ignored.length;
  const safe = safeFixCount(report?.findings ?? []);
  const selected = current >= 0 ? order[current] : undefined;

  return h(
    'section',
    { 'aria-label': t(locale, 'tabCatalogue') },
    h(
      'div',
      { className: s.bar },
      h(
        Select,
        {
          'aria-label': t(locale, 'sheet'),
          value: sheet,
          onChange: (_e: unknown, d: { value: string }) => {
            setSheet(d.value);
            void check(d.value);
          },
        },
        ...sheets.map((n) => h('option', { key: n, value: n }, n)),
      ),
      h(Button, { onClick: () => void check(sheet), disabled: Boolean(busy), ...data({ testid: 'recheck' }) }, report ? t(locale, 'recheck') : t(locale, 'validate')),
      h(Button, { appearance: 'primary', onClick: () => void fixAll(), disabled: Boolean(busy) || safe === 0, ...data({ testid: 'fix-all' }) }, t(locale, 'fixAllSafe')),
    ),
    busy ? h(Spinner, { size: 'tiny', label: busy, labelPosition: 'after' }) : null,
    notice
      ? h(
          MessageBar,
          { intent: notice.intent, ...data({ testid: 'notice' }) },
          h(MessageBarBody, null, notice.text, ' ', lastFix && !busy ? h(Button, { size: 'small', onClick: () => void undo(), ...data({ testid: 'undo' }) }, t(locale, 'undo')) : null),
        )
      : null,
    report
      ? h(
          Caption1,
          { as: 'p', ...data({ testid: 'summary', safe, errors: report.stats.errors }) },
          t(locale, 'summary', { items: report.stats.items, errors: report.stats.errors, warnings: report.stats.warnings, infos: report.stats.infos, safe }),
        )
      : busy
        ? null
        : h(Caption1, { as: 'p' }, t(locale, 'notChecked')),
    report && ignoredCount > 0 ? h(Button, { appearance: 'subtle', size: 'small', onClick: () => void unignoreAll() }, t(locale, 'unignoreAll', { n: ignoredCount })) : null,
    report && order.length === 0 ? h(MessageBar, { intent: 'success' }, h(MessageBarBody, null, t(locale, 'noFindings'))) : null,
    order.length > 0
      ? h(
          'div',
          { className: s.nav },
          h(Button, { size: 'small', onClick: () => move(-1), ...data({ testid: 'prev' }) }, t(locale, 'previous')),
          h(Button, { size: 'small', onClick: () => move(1), ...data({ testid: 'next' }) }, t(locale, 'next')),
          current >= 0 ? h(Caption1, { ...data({ testid: 'position' }) }, t(locale, 'position', { i: current + 1, n: order.length })) : null,
        )
      : null,
    ...groups.map((g) =>
      h(
        'div',
        { key: g.severity, className: s.group, ...data({ severity: g.severity }) },
        h(Subtitle2, null, h(Badge, { color: SEVERITY_COLOR[g.severity], shape: 'rounded' }, g.count), ' ', t(locale, g.severity)),
        ...g.rules.map((r) =>
          h(
            'div',
            { key: r.ruleId, className: s.rule, ...data({ rule: r.ruleId }) },
            h('div', { className: s.ruleHead }, h('code', null, r.ruleId), h(Badge, { appearance: 'tint', color: SEVERITY_COLOR[g.severity] }, r.findings.length)),
            ...r.findings.slice(0, MAX_PER_RULE).map((f, i) =>
              h(
                'div',
                {
                  key: `${f.cell}:${f.messageId}:${i}`,
                  role: 'button',
                  tabIndex: 0,
                  className: f === selected ? `${s.item} ${s.selected}` : s.item,
                  ...data({ cell: f.cell, fix: f.fix?.applicability ?? 'none' }),
                  'aria-current': f === selected ? 'true' : undefined,
                  onClick: () => void select(f),
                  onKeyDown: (e: { key: string }) => {
                    if (e.key === 'Enter' || e.key === ' ') void select(f);
                  },
                },
                h('span', { className: s.cell }, f.cell),
                h('span', null, render(f, locale)),
                f === selected
                  ? h(
                      'span',
                      { className: s.actions },
                      f.fix && f.fix.applicability !== 'display'
                        ? h(Button, { size: 'small', appearance: 'primary', onClick: () => void fixOne(f) }, f.fix.applicability === 'safe' ? t(locale, 'fixOne') : t(locale, 'applyUnsafe'))
                        : null,
                      h(Button, { size: 'small', onClick: () => void ignore(f) }, t(locale, 'ignore')),
                    )
                  : f.fix && f.fix.applicability !== 'display'
                    ? h('span', { className: s.actions }, h(Caption1, null, f.fix.applicability === 'safe' ? t(locale, 'safeFix') : t(locale, 'unsafeFix')))
                    : null,
              ),
            ),
            r.findings.length > MAX_PER_RULE ? h(Caption1, null, `… +${r.findings.length - MAX_PER_RULE}`) : null,
          ),
        ),
      ),
    ),
  );
}
