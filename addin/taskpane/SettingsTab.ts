/// <reference lib="dom" />
/**
 * 设置: office name, 文号 patterns, reply deadline (20 or 15 working days), contact, remedies
 * wording, and an own font (kept for this session; checked to be a TrueType/OpenType file).
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles } from '@fluentui/react-components';
import { createElement as h, useEffect, useState } from 'react';
import { errorText } from './host.ts';
import type { PaneHost } from './host.ts';
import { type PaneLocale, t } from './i18n.ts';
import type { PaneSettings } from './settings.ts';
import { data } from './data-attrs.ts';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: '10px' } });

export interface SettingsTabProps {
  host: PaneHost;
  settings: PaneSettings;
  saveSettings(s: PaneSettings): Promise<void>;
  locale: PaneLocale;
  font?: { name: string; bytes: Uint8Array };
  setFont(f: { name: string; bytes: Uint8Array } | undefined): void;
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
  useEffect(() => setDraft(settings), [settings]);

  const set = <K extends keyof PaneSettings>(k: K, v: PaneSettings[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (label: string, value: string, on: (v: string) => void, testid?: string) =>
    h(Field, { label }, h(Input, { value, ...data({ testid }), onChange: (_e: unknown, d: { value: string }) => on(d.value) }));

  const save = async () => {
    try {
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
    setFont({ name: file.name, bytes });
    setNotice(null);
  };

  return h(
    'section',
    { className: s.col, 'aria-label': t(locale, 'tabSettings') },
    text(t(locale, 'officeName'), draft.officeName, (v) => set('officeName', v), 'office-name'),
    h(
      Field,
      { label: t(locale, 'docNumberPatterns') },
      h(Textarea, { value: draft.docNumberPatterns.join('\n'), resize: 'vertical', onChange: (_e: unknown, d: { value: string }) => set('docNumberPatterns', d.value.split('\n')) }),
    ),
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
      Field,
      { label: t(locale, 'ownFont') },
      h('input', { type: 'file', accept: '.ttf,.otf,.ttc,font/ttf,font/otf', onChange: (e: { target: HTMLInputElement }) => void pickFont(e.target.files?.[0]) }),
    ),
    font ? h(Caption1, null, t(locale, 'fontLoaded', { name: font.name, kb: Math.round(font.bytes.length / 1024) })) : null,
    h(
      'div',
      null,
      h(Button, { appearance: 'primary', ...data({ testid: 'save-settings' }), onClick: () => void save() }, t(locale, 'save')),
    ),
    notice ? h(MessageBar, { intent: notice.intent }, h(MessageBarBody, null, notice.text)) : null,
  );
}
