/// <reference lib="dom" />
/**
 * The browser workbench: drop or pick a workbook, and the same task pane works on it through the
 * file adapter. 下载 returns the workbook via FileWorkbook.save() — a zip-level patch of the edited
 * cells, every style, merge and other sheet kept, plus what the pane added inside the file (the
 * state sheet with ignored findings, the log, drop-down lists, the 月度统计 chart) — and the pane
 * hands PDFs out as downloads.
 */
import { Body1, Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { createElement as h, useMemo, useRef, useState } from 'react';
import { type FileWorkbook, readWorkbook } from '../port/file/index.ts';
import { App } from '../taskpane/App.ts';
import { downloadBytes, openBytes } from '../taskpane/download.ts';
import { errorText, nextFrame } from '../taskpane/host.ts';
import type { PaneHost } from '../taskpane/host.ts';
import { type PaneServices, defaultServices } from '../taskpane/services.ts';
import { browserFontStore } from '../taskpane/font-store.ts';
import { browserStore, memoryStore } from '../taskpane/settings.ts';
import { data } from '../taskpane/data-attrs.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  pane: { maxWidth: '760px', margin: '0 auto', backgroundColor: tokens.colorNeutralBackground1, minHeight: '100vh' },
  drop: {
    maxWidth: '560px',
    margin: '12vh auto 0',
    padding: '40px 24px',
    textAlign: 'center',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    alignItems: 'center',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  tools: { display: 'inline-flex', gap: '4px', marginRight: '4px' },
});

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined; // storage blocked (private mode, sandboxed frame)
  }
}

export interface WorkbenchProps {
  services?: PaneServices;
}

export function Workbench({ services }: WorkbenchProps) {
  const s = useStyles();
  const [wb, setWb] = useState<FileWorkbook | null>(null);
  const [loads, setLoads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const svc = useMemo(() => services ?? defaultServices(), [services]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    await nextFrame();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const next = readWorkbook(bytes, file.name);
      setWb(next);
      setLoads((n) => n + 1);
    } catch (e) {
      setError(errorText(e, 'zh-CN'));
    } finally {
      setBusy(false);
    }
  };

  const host: PaneHost | null = useMemo(() => {
    if (!wb) return null;
    const local = storage('localStorage');
    const session = storage('sessionStorage');
    return {
      kind: 'workbench',
      port: wb,
      settings: local && session ? browserStore(local, session, wb.fileName) : memoryStore(),
      services: svc,
      theme: 'light',
      docKey: `${wb.fileName}#${loads}`,
      deliver: (f) => downloadBytes(f.name, f.bytes, f.mime),
      open: (f) => void openBytes(f.bytes, f.mime),
      fonts: browserFontStore(),
    };
  }, [wb, loads, svc]);

  const save = () => {
    if (!wb) return;
    try {
      downloadBytes(wb.suggestedFileName, wb.save(), wb.format === 'csv' ? 'text/csv' : XLSX_MIME);
    } catch (e) {
      setError(errorText(e, 'zh-CN'));
    }
  };

  const picker = h('input', {
    ref: input,
    type: 'file',
    accept: '.xlsx,.xlsm,.xls,.ods,.csv,.tsv',
    style: { display: 'none' },
    ...data({ testid: 'file-input' }),
    onChange: (e: { target: HTMLInputElement }) => {
      void open(e.target.files?.[0]);
      e.target.value = '';
    },
  });
  const errorBar = error ? h(MessageBar, { intent: 'error', ...data({ testid: 'open-error' }) }, h(MessageBarBody, null, error)) : null;

  if (!host || !wb) {
    return h(
      FluentProvider,
      { theme: webLightTheme, lang: 'zh-CN' },
      h(
        'main',
        { className: s.page },
        h(
          'div',
          {
            className: over ? `${s.drop} ${s.over}` : s.drop,
            ...data({ testid: 'dropzone' }),
            onDragOver: (e: DragEvent) => {
              e.preventDefault();
              setOver(true);
            },
            onDragLeave: () => setOver(false),
            onDrop: (e: DragEvent) => {
              e.preventDefault();
              setOver(false);
              void open(e.dataTransfer?.files?.[0]);
            },
          },
          h(Title3, { as: 'h1' }, '政务公开工作台'),
          h(Body1, null, '把目录或申请登记表（.xlsx / .xls / .ods / .csv）拖到这里，或点击选择文件。文件只在本机浏览器中处理，不会上传。'),
          h(Body1, null, 'Drop a workbook here or pick one. It is processed in this browser only, never uploaded.'),
          h(Button, { appearance: 'primary', onClick: () => input.current?.click(), ...data({ testid: 'pick' }) }, '选择文件 / Open'),
          busy ? h(Spinner, { size: 'small', label: '正在读取…' }) : null,
          errorBar,
          picker,
        ),
      ),
    );
  }

  const toolbar = h(
    'span',
    { className: s.tools },
    h(Button, { size: 'small', onClick: () => input.current?.click(), title: wb.fileName }, '打开…'),
    h(Button, { size: 'small', appearance: 'primary', onClick: save, disabled: !wb.writable, ...data({ testid: 'download' }) }, '下载'),
    picker,
  );
  return h('div', { className: s.page }, h('div', { className: s.pane }, errorBar, h(App, { key: host.docKey, host, toolbar })));
}
