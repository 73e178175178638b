/// <reference lib="dom" />
/**
 * 目录校验: check the catalogue sheet, findings grouped by severity and rule, click to select the
 * cell, next/previous, ignore (remembered in the workbook's own state, so it travels with the
 * file), fix one, fix all safe (edits, green fix marks and a 'catalogue-fixed' log event in one
 * write), undo, drop-down lists for the 渠道/对象/方式/时限 columns, and a re-check of the changed
 * rows as the user types (Excel with ExcelApi 1.9), our own writes told apart by address + value.
 *
 * Everything that touches the port goes through one WorkQueue (work-queue.ts), one task at a
 * time; a live re-check's result is dropped when a full check was requested after it was queued.
 */
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { validateGrid } from '../catalogue/engine.ts';
import type { Grid } from '../catalogue/grid.ts';
import { render } from '../catalogue/messages.ts';
import type { CellEdit, Finding, Severity } from '../catalogue/types.ts';
import type { CellsChangedEvent } from '../port/workbook-port.ts';
import { type ValidationReport, catalogueDropdowns, fixLogOption, fixSheet, reportOf, workbookIgnores } from '../usecases/catalogue.ts';
import { errorText, nextFrame } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import { displayOrder, groupFindings, safeFixCount, step, undoFor } from './findings-view.ts';
import { type IgnoreRecord, ignoreRecordFor, ignoreStateKey, ignoreStateValue, ignoresOf, recordsFromLegacy, withoutIgnored } from './ignores.ts';
import { WorkQueue } from './work-queue.ts';
import { OwnWrites, gridWidth, mergeRows, rowsToReread, widestColumn } from './live-recheck.ts';
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
  hint: { color: tokens.colorNeutralForeground3, display: 'block', marginBottom: '6px' },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const MAX_PER_RULE = 300;
