/// <reference lib="dom" />
/**
 * 设置: office name, 文号 patterns (a default and one per form type), reply deadline (20 or 15
 * working days), contact, remedies wording, the working-day calendar (local holidays and working
 * days, yearly schedules typed in; checked before saving, errors naming the field and line), and
 * an own font (checked to be a TrueType/OpenType file; kept in IndexedDB between sessions where
 * the host has it).
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles } from '@fluentui/react-components';
import { createElement as h, useEffect, useState } from 'react';
import { errorText } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { FormChoice } from './services.ts';
import type { PaneSettings } from './settings.ts';
import { type PaneCalendarYear, isEmptyCalendar } from './pane-calendar.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: '10px' } });

export interface SettingsTabProps {
  host: PaneHost;
  settings: PaneSettings;
  saveSettings(s: PaneSettings): Promise<void>;
  locale: PaneLocale;
  font?: { name: string; bytes: Uint8Array };
  /** Resolves true when the font is kept for later sessions too. */
  setFont(f: { name: string; bytes: Uint8Array } | undefined): Promise<boolean>;
}

/** TrueType (00 01 00 00, 'true'), OpenType CFF ('OTTO') or a collection ('ttcf'). */
export function looksLikeFont(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const tag = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  return (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0) || tag === 'true' || tag === 'OTTO' || tag === 'ttcf';
}

