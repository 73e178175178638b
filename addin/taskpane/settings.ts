/**
 * Office settings the pane keeps, and where it keeps them. In Excel they live in the workbook
 * (Office.context.document.settings, saved with the file); in the workbench in the browser's
 * localStorage. Ignored findings are not settings: they live in the workbook's own state sheet
 * (WorkbookPort.writeState, see ignores.ts), so they travel with the file in both hosts; the
 * `ignored` field only carries ignores saved by earlier versions, moved into the workbook on the
 * next check. The own font is kept in IndexedDB (font-store.ts): it is megabytes.
 */
import type { PaneLocale } from './i18n.ts';
import { EMPTY_CALENDAR, type PaneCalendar, normalizeCalendar } from './pane-calendar.ts';

export interface PaneSettings {
  locale: PaneLocale;
  officeName: string;
  /** 文号 patterns, `{year}` and `{n}` placeholders, e.g. 「某政公开〔{year}〕{n}号」; the first is the default for every form. */
  docNumberPatterns: string[];
  /** 文号 pattern per form type (form id -> pattern), over the default: e.g. 受理回执 and 答复书 numbered apart. */
  docNumberByForm: Record<string, string>;
  replyDays: 20 | 15;
  contact: { person: string; phone: string; address: string };
  /** 救济途径 wording for reply letters; empty = the templates' default clause. */
  remedies: string;
  /** The working-day calendar as typed: local holidays and working days, next year's 放假安排 (pane-calendar.ts). */
  calendar: PaneCalendar;
  /** Legacy: ignores per sheet (`${ruleId}@${cell}`) from before the workbook state; migrated on the next check. */
  ignored: Record<string, string[]>;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  locale: 'zh-CN',
  officeName: '',
  docNumberPatterns: ['依申请公开〔{year}〕{n}号'],
  docNumberByForm: {},
  replyDays: 20,
  contact: { person: '', phone: '', address: '' },
  remedies: '',
  calendar: EMPTY_CALENDAR,
  ignored: {},
};

/** Fill missing or malformed fields from the defaults (stored data may be old or hand-edited). */
export function normalizeSettings(raw: unknown): PaneSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const c = (o.contact && typeof o.contact === 'object' ? o.contact : {}) as Record<string, unknown>;
  const byForm: Record<string, string> = {};
  if (o.docNumberByForm && typeof o.docNumberByForm === 'object') {
    for (const [k, v] of Object.entries(o.docNumberByForm as Record<string, unknown>)) if (typeof v === 'string' && v.trim() !== '') byForm[k] = v.trim();
  }
  const ignored: Record<string, string[]> = {};
  if (o.ignored && typeof o.ignored === 'object') {
    for (const [k, v] of Object.entries(o.ignored as Record<string, unknown>)) {
      if (Array.isArray(v)) ignored[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  return {
    locale: o.locale === 'en' ? 'en' : 'zh-CN',
    officeName: str(o.officeName, DEFAULT_SETTINGS.officeName),
    docNumberPatterns: Array.isArray(o.docNumberPatterns) ? o.docNumberPatterns.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : DEFAULT_SETTINGS.docNumberPatterns,
    docNumberByForm: byForm,
    replyDays: o.replyDays === 15 ? 15 : 20,
    contact: { person: str(c.person, ''), phone: str(c.phone, ''), address: str(c.address, '') },
    remedies: str(o.remedies, DEFAULT_SETTINGS.remedies),
    calendar: normalizeCalendar(o.calendar),
    ignored,
  };
}

export interface SettingsStore {
  /** Where the settings go, for the 设置 tab's message. */
  readonly where: 'workbook' | 'browser' | 'memory';
  load(): Promise<PaneSettings>;
  save(s: PaneSettings): Promise<void>;
}

export function memoryStore(initial?: Partial<PaneSettings>): SettingsStore {
  let current = normalizeSettings({ ...DEFAULT_SETTINGS, ...initial });
  return {
    where: 'memory',
    load: () => Promise.resolve(structuredClone(current)),
    save: (s) => {
      current = structuredClone(s);
      return Promise.resolve();
    },
  };
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Browser storage: settings in `persistent` under one key for all files. `session` only still
 * holds legacy ignores per file (earlier versions kept them there), read so the next check can
 * move them into the workbook; what is saved now is whatever is left of them.
 */
export function browserStore(persistent: KeyValueStorage, session: KeyValueStorage, fileKey: string): SettingsStore {
  const SETTINGS_KEY = 'xxgk.settings';
  const ignoreKey = `xxgk.ignored:${fileKey}`;
  const read = (s: KeyValueStorage, k: string): unknown => {
    try {
      const v = s.getItem(k);
      return v ? JSON.parse(v) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    where: 'browser',
    load: () => Promise.resolve(normalizeSettings({ ...(read(persistent, SETTINGS_KEY) as object), ignored: read(session, ignoreKey) })),
    save: (s) => {
      const { ignored, ...rest } = s;
      persistent.setItem(SETTINGS_KEY, JSON.stringify(rest));
      session.setItem(ignoreKey, JSON.stringify(ignored));
      return Promise.resolve();
    },
  };
}

/** The subset of Office.Settings the workbook store uses. */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

/** Settings stored in the workbook itself (Office document settings, saved with the file). */
export function workbookStore(settings: OfficeSettingsLike): SettingsStore {
  const KEY = 'xxgk.settings';
  return {
    where: 'workbook',
    load: () => Promise.resolve(normalizeSettings(settings.get(KEY))),
    save: (s) =>
      new Promise((resolve, reject) => {
        settings.set(KEY, structuredClone(s));
        settings.saveAsync((r) => (r.status === 'succeeded' ? resolve() : reject(new Error(`设置未能保存到工作簿：${r.error?.message ?? r.status}`))));
      }),
  };
}
