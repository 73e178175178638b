/// <reference lib="dom" />
/**
 * 表单: read 申请登记, pick an application, see the forms that fit its state, generate the PDF
 * (fonts and PDF code are fetched on first use) and hand it to the user.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { createElement as h, useEffect, useState } from 'react';
import { errorText } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { FormChoice, GeneratedPdf, RegisterRow, RegisterView } from './services.ts';
import type { PaneSettings } from './settings.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'stretch' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

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

  const load = async () => {
    setBusy(t(locale, 'loadRegister'));
    setError(null);
    try {
      const v = await services.forms.readRegister(port, settings);
      setView(v);
      setRowIndex(v.rows.length ? 0 : -1);
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
      setPdf(out);
      host.deliver({ name: out.fileName, bytes: out.bytes, mime: 'application/pdf' });
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
    ...forms.map((f) => h(Button, { key: f.id, ...data({ form: f.id }), disabled: Boolean(busy), onClick: () => void generate(f.id) }, `${t(locale, 'generate')}：${f.title}`)),
    pdf
      ? h(
          MessageBar,
          { intent: 'success', ...data({ testid: 'pdf-ready' }) },
          h(
            MessageBarBody,
            null,
            t(locale, 'generated', { name: pdf.fileName }),
            ' ',
            host.open ? h(Button, { size: 'small', onClick: () => host.open?.({ name: pdf.fileName, bytes: pdf.bytes, mime: 'application/pdf' }) }, t(locale, 'open')) : null,
            ' ',
            h(Button, { size: 'small', onClick: () => host.deliver({ name: pdf.fileName, bytes: pdf.bytes, mime: 'application/pdf' }) }, t(locale, 'download')),
          ),
        )
      : null,
  );
}
