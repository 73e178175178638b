import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, browserStore, normalizeSettings, workbookStore } from './settings.ts';
import { officeThemeWatcher, themeOf } from './office-theme.ts';

class MemStorage {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('settings', () => {
  it('fills defaults for missing or malformed fields', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = normalizeSettings({ replyDays: 15, locale: 'en', contact: { phone: '0355-1234567' }, ignored: { 目录: ['row-shift@F7', 3] }, docNumberPatterns: ['', '长政公开〔{year}〕{n}号'], docNumberByForm: { receipt: ' 长政受〔{year}〕{n}号 ', bad: 3, empty: ' ' } });
    expect(s.replyDays).toBe(15);
    expect(s.locale).toBe('en');
    expect(s.contact).toEqual({ person: '', phone: '0355-1234567', address: '' });
    expect(s.ignored).toEqual({ 目录: ['row-shift@F7'] });
    expect(s.docNumberPatterns).toEqual(['长政公开〔{year}〕{n}号']);
    expect(s.docNumberByForm).toEqual({ receipt: '长政受〔{year}〕{n}号' });
    expect(normalizeSettings({ replyDays: 30 }).replyDays).toBe(20);
  });

  it('browser store keeps settings for all files and ignores per file', async () => {
    const local = new MemStorage();
    const session = new MemStorage();
    const a = browserStore(local, session, 'a.xlsx');
    await a.save({ ...DEFAULT_SETTINGS, officeName: '上党区政府办', ignored: { S: ['blank-row@A14'] } });
    expect((await browserStore(local, session, 'a.xlsx').load()).ignored).toEqual({ S: ['blank-row@A14'] });
    const b = await browserStore(local, session, 'b.xlsx').load();
    expect(b.officeName).toBe('上党区政府办');
    expect(b.ignored).toEqual({});
  });

  it('workbook store saves through Office document settings and reports a failed save in Chinese', async () => {
    const bag = new Map<string, unknown>();
    let status = 'succeeded';
    const office = { get: (k: string) => bag.get(k), set: (k: string, v: unknown) => void bag.set(k, v), saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => cb?.({ status, error: { message: 'locked' } }) };
    const store = workbookStore(office);
    await store.save({ ...DEFAULT_SETTINGS, replyDays: 15 });
    expect((await store.load()).replyDays).toBe(15);
    status = 'failed';
    await expect(store.save(DEFAULT_SETTINGS)).rejects.toThrow('设置未能保存到工作簿：locked');
  });

  it('follows a dark Office theme', () => {
    expect(themeOf('#262626')).toBe('dark');
    expect(themeOf('#FFFFFF')).toBe('light');
    expect(themeOf(undefined)).toBe('light');
  });

  it('re-reads the Office theme on focus and visibility changes (Excel has no theme event), and stops when unsubscribed', () => {
    const office = { context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } };
    const target = () => {
      const h = new Map<string, Set<() => void>>();
      return {
        addEventListener: (t: string, f: () => void) => void h.set(t, (h.get(t) ?? new Set()).add(f)),
        removeEventListener: (t: string, f: () => void) => void h.get(t)?.delete(f),
        fire: (t: string) => h.get(t)?.forEach((f) => f()),
      };
    };
    const win = target();
    const doc = target();
    const seen: string[] = [];
    const off = officeThemeWatcher(office, win, doc)((t) => seen.push(t));
    win.fire('focus');
    office.context.officeTheme.bodyBackgroundColor = '#262626';
    doc.fire('visibilitychange');
    win.fire('focus');
    office.context.officeTheme.bodyBackgroundColor = '#F3F2F1';
    win.fire('focus');
    expect(seen).toEqual(['dark', 'light']);
    off();
    office.context.officeTheme.bodyBackgroundColor = '#000000';
    win.fire('focus');
    expect(seen).toEqual(['dark', 'light']);
  });
});
