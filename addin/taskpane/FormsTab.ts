/// <reference lib="dom" />
/**
 * 表单: read 申请登记, pick an application — or select its row in Excel (the pane follows the
 * active cell on that sheet) —, see the forms that fit its state, generate the PDF (fonts and
 * PDF code are fetched on first use), preview it in the pane, then 下载 / 打开.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { createElement as h, useEffect, useMemo, useRef, useState } from 'react';
import { parseRange } from '../port/ranges.ts';
import { errorText } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { FormChoice, GeneratedPdf, RegisterRow, RegisterView } from './services.ts';
import type { PaneSettings } from './settings.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'stretch' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  preview: { width: '100%', height: '520px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The register row index whose sheet row holds `row`, or -1. */
export function rowIndexAt(rows: readonly RegisterRow[], row: number): number {
  return rows.findIndex((r) => r.row === row);
}

export interface FormsTabProps {
  host: PaneHost;
  settings: PaneSettings;
  locale: PaneLocale;
  /** A font the user uploaded in 设置 (this session). */
  font?: Uint8Array;
}

const rowLabel = (r: RegisterRow) => `${r.id || `第 ${r.row} 行`} · ${r.applicant} · ${r.received} · ${r.status}`;

export function FormsTab({ host, settings, locale, font }: FormsTabProps) {
  const s = useStyles();
  const { port, services } = host;
  const [view, setView] = useState<RegisterView | null>(null);
  const [rowIndex, setRowIndex] = useState(-1);
  const [forms, setForms] = useState<FormChoice[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<GeneratedPdf | null>(null);
  const viewRef = useRef<RegisterView | null>(null);

  /** Pick the application on the sheet row the user selected in Excel (when it is one). */
  const follow = (sheet: string, row: number): boolean => {
    const v = viewRef.current;
    if (!v || sheet !== v.sheet) return false;
    const i = rowIndexAt(v.rows, row);
    if (i < 0) return false;
    setRowIndex(i);
    return true;
  };

  const load = async () => {
    setBusy(t(locale, 'loadRegister'));
    setError(null);
    try {
      const v = await services.forms.readRegister(port, settings);
      viewRef.current = v;
      setView(v);
      setRowIndex(v.rows.length ? 0 : -1);
      // Start on the row selected in Excel, if the user is on the register.
      const at = await port.activeCell().catch(() => null);
      if (at) follow(at.sheet, at.row);
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(null);
    }
  };

  useEffect(() => {
    setView(null);
    setPdf(null);
    void load();
    // only when the document changes
  }, [host.docKey]);

  // Excel (ExcelApi 1.9): follow the selection on 申请登记 while the tab is open.
  useEffect(() => {
    const events = port.events;
    if (!events) return;
    let off: (() => Promise<void>) | undefined;
    let closed = false;
    events
      .onSelectionChanged((e) => {
        const r = parseRange(e.address.split(',')[0] ?? '');
        if (r) follow(e.sheet, r.r1);
      })
      .then((u) => {
        off = u;
        if (closed) void u();
      })
      .catch(() => undefined); // the picker remains
    return () => {
      closed = true;
      if (off) void off().catch(() => undefined);
    };
  }, [port, host.docKey]);

  // The preview: a blob URL of the PDF shown in the pane, revoked when replaced or closed.
  const previewUrl = useMemo(() => (pdf ? URL.createObjectURL(new Blob([pdf.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })) : null), [pdf]);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const row = view && rowIndex >= 0 ? view.rows[rowIndex] : undefined;
  useEffect(() => {
    setForms([]);
    if (!row) return;
    services.forms
      .formsFor(port, row)
      .then(setForms)
      .catch((e: unknown) => setError(errorText(e, locale)));
  }, [row, services, port, locale]);

  const generate = async (formId: string) => {
    if (!row) return;
    setError(null);
    setPdf(null);
    setBusy(t(locale, 'generating'));
    try {
      const out = await services.forms.generate(port, row, formId, settings, { font, progress: (m) => setBusy(m) });
      setPdf(out); // shown in the preview; 下载 / 打开 hand it out
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(null);
    }
  };

  return h(
    'section',
    { className: s.col, 'aria-label': t(locale, 'tabForms') },
    h('div', { className: s.row }, h(Button, { onClick: () => void load(), disabled: Boolean(busy) }, t(locale, 'loadRegister'))),
    busy ? h(Spinner, { size: 'tiny', label: busy, labelPosition: 'after' }) : null,
    error ? h(MessageBar, { intent: 'error', ...data({ testid: 'forms-error' }) }, h(MessageBarBody, null, error)) : null,
    view?.problems.length ? h(MessageBar, { intent: 'warning' }, h(MessageBarBody, null, view.problems.join('；'))) : null,
    view && view.rows.length === 0 ? h(Caption1, null, t(locale, 'noRows')) : null,
    view && view.rows.length > 0
      ? h(
          Select,
          { 'aria-label': t(locale, 'pickRow'), ...data({ testid: 'register-row' }), value: String(rowIndex), onChange: (_e: unknown, d: { value: string }) => setRowIndex(Number(d.value)) },
          ...view.rows.map((r, i) => h('option', { key: r.row, value: String(i) }, rowLabel(r))),
        )
      : null,
    row ? h(Caption1, null, t(locale, 'formsFit')) : null,
    row && forms.length === 0 ? h(Caption1, null, t(locale, 'noForms')) : null,
    ...forms.flatMap((f) => [
      h(Button, { key: f.id, ...data({ form: f.id }), disabled: Boolean(busy), onClick: () => void generate(f.id) }, `${t(locale, 'generate')}：${f.title}`),
      ...(f.warnings ?? []).map((w, k) =>
        h(MessageBar, { key: `${f.id}-w${k}`, intent: 'warning', ...data({ testid: `form-warning-${f.id}` }) }, h(MessageBarBody, null, locale === 'en' ? w.en : w.zh)),
      ),
    ]),
    pdf
      ? h(
          MessageBar,
          { intent: 'success', ...data({ testid: 'pdf-ready' }) },
          h(
            MessageBarBody,
            null,
            t(locale, 'generated', { name: pdf.fileName }),
            ' ',
            host.open ? h(Button, { size: 'small', ...data({ testid: 'pdf-open' }), onClick: () => host.open?.({ name: pdf.fileName, bytes: pdf.bytes, mime: 'application/pdf' }) }, t(locale, 'open')) : null,
            ' ',
            h(Button, { size: 'small', appearance: 'primary', ...data({ testid: 'pdf-download' }), onClick: () => host.deliver({ name: pdf.fileName, bytes: pdf.bytes, mime: 'application/pdf' }) }, t(locale, 'download')),
          ),
        )
      : null,
    pdf && previewUrl
      ? h('iframe', { className: s.preview, src: previewUrl, title: t(locale, 'preview', { name: pdf.fileName }), ...data({ testid: 'pdf-preview' }) })
      : null,
    view && port.events ? h(Caption1, { className: s.hint }, t(locale, 'followsSelection', { sheet: view.sheet })) : null,
  );
}
