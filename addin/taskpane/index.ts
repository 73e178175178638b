/// <reference lib="dom" />
/**
 * taskpane.html entry. Inside Excel: build the host from Office.js (the Excel adapter behind
 * WorkbookPort — its events drive the re-checks —, workbook settings, the Office theme) and
 * render the pane. Nothing here calls Excel.run: addin/port/excel/office.ts does.
 * Outside Office (a plain browser): the workbench, loaded as a separate chunk.
 *
 * This is the one task-pane module that touches Office globals; the components only see the host.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type TabId } from './App.ts';
import { downloadBytes, openBytes } from './download.ts';
import type { PaneHost } from './host.ts';
import { officeThemeWatcher, themeOf } from './office-theme.ts';
import { defaultServices } from './services.ts';
import { browserFontStore } from './font-store.ts';
import { type OfficeSettingsLike, workbookStore } from './settings.ts';

/** The few Office.js members used here (no dependency on @types/office-js). */
interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    document: { settings: OfficeSettingsLike };
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

const g = globalThis as unknown as { Office?: OfficeLike; Excel?: unknown };

function root(): HTMLElement {
  return document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
}

function showError(text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'padding:12px;color:#a4262c';
  p.textContent = text;
  root().replaceChildren(p);
}

async function startInExcel(office: OfficeLike): Promise<void> {
  // The Excel adapter (and the one module calling Excel.run) is its own chunk: the workbench never loads it.
  const { createExcelWorkbook } = await import(/* webpackChunkName: "excel-port" */ '../port/excel/office.ts');
  const host: PaneHost = {
    kind: 'excel',
    // Its `events` (worksheets.onChanged / onSelectionChanged) exist with ExcelApi 1.9: the pane re-checks changed rows and follows the selected register row.
    port: createExcelWorkbook(),
    settings: workbookStore(office.context.document.settings),
    services: defaultServices(),
    theme: themeOf(office.context.officeTheme?.bodyBackgroundColor),
    onThemeChange: officeThemeWatcher(office, window, document),
    docKey: 'excel',
    deliver: (f) => downloadBytes(f.name, f.bytes, f.mime),
    open: (f) => void openBytes(f.bytes, f.mime),
    fonts: browserFontStore(),
  };
  const tab = new URLSearchParams(location.search).get('tab') as TabId | null;
  createRoot(root()).render(createElement(App, { host, initialTab: tab ?? 'catalogue' }));
}

async function start(): Promise<void> {
  const office = g.Office;
  const info = office ? await office.onReady().catch(() => ({ host: null, platform: null })) : { host: null };
  if (office && g.Excel && info.host === 'Excel') return startInExcel(office);
  // Not in Excel: this page works as the workbench.
  const { mountWorkbench } = await import(/* webpackChunkName: "workbench-lazy" */ '../workbench/mount.ts');
  mountWorkbench(root());
}

start().catch((e: unknown) => showError(`任务窗格启动失败：${e instanceof Error ? e.message : String(e)}`));
