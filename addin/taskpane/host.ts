/**
 * What a host (Excel or the browser workbench) hands the pane. Components only talk to this
 * object: they never call Excel.run, touch Office globals or read files themselves.
 */
import type { WorkbookPort } from '../port/workbook-port.ts';
import type { PaneLocale } from './i18n.ts';
import type { PaneServices } from './services.ts';
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
  /** Changes whenever the host's document changes (the workbench opened another file). */
  docKey: string;
  /** Hand a file to the user: a browser download (workbench) or a new window (Excel). */
  deliver(file: DeliveredFile): void;
  /** Show a file (a PDF) in a new window, when the host can. */
  open?(file: DeliveredFile): void;
  /**
   * Called with the sheet name when the user edits cells (Excel's onChanged); the pane re-checks,
   * debounced. Returns an unsubscribe function. Absent in the workbench (only the pane edits).
   */
  onUserEdit?(listener: (sheet: string) => void): () => void;
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
