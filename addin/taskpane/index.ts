/// <reference lib="dom" />
/**
 * taskpane.html entry. Inside Excel: build the host from Office.js (the Excel adapter behind
 * WorkbookPort, workbook settings, the Office theme, onChanged for re-checks) and render the pane.
 * Outside Office (a plain browser): the workbench, loaded as a separate chunk.
 *
 * This is the one task-pane module that touches Office globals; the components only see the host.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type TabId } from './App.ts';
import { downloadBytes, openBytes } from './download.ts';
import type { PaneHost } from './host.ts';
import { themeOf } from './office-theme.ts';
import { defaultServices } from './services.ts';
import { type OfficeSettingsLike, workbookStore } from './settings.ts';

/** The few Office.js members used here (no dependency on @types/office-js). */
interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    document: { settings: OfficeSettingsLike };
    officeTheme?: { bodyBackgroundColor?: string };
  };
}
interface ExcelEventArgs {
  worksheetId: string;
  source?: string;
}
interface ExcelLike {
  run<T>(fn: (ctx: ExcelContextLike) => Promise<T>): Promise<T>;
}
interface ExcelContextLike {
  workbook: {
    worksheets: {
      onChanged: { add(handler: (e: ExcelEventArgs) => Promise<void>): { remove(): void } };
      getItem(id: string): { name: string; load(p: string): void };
    };
  };
  sync(): Promise<void>;
}

const g = globalThis as unknown as { Office?: OfficeLike; Excel?: ExcelLike };

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

function userEdits(excel: ExcelLike): PaneHost['onUserEdit'] {
  return (listener) => {
    let handle: { remove(): void } | undefined;
    let closed = false;
    void excel
      .run(async (ctx) => {
        handle = ctx.workbook.worksheets.onChanged.add(async (e) => {
          if (e.source && e.source !== 'Local') return;
          await excel.run(async (c) => {
            const ws = c.workbook.worksheets.getItem(e.worksheetId);
            ws.load('name');
            await c.sync();
            listener(ws.name);
          });
        });
        await ctx.sync();
        if (closed) handle.remove();
      })
      .catch(() => undefined); // re-checks on edit are a convenience: the 重新校验 button remains
    return () => {
      closed = true;
      if (handle) void excel.run(async (ctx) => (handle?.remove(), ctx.sync())).catch(() => undefined);
    };
  };
}

async function startInExcel(office: OfficeLike, excel: ExcelLike): Promise<void> {
  // The Excel adapter (and the one module calling Excel.run) is its own chunk: the workbench never loads it.
  const { createExcelWorkbook } = await import(/* webpackChunkName: "excel-port" */ '../port/excel/office.ts');
  const host: PaneHost = {
    kind: 'excel',
    port: createExcelWorkbook(),
    settings: workbookStore(office.context.document.settings),
    services: defaultServices(),
    theme: themeOf(office.context.officeTheme?.bodyBackgroundColor),
    docKey: 'excel',
    deliver: (f) => downloadBytes(f.name, f.bytes, f.mime),
    open: (f) => void openBytes(f.bytes, f.mime),
    onUserEdit: userEdits(excel),
  };
  const tab = new URLSearchParams(location.search).get('tab') as TabId | null;
  createRoot(root()).render(createElement(App, { host, initialTab: tab ?? 'catalogue' }));
}

async function start(): Promise<void> {
  const office = g.Office;
  const info = office ? await office.onReady().catch(() => ({ host: null, platform: null })) : { host: null };
  if (office && g.Excel && info.host === 'Excel') return startInExcel(office, g.Excel);
  // Not in Excel: this page works as the workbench.
  const { mountWorkbench } = await import(/* webpackChunkName: "workbench-lazy" */ '../workbench/mount.ts');
  mountWorkbench(root());
}

start().catch((e: unknown) => showError(`任务窗格启动失败：${e instanceof Error ? e.message : String(e)}`));
