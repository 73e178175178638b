/**
 * What a host (Excel or the browser workbench) hands the pane. Components only talk to this
 * object: they never call Excel.run, touch Office globals or read files themselves. Host events
 * (cells changed, selection moved) come through `port.events` when the host has them.
 */
import type { WorkbookPort } from '../port/workbook-port.ts';
import type { PaneLocale } from './i18n.ts';
import type { PaneServices } from './services.ts';
import type { FontStore } from './font-store.ts';
import type { SettingsStore } from './settings.ts';

export interface DeliveredFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export interface PaneHost {
  kind: 'excel' | 'workbench';
  port: WorkbookPort;
  settings: SettingsStore;
  services: PaneServices;
  /** Office's theme when in Office; the workbench is light. */
  theme: 'light' | 'dark';
  /** Called when the host's theme changes (see index.ts: Excel has no event; best effort). */
  onThemeChange?(listener: (theme: 'light' | 'dark') => void): () => void;
  /** Where an uploaded own font is kept between sessions (IndexedDB); absent: this session only. */
  fonts?: FontStore;
  /** Changes whenever the host's document changes (the workbench opened another file). */
  docKey: string;
  /** Hand a file to the user: a browser download (workbench) or a new window (Excel). */
  deliver(file: DeliveredFile): void;
  /** Show a file (a PDF) in a new window, when the host can. */
  open?(file: DeliveredFile): void;
}

/** Plain text for any error, in the pane's language (adapter errors carry both languages). */
export function errorText(e: unknown, locale: PaneLocale): string {
  if (e && typeof e === 'object') {
    const o = e as { zh?: unknown; en?: unknown; message?: unknown };
    if (typeof o.zh === 'string' && typeof o.en === 'string') return locale === 'en' ? o.en : o.zh;
    if (typeof o.message === 'string') {
      const parts = o.message.split(' / ');
      if (parts.length === 2) return locale === 'en' ? parts[1] : parts[0];
      return o.message;
    }
  }
  return String(e);
}

/** Let the browser paint (a spinner) before synchronous work. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