export function SettingsTab({ host, settings, saveSettings, locale, font, setFont }: SettingsTabProps) {
  const s = useStyles();
  const [draft, setDraft] = useState(settings);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [numbered, setNumbered] = useState<FormChoice[]>([]);
  useEffect(() => setDraft(settings), [settings]);
  // The form types that carry a 文号 (from the forms chunk, loaded on first use).
  useEffect(() => {
    let live = true;
    host.services.forms
      .numberedForms()
      .then((f) => live && setNumbered(f))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host.services]);

  const set = <K extends keyof PaneSettings>(k: K, v: PaneSettings[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (label: string, value: string, on: (v: string) => void, testid?: string) =>
    h(Field, { label }, h(Input, { value, ...data({ testid }), onChange: (_e: unknown, d: { value: string }) => on(d.value) }));

  const setCalendar = (c: Partial<PaneSettings['calendar']>) => setDraft((d) => ({ ...d, calendar: { ...d.calendar, ...c } }));
  const setSchedule = (i: number, c: Partial<PaneCalendarYear>) => setDraft((d) => ({ ...d, calendar: { ...d.calendar, schedules: d.calendar.schedules.map((y, k) => (k === i ? { ...y, ...c } : y)) } }));
  const area = (label: string, value: string, on: (v: string) => void, testid: string, placeholder?: string) =>
    h(Field, { label }, h(Textarea, { value, resize: 'vertical', rows: 3, placeholder, ...data({ testid }), onChange: (_e: unknown, d: { value: string }) => on(d.value) }));

  const save = async () => {
    try {
      // a calendar that cannot be read is not saved: the text stays in the fields to be corrected
      if (!isEmptyCalendar(draft.calendar)) await host.services.forms.checkCalendar(draft);
      await saveSettings(draft);
      setNotice({ intent: 'success', text: host.settings.where === 'browser' ? t(locale, 'savedSession') : t(locale, 'saved') });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    }
  };

  const pickFont = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!looksLikeFont(bytes)) {
      setNotice({ intent: 'error', text: t(locale, 'fontRejected', { name: file.name }) });
      return;
    }
    try {
      const kept = await setFont({ name: file.name, bytes });
      setNotice({ intent: 'success', text: t(locale, kept ? 'fontKept' : 'fontSession', { name: file.name }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    }
  };

  const removeFont = async () => {
    try {
      await setFont(undefined);
      setNotice(null);
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, locale) });
    }
  };

  return h(
    'section',
    { className: s.col, 'aria-label': t(locale, 'tabSettings') },
    text(t(locale, 'officeName'), draft.officeName, (v) => set('officeName', v), 'office-name'),
    h(
      Field,
      { label: t(locale, 'docNumberDefault') },
      h(Input, {
        value: draft.docNumberPatterns[0] ?? '',
        ...data({ testid: 'doc-number-default' }),
        onChange: (_e: unknown, d: { value: string }) => set('docNumberPatterns', [d.value, ...draft.docNumberPatterns.slice(1)]),
      }),
    ),
    numbered.length
      ? h(
          'details',
          { ...data({ testid: 'doc-number-forms' }) },
          h('summary', null, t(locale, 'docNumberPerForm')),
          h(
            'div',
            { className: s.col },
            ...numbered.map((f) =>
              h(
                Field,
                { key: f.id, label: f.title },
                h(Input, {
                  value: draft.docNumberByForm[f.id] ?? '',
                  placeholder: draft.docNumberPatterns[0] ?? '',
                  ...data({ testid: `doc-number-${f.id}` }),
                  onChange: (_e: unknown, d: { value: string }) => set('docNumberByForm', { ...draft.docNumberByForm, [f.id]: d.value }),
                }),
              ),
            ),
          ),
        )
      : null,
    h(
      Field,
      { label: t(locale, 'replyDays') },
      h(
        RadioGroup,
        { value: String(draft.replyDays), onChange: (_e: unknown, d: { value: string }) => set('replyDays', d.value === '15' ? 15 : 20) },
        h(Radio, { value: '20', label: t(locale, 'days20') }),
        h(Radio, { value: '15', label: t(locale, 'days15') }),
      ),
    ),
    text(t(locale, 'contactPerson'), draft.contact.person, (v) => set('contact', { ...draft.contact, person: v }), 'contact-person'),
    text(t(locale, 'contactPhone'), draft.contact.phone, (v) => set('contact', { ...draft.contact, phone: v }), 'contact-phone'),
    text(t(locale, 'contactAddress'), draft.contact.address, (v) => set('contact', { ...draft.contact, address: v })),
    h(Field, { label: t(locale, 'remedies') }, h(Textarea, { value: draft.remedies, resize: 'vertical', rows: 4, placeholder: t(locale, 'remediesDefault'), onChange: (_e: unknown, d: { value: string }) => set('remedies', d.value) })),
    h(
      'details',
      { ...data({ testid: 'calendar-settings' }), open: !isEmptyCalendar(draft.calendar) || undefined },
      h('summary', null, t(locale, 'calendar')),
      h(
        'div',
        { className: s.col },
        h(Caption1, null, t(locale, 'calendarHelp')),
        area(t(locale, 'localHolidays'), draft.calendar.localHolidays, (v) => setCalendar({ localHolidays: v }), 'calendar-local-holidays', '2026-03-20 肉孜节'),
        area(t(locale, 'localWorkdays'), draft.calendar.localWorkdays, (v) => setCalendar({ localWorkdays: v }), 'calendar-local-workdays'),
        ...draft.calendar.schedules.map((y, i) =>
          h(
            'fieldset',
            { key: `schedule-${i}`, className: s.col, ...data({ testid: `calendar-schedule-${i}` }) },
            h(Field, { label: t(locale, 'scheduleYear') }, h(Input, { value: y.year, inputMode: 'numeric', ...data({ testid: `calendar-year-${i}` }), onChange: (_e: unknown, d: { value: string }) => setSchedule(i, { year: d.value }) })),
            area(t(locale, 'scheduleHolidays', { year: y.year.trim() || '—' }), y.holidays, (v) => setSchedule(i, { holidays: v }), `calendar-holidays-${i}`, `${y.year.trim() || '2027'}-01-01 元旦`),
            area(t(locale, 'scheduleWorkdays', { year: y.year.trim() || '—' }), y.workdays, (v) => setSchedule(i, { workdays: v }), `calendar-workdays-${i}`),
            h(
              'div',
              null,
              h(Button, { size: 'small', appearance: 'subtle', onClick: () => setCalendar({ schedules: draft.calendar.schedules.filter((_, k) => k !== i) }) }, t(locale, 'removeSchedule')),
            ),
          ),
        ),
        h(
          'div',
          null,
          h(
            Button,
            {
              size: 'small',
              ...data({ testid: 'calendar-add-year' }),
              onClick: () => {
                const years = draft.calendar.schedules.map((y) => Number(y.year)).filter((n) => Number.isInteger(n));
                const next = years.length ? Math.max(...years) + 1 : new Date().getFullYear() + 1;
                setCalendar({ schedules: [...draft.calendar.schedules, { year: String(next), holidays: '', workdays: '' }] });
              },
            },
            t(locale, 'addSchedule'),
          ),
        ),
      ),
    ),
    h(
      Field,
      { label: t(locale, 'ownFont') },
      h('input', { type: 'file', accept: '.ttf,.otf,.ttc,font/ttf,font/otf', ...data({ testid: 'font-input' }), onChange: (e: { target: HTMLInputElement }) => void pickFont(e.target.files?.[0]) }),
    ),
    font
      ? h(
          'div',
          null,
          h(Caption1, { ...data({ testid: 'font-loaded' }) }, t(locale, 'fontLoaded', { name: font.name, kb: Math.round(font.bytes.length / 1024) })),
          ' ',
          h(Button, { size: 'small', appearance: 'subtle', onClick: () => void removeFont() }, t(locale, 'removeFont')),
        )
      : null,
    h(
      'div',
      null,
      h(Button, { appearance: 'primary', ...data({ testid: 'save-settings' }), onClick: () => void save() }, t(locale, 'save')),
    ),
    notice ? h(MessageBar, { intent: notice.intent }, h(MessageBarBody, null, notice.text)) : null,
  );
}