/** Typing pauses this long before the changed rows are checked again. */
const RECHECK_DEBOUNCE_MS = 800;
/** Sheets the product keeps for itself (log, state): never offered as catalogues. */
const OWN_SHEET = /^_xxgk_/;

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
  const [notice, setNotice] = useState<{ intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null>(null);
  const [current, setCurrent] = useState(-1);
  /** What the last fix changed, to put back with 撤销. */
  const [lastFix, setLastFix] = useState<{ sheet: string; undo: CellEdit[] } | null>(null);
  /** Whether the last fix left green marks on the sheet. */
  const [fixMarked, setFixMarked] = useState<string | null>(null);
  const [activeIgnores, setActiveIgnores] = useState(0);
  /** The grid the report was made from (live re-checks merge changed rows into it). */
  const gridRef = useRef<Grid | null>(null);
  /** The workbook's state (ignored findings live there): read once per document, we are its only writer. */
  const stateRef = useRef<Record<string, string> | null>(null);
  const ownWrites = useRef(new OwnWrites());
  const sheetRef = useRef('');
  /** One queue per document: every port call of this tab runs through it, one at a time. */
  const queueRef = useRef<{ key: unknown; port: unknown; queue: WorkQueue }>({ key: host.docKey, port, queue: new WorkQueue() });
  if (queueRef.current.key !== host.docKey || queueRef.current.port !== port) queueRef.current = { key: host.docKey, port, queue: new WorkQueue() };
  const queue = queueRef.current.queue;

  /** The workbook state, read once per document (we are its only writer). */
  const loadState = useCallback(async (): Promise<Record<string, string>> => {
    if (stateRef.current) return stateRef.current;
    const st = await port.readState();
    stateRef.current = st;
    return st;
  }, [port]);

  const writeState = useCallback(
    async (entries: Record<string, string | null>) => {
      await port.writeState(entries);
      const next = { ...(stateRef.current ?? {}) };
      for (const [k, v] of Object.entries(entries)) {
        if (v === null) delete next[k];
        else next[k] = v;
      }
      stateRef.current = next;
    },
    [port],
  );

  /**
   * Validate a grid in memory with the workbook's ignores; highlight the result. Runs inside a
   * queue task; `generation` is the one the task noted when it was queued: when a newer full
   * check has been requested since, nothing is shown or painted (that check will).
   */
  const evaluate = useCallback(
    async (grid: Grid, st: Record<string, string>, generation: number) => {
      if (!queue.isCurrent(generation)) return null;
      gridRef.current = grid;
      const t0 = performance.now();
      const res = validateGrid(grid);
      const resolved = workbookIgnores(st, grid, res.findings);
      const final = reportOf(grid, withoutIgnored(res.findings, resolved.keys), res.catalogue, performance.now() - t0);
      setReport(final);
      setActiveIgnores(resolved.active.length);
      setSheet(final.sheet);
      sheetRef.current = final.sheet;
      setCurrent(-1);
      await port.clearHighlights(final.sheet);
      await port.highlight(final.sheet, final.findings);
      // Marks another runtime (the ribbon's 一键修复) or an earlier session left count too.
      if (port.readFixMarks) {
        const marks = await port.readFixMarks(final.sheet);
        setFixMarked(marks.length > 0 ? final.sheet : null);
      }
      return final;
    },
    [port, queue],
  );

  /** Ignores kept in the pane settings before the state store: moved into the workbook once. */
  const migrateLegacy = useCallback(
    async (grid: Grid, st: Record<string, string>): Promise<Record<string, string>> => {
      const legacy = settings.ignored[grid.sheet];
      if (!legacy?.length) return st;
      const entries: Record<string, string> = {};
      for (const r of recordsFromLegacy(grid.sheet, legacy, grid)) entries[ignoreStateKey(r)] = ignoreStateValue(r);
      await writeState(entries);
      const rest = { ...settings.ignored };
      delete rest[grid.sheet];
      await saveSettings({ ...settings, ignored: rest });
      return stateRef.current ?? st;
    },
    [settings, saveSettings, writeState],
  );

  /** A full check, queued; a newer one requested before it starts makes it a no-op. */
  const check = useCallback(
    (name?: string, o: { quiet?: boolean } = {}) => {
      const generation = queue.bump();
      return queue.run(async () => {
        if (!queue.isCurrent(generation)) return;
        setBusy(t(locale, 'validating'));
        if (!o.quiet) setNotice(null);
        await nextFrame();
        try {
          const grid = await port.readSheet(name || undefined);
          ownWrites.current.clear(grid.sheet); // the grid now holds our writes
          const st = await migrateLegacy(grid, await loadState());
          await evaluate(grid, st, generation);
        } catch (e) {
          if (!queue.isCurrent(generation)) return;
          setReport(null);
          setNotice({ intent: 'error', text: errorText(e, locale) });
        } finally {
          setBusy(null);
        }
      });
    },
    [port, queue, locale, loadState, evaluate, migrateLegacy],
  );

  /**
   * What the long-lived handlers (the live re-check's onChanged) call: always the current
   * callbacks and locale, so a settings or language change does not have to re-register them
   * (which would drop the edits waiting for the debounce).
   */
  const latest = useRef({ check, evaluate, locale });
  latest.current = { check, evaluate, locale };

  // A new document: its state, its sheets, and a check of the default one.
  useEffect(() => {
    let live = true;
    stateRef.current = null;
    gridRef.current = null;
    port
      .listSheets()
      .then((names) => {
        if (!live) return;
        setSheets(names.filter((n) => !OWN_SHEET.test(n)));
        void check(undefined);
      })
      .catch((e: unknown) => setNotice({ intent: 'error', text: errorText(e, locale) }));
    return () => {
      live = false;
    };
  }, [host.docKey]);

  // Excel's worksheets.onChanged (ExcelApi 1.9): re-read only the changed rows, debounced; a
  // change that our own write explains (same address, the value we wrote) is dropped. Registered
  // once per document: the callbacks come through `latest`.
  useEffect(() => {
    const events = port.events;
    if (!events) return;
    let pending: CellsChangedEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let off: (() => Promise<void>) | undefined;
    let closed = false;
    const run = () => {
      // Queued behind whatever the pane is doing; its result counts only if no full check was asked for meanwhile.
      const generation = queue.generation;
      return queue.run(async () => {
        if (closed) return;
        const grid = gridRef.current;
        const st = stateRef.current;
        if (!queue.isCurrent(generation)) {
          pending = pending.filter((e) => e.sheet !== grid?.sheet); // the newer full check reads them
          return;
        }
        if (!grid || !st || pending.length === 0) return;
        const batch = pending.filter((e) => e.sheet === grid.sheet);
        pending = [];
        if (batch.length === 0) return;
        try {
          const spans = rowsToReread(batch);
          if (!spans) {
            void latest.current.check(grid.sheet, { quiet: true });
            return;
          }
          const read = await port.readRows(grid.sheet, spans, Math.max(gridWidth(grid), widestColumn(batch)));
          if (!queue.isCurrent(generation)) return;
          const user = batch.filter((e) => !ownWrites.current.explains(grid.sheet, e.address, read, grid));
          if (user.length === 0) return;
          await latest.current.evaluate(mergeRows(grid, read), st, generation);
        } catch (e) {
          setNotice({ intent: 'error', text: errorText(e, latest.current.locale) });
        }
      });
    };
    events
      .onChanged((e) => {
        if (e.sheet !== sheetRef.current) return;
        pending.push(e);
        clearTimeout(timer);
        timer = setTimeout(() => void run(), RECHECK_DEBOUNCE_MS);
      })
      .then((unsubscribe) => {
        off = unsubscribe;
        if (closed) void unsubscribe();
      })
      .catch(() => undefined); // a convenience: the 重新校验 button remains
    return () => {
      closed = true;
      clearTimeout(timer);
      if (off) void off().catch(() => undefined);
    };
  }, [port, host.docKey]);

  const groups = useMemo(() => groupFindings(report?.findings ?? []), [report]);
  const order = useMemo(() => displayOrder(groups), [groups]);

  const select = async (f: Finding) => {
    setCurrent(order.indexOf(f));
    await queue.run(async () => {
        try {
          await port.select(f.sheet, { r1: f.row, c1: f.col, r2: f.row, c2: f.col });
        } catch (e) {
          setNotice({ intent: 'error', text: errorText(e, locale) });
        }
    });
  };

  const move = (by: 1 | -1) => {
    const i = step(current, order.length, by);
    if (i >= 0) void select(order[i]);
  };

  const remember = (sheetName: string, applied: readonly CellEdit[]) => ownWrites.current.record(sheetName, applied);

  const logWarning = (problem: { reason?: { zh: string; en: string } } | undefined) =>
    problem ? t(locale, 'logDamaged', { reason: (locale === 'en' ? problem.reason?.en : problem.reason?.zh) ?? '' }) : '';

  const fixOne = async (f: Finding) => {
    const fix = f.fix;
    if (!fix) return;
    let after: Promise<void> | undefined;
    await queue.run(async () => {
      setBusy(t(locale, 'fixing'));
      try {
        const logged = await fixLogOption(port, f.sheet, () => [f.ruleId]);
        const r = await port.applyEdits(f.sheet, fix.edits, logged.options);
        remember(f.sheet, r.applied);
        setLastFix(r.applied.length ? { sheet: f.sheet, undo: undoFor(r) } : null);
        if (r.applied.length) setFixMarked(f.sheet);
        setNotice({
          intent: logged.problem ? 'warning' : 'success',
          text: t(locale, 'fixedSummary', { applied: r.applied.length, passes: 1, skipped: r.skipped.length ? t(locale, 'skippedPart', { n: r.skipped.length }) : '' }) + logWarning(logged.problem),
        });
      } catch (e) {
        setNotice({ intent: 'error', text: errorText(e, locale) });
      } finally {
        setBusy(null);
      }
      // Queued from inside: it runs next, and live re-checks queued meanwhile see a newer generation.
      after = check(f.sheet, { quiet: true });
    });
    await after;
  };

  const fixAll = async () => {
    if (!report) return;
    const sheetName = report.sheet;
    let after: Promise<void> | undefined;
    await queue.run(async () => {
      setBusy(t(locale, 'fixing'));
      await nextFrame();
      try {
        // The ribbon's 一键修复 takes the same path: the ignores read from the workbook's state.
        const r = await fixSheet(port, { sheet: sheetName, log: true, ignores: 'workbook' });
        if (r.apply) remember(r.sheet, r.apply.applied);
        setLastFix(r.apply?.applied.length ? { sheet: r.sheet, undo: undoFor(r.apply) } : null);
        if (r.apply?.applied.length) setFixMarked(r.sheet);
        const applied = r.apply?.applied.length ?? 0;
        const skipped = r.apply?.skipped.length ?? 0;
        setNotice(
          applied + skipped === 0
            ? { intent: 'info', text: t(locale, 'nothingToFix') }
            : {
                intent: r.logProblem ? 'warning' : 'success',
                text: t(locale, 'fixedSummary', { applied, passes: r.passes, skipped: skipped ? t(locale, 'skippedPart', { n: skipped }) : '' }) + logWarning(r.logProblem),
              },
        );
      } catch (e) {
        setNotice({ intent: 'error', text: errorText(e, locale) });
      } finally {
        setBusy(null);
      }
      after = check(sheetName, { quiet: true });
    });
    await after;
  };

  const undo = async () => {
    const last = lastFix;
    if (!last) return;
    setLastFix(null);
    let after: Promise<void> | undefined;
    await queue.run(async () => {
      setBusy(t(locale, 'fixing'));
      try {
        // highlight: false — the cells put back lose their fix marks in the same write
        const r = await port.applyEdits(last.sheet, last.undo, { highlight: false });
        remember(last.sheet, r.applied);
        setNotice({ intent: 'info', text: t(locale, 'undone', { n: r.applied.length, skipped: r.skipped.length ? t(locale, 'skippedPart', { n: r.skipped.length }) : '' }) });
      } catch (e) {
        setNotice({ intent: 'error', text: errorText(e, locale) });
      } finally {
        setBusy(null);
      }
      after = check(last.sheet, { quiet: true });
    });
    await after;
  };

  const clearMarks = () =>
    queue.run(async () => {
        if (!fixMarked) return;
        try {
          await port.clearFixMarks(fixMarked);
          setFixMarked(null);
        } catch (e) {
          setNotice({ intent: 'error', text: errorText(e, locale) });
        }
    });

  const ignore = (f: Finding) =>
    queue.run(async () => {
        // Read at run time: an earlier queued ignore or fix may have changed both.
        const grid = gridRef.current;
        const st = stateRef.current;
        if (!grid || !st || grid.sheet !== f.sheet) return;
        try {
          const record = ignoreRecordFor(f, grid);
          // Lapsed ignores of this sheet (their value is gone) are dropped in the same write.
          const resolved = workbookIgnores(st, grid, validateGrid(grid).findings);
          const entries: Record<string, string | null> = { [ignoreStateKey(record)]: ignoreStateValue(record) };
          for (const r of resolved.lapsed) entries[ignoreStateKey(r)] = null;
          await writeState(entries);
          await evaluate(grid, stateRef.current ?? st, queue.generation);
        } catch (e) {
          setNotice({ intent: 'error', text: errorText(e, locale) });
        }
    });

  const unignoreAll = () =>
    queue.run(async () => {
        const grid = gridRef.current;
        if (!grid || !stateRef.current) return;
        try {
          const entries: Record<string, string | null> = {};
          for (const r of ignoresOf(stateRef.current, grid.sheet) as IgnoreRecord[]) entries[ignoreStateKey(r)] = null;
          await writeState(entries);
          await evaluate(grid, stateRef.current ?? {}, queue.generation);
        } catch (e) {
          setNotice({ intent: 'error', text: errorText(e, locale) });
        }
    });

  const addDropdowns = () =>
    queue.run(async () => {
      const grid = gridRef.current;
      if (!grid) return;
      setBusy(t(locale, 'addingDropdowns'));
      try {
        const plan = catalogueDropdowns(grid);
        if (!plan || plan.rules.length === 0) {
          setNotice({ intent: 'info', text: t(locale, 'noDropdownColumns') });
          return;
        }
        await port.addValidation(grid.sheet, plan.rules);
        const cols = plan.columns.map((c) => (c.kind === 'prompt' ? t(locale, 'promptOnly', { label: c.label }) : c.label)).join(locale === 'en' ? ', ' : '、');
        setNotice({ intent: 'success', text: t(locale, host.kind === 'workbench' ? 'dropdownsAddedFile' : 'dropdownsAdded', { n: plan.columns.length, cols }) });
      } catch (e) {
        setNotice({ intent: 'error', text: errorText(e, locale) });
      } finally {
        setBusy(null);
      }
    });

  const ignoredCount = activeIgnores;
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
      h(
        Button,
        { onClick: () => void addDropdowns(), disabled: Boolean(busy) || !report?.header || !port.capabilities.dataValidation, ...data({ testid: 'add-dropdowns' }) },
        t(locale, 'addDropdowns'),
      ),
      fixMarked ? h(Button, { appearance: 'subtle', onClick: () => void clearMarks(), ...data({ testid: 'clear-fix-marks' }) }, t(locale, 'clearFixMarks')) : null,
    ),
    !port.capabilities.dataValidation ? h(Caption1, { className: s.hint, ...data({ testid: 'dropdowns-unsupported' }) }, t(locale, host.kind === 'excel' ? 'dropdownsNeedApi' : 'dropdownsNeedXlsx')) : null,
    host.kind === 'excel' && !port.events ? h(Caption1, { className: s.hint, ...data({ testid: 'no-live-recheck' }) }, t(locale, 'noLiveRecheck')) : null,
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
    report && ignoredCount > 0 ? h(Button, { appearance: 'subtle', size: 'small', onClick: () => void unignoreAll(), ...data({ testid: 'unignore-all' }) }, t(locale, 'unignoreAll', { n: ignoredCount })) : null,
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
